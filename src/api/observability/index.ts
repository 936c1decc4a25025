export { ApiMetrics } from './api-metrics.js';
export { metricsRouter } from './metrics-router.js';
export { type RequestLogFields, requestLogger } from './request-logger.js';
export { requestMetrics, type TimingOptions } from './request-metrics.js';
