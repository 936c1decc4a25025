import type { RequestHandler } from 'express';
import type { ResourceRegistry } from '../cluster/index.js';
import { resourceNotFound } from './errors/api-error.js';
import { writeRaw } from './responses/write-body.js';

const NON_RESOURCE_PATHS = ['/healthz', '/livez', '/metrics', '/openapi/v2', '/openapi/v3', '/openapi/v3/', '/readyz', '/version'];

/** Every path the server answers at its top levels, as the real server's index lists them. */
export function servedPaths(registry: ResourceRegistry): string[] {
  const paths = new Set<string>(['/api', '/api/v1', '/apis', ...NON_RESOURCE_PATHS]);
  for (const group of registry.groups()) {
    paths.add(`/apis/${group}`);
    for (const version of registry.versionsOf(group)) paths.add(`/apis/${group}/${version}`);
  }
  return [...paths].sort();
}

/**
 * The fallback: `/` lists the served paths (200); any other non-API path answers the same list with 404,
 * as the real server's NotFoundHandler does; unknown paths under /api and /apis are a NotFound Status.
 */
export function rootPaths(registry: ResourceRegistry): RequestHandler {
  const body = `${JSON.stringify({ paths: servedPaths(registry) }, null, 2)}\n`;
  return (req, res) => {
    if (req.path === '/api' || req.path.startsWith('/api/') || req.path === '/apis' || req.path.startsWith('/apis/')) {
      throw resourceNotFound();
    }
    writeRaw(res, req.path === '/' ? 200 : 404, 'application/json', body);
  };
}
