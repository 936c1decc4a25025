import express, { type Express } from 'express';
import { createOpenApiRouter } from '../../../src/api/openapi/index.js';
import { errorHandler } from '../../../src/api/errors/error-handler.js';
import type { ResourceRegistry } from '../../../src/cluster/index.js';

export const NOW = new Date('2025-06-01T12:00:00.000Z');

/**
 * An app serving only the OpenAPI router, behind the real error handler, on a clock that stands still; with a
 * registry, for the cluster whose custom resources it publishes.
 */
export function openApiApp(now: () => Date = () => NOW, registry?: ResourceRegistry): Express {
  const app = express();
  app.set('etag', false);
  app.use(createOpenApiRouter({ now, ...(registry ? { registry } : {}) }));
  app.use(errorHandler({ error: () => undefined }));
  return app;
}
