export { serveMetrics } from './metrics-handler.js';
