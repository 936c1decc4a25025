import { ApiError } from '../errors/api-error.js';

/**
 * metrics-server's 404s (metrics-server pkg/api/node.go, pod.go). An object its informers do not know is
 * relayed from the lister: client-go's NodeLister names the resource in the singular (`node "x" not found`),
 * the pods' metadata lister in the plural (`pods "x" not found`). An object without metrics yet is reported
 * against the REST storage's own group resource, registered as nodemetrics and podmetrics
 * (pkg/api/install.go), pods by `<namespace>/<name>`.
 */
export function nodeNotFound(name: string): ApiError {
  return new ApiError(404, 'NotFound', `node "${name}" not found`, { name, kind: 'node' });
}

export function podNotFound(name: string): ApiError {
  return new ApiError(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' });
}

export function nodeMetricsNotFound(name: string): ApiError {
  return new ApiError(404, 'NotFound', `nodemetrics.metrics.k8s.io "${name}" not found`, { name, group: 'metrics.k8s.io', kind: 'nodemetrics' });
}

export function podMetricsNotFound(namespace: string, name: string): ApiError {
  const key = `${namespace}/${name}`;
  return new ApiError(404, 'NotFound', `podmetrics.metrics.k8s.io "${key}" not found`, { name: key, group: 'metrics.k8s.io', kind: 'podmetrics' });
}

/** What the aggregator answers while the metrics APIService has no backend (kube-aggregator handler_proxy.go). */
export function metricsUnavailable(): ApiError {
  return new ApiError(503, '', 'service unavailable');
}
