export { type ContainerMetrics, type MetricsObjectMeta, type MetricsSource, type NodeMetrics, type PodMetrics, type ResourceUsage } from './metrics-types.js';
export { METRIC_RESOLUTION_MS } from './scrape-timing.js';
export { SimulatedMetrics, type SimulatedMetricsOptions } from './simulated-metrics.js';
