export { serveMetrics } from './metrics-handler.js';
export { metricsSourceOf } from './metrics-source-of.js';
