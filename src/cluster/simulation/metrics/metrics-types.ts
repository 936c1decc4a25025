/**
 * The metrics.k8s.io/v1beta1 objects (k8s.io/metrics pkg/apis/metrics/v1beta1 types.go) in the JSON form
 * metrics-server sends them, and the source the API layer reads them from. The cluster computes them; the API
 * only selects, sorts into lists and renders, so this interface is all it knows of how usage is simulated.
 */

export const METRICS_API_VERSION = 'metrics.k8s.io/v1beta1';

/** Canonical quantities: cpu in nanocores (`123456789n`, `5m`), memory base 1024 (`1792444Ki`, `5Mi`). */
export interface ResourceUsage {
  cpu: string;
  memory: string;
}

/** metav1.ObjectMeta as metrics-server fills it: no uid, no resourceVersion, creationTimestamp = now. */
export interface MetricsObjectMeta {
  name: string;
  namespace?: string;
  creationTimestamp: string;
  /** Copied from the node or pod; absent when it has none (omitempty). */
  labels?: Record<string, string>;
}

export interface NodeMetrics {
  kind: 'NodeMetrics';
  apiVersion: typeof METRICS_API_VERSION;
  metadata: MetricsObjectMeta;
  /** metav1.Time of the newer of the two samples the usage is computed from. */
  timestamp: string;
  /** Go duration between the two samples: "20.05s". */
  window: string;
  usage: ResourceUsage;
}

export interface ContainerMetrics {
  name: string;
  usage: ResourceUsage;
}

export interface PodMetrics {
  kind: 'PodMetrics';
  apiVersion: typeof METRICS_API_VERSION;
  metadata: MetricsObjectMeta & { namespace: string };
  timestamp: string;
  window: string;
  containers: ContainerMetrics[];
}

/**
 * What metrics-server's storage answers (metrics-server pkg/storage): metrics for the nodes and running pods
 * it has two samples of. `undefined` (or absence from a list) means "no metrics yet", not "no such object":
 * whether the node or pod exists is the caller's question to the store.
 */
export interface MetricsSource {
  nodeMetrics(name: string): NodeMetrics | undefined;
  podMetrics(namespace: string, name: string): PodMetrics | undefined;
  /** Every node with metrics, sorted by name. */
  listNodeMetrics(): NodeMetrics[];
  /** Every pod with metrics in `namespace` (all namespaces when undefined), sorted by namespace then name. */
  listPodMetrics(namespace?: string): PodMetrics[];
}
