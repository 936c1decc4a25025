import type { Cluster } from '../../cluster/index.js';
import type { MetricsSource } from '../../cluster/simulation/metrics/index.js';

/**
 * The cluster's metrics, when it has any. Reads `cluster.metrics` structurally so this works before and after
 * Cluster declares the field; a cluster without metrics is a cluster without metrics-server.
 */
export function metricsSourceOf(cluster: Cluster): MetricsSource | undefined {
  if (!('metrics' in cluster)) return undefined;
  const candidate: unknown = cluster.metrics;
  return isMetricsSource(candidate) ? candidate : undefined;
}

function isMetricsSource(value: unknown): value is MetricsSource {
  if (typeof value !== 'object' || value === null) return false;
  const methods = ['nodeMetrics', 'podMetrics', 'listNodeMetrics', 'listPodMetrics'] as const;
  return methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function');
}
