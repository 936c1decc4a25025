export { cpuQuantity, memoryQuantity } from './metrics-quantity.js';
export {
  type ContainerMetrics,
  METRICS_API_VERSION,
  type MetricsObjectMeta,
  type MetricsSource,
  type NodeMetrics,
  type PodMetrics,
  type ResourceUsage,
} from './metrics-types.js';
export { FRESH_CONTAINER_MIN_MS, METRIC_RESOLUTION_MS } from './scrape-timing.js';
export { SimulatedMetrics, type SimulatedMetricsOptions } from './simulated-metrics.js';
