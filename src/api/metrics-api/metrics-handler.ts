import type { Response } from 'express';
import { type KubeObject, matchesQuery, selectable } from '../../cluster/index.js';
import type { MetricsSource, NodeMetrics, PodMetrics } from '../../cluster/index.js';
import { methodNotAllowed } from '../errors/api-error.js';
import { parseListOptions } from '../lists/list-options.js';
import type { ResourceRequest } from '../resources/resource-request.js';
import { metricsUnavailable, nodeMetricsNotFound, nodeNotFound, podMetricsNotFound, podNotFound } from './metrics-errors.js';
import { writeMetrics } from './metrics-output.js';

type MetricsObject = NodeMetrics | PodMetrics;

/**
 * GET and LIST of metrics.k8s.io/v1beta1 nodes and pods, answered as metrics-server answers them
 * (metrics-server pkg/api/node.go, pod.go): objects computed now, filtered by label (and metadata field)
 * selectors, sorted, never paginated, no resourceVersion. The resource router has already resolved the type,
 * the scope and the verb (get or list; watch is refused there).
 */
export function serveMetrics(request: ResourceRequest, res: Response, source: MetricsSource | undefined): void {
  const { type, info } = request;
  if (type.group !== 'metrics.k8s.io' || (info.verb !== 'get' && info.verb !== 'list')) throw methodNotAllowed();
  if (!source) throw metricsUnavailable();
  const pods = type.plural === 'pods';
  if (info.verb === 'get') {
    const name = info.name as string;
    const namespace = info.namespace ?? '';
    const object = pods ? getPodMetrics(request, source, namespace, name) : getNodeMetrics(request, source, name);
    writeMetrics(request, res, { single: object });
    return;
  }
  // Selectors are validated as on any list; metrics-server's listers filter by the node's or pod's labels,
  // which its objects carry.
  const options = parseListOptions(type, request.query, info.namespace, false);
  const items: MetricsObject[] = pods ? source.listPodMetrics(info.namespace) : source.listNodeMetrics();
  const selected = items.filter((item) => matchesQuery(type, options.query, selectable(item as unknown as KubeObject)));
  writeMetrics(request, res, { list: selected });
}

function getNodeMetrics(request: ResourceRequest, source: MetricsSource, name: string): NodeMetrics {
  if (!request.cluster.store.get('/nodes', undefined, name)) throw nodeNotFound(name);
  const metrics = source.nodeMetrics(name);
  if (!metrics) throw nodeMetricsNotFound(name);
  return metrics;
}

function getPodMetrics(request: ResourceRequest, source: MetricsSource, namespace: string, name: string): PodMetrics {
  if (!request.cluster.store.get('/pods', namespace, name)) throw podNotFound(name);
  const metrics = source.podMetrics(namespace, name);
  if (!metrics) throw podMetricsNotFound(namespace, name);
  return metrics;
}
