import { Router } from 'express';
import type { ApiMetrics } from './api-metrics.js';

/** `GET /metrics` in Prometheus text format, as the real API server serves it (legacyregistry handler). */
export function metricsRouter(metrics: ApiMetrics): Router {
  const router = Router();
  router.get('/metrics', (_req, res, next) => {
    metrics.text().then(
      (text) => {
        res.setHeader('Content-Type', metrics.contentType);
        res.send(text);
      },
      (error: unknown) => next(error),
    );
  });
  return router;
}
