import { type Request, type Response, Router } from 'express';
import { defaultHealthChecks, type HealthChecks } from './health-checks.js';

export { defaultHealthChecks, type HealthCheck, type HealthCheckOptions, type HealthChecks, type HealthEndpoint } from './health-checks.js';

const ENDPOINTS = ['healthz', 'livez', 'readyz'] as const;

/** Go's %q for check names. */
const quote = (text: string): string => JSON.stringify(text);

/** The raw query, read as Go's url.Values would: `?verbose` counts even without a value, `exclude` repeats. */
function queryOf(req: Request): URLSearchParams {
  const at = req.originalUrl.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
}

function plain(res: Response, status: number, body: string, nosniff = true): void {
  res.status(status).setHeader('Content-Type', 'text/plain; charset=utf-8');
  if (nosniff) res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(body);
}

/**
 * `/healthz`, `/livez`, `/readyz` and `/<endpoint>/<check>` as apiserver pkg/server/healthz/healthz.go serves
 * them: `ok`, or with `?verbose` one line per check and `<endpoint> check passed`; `?exclude=<name>` skips a
 * check (unknown names are warned about, sorted); any failure is a 500 that is always verbose and withholds the
 * reason. A single check answers `ok` or a 500 with its error (Go's http.Error adds the newline).
 */
export function createHealthRouter(checks: HealthChecks = defaultHealthChecks()): Router {
  const router = Router({ caseSensitive: true, strict: true });
  for (const endpoint of ENDPOINTS) {
    router.get(`/${endpoint}`, (req, res) => {
      const query = queryOf(req);
      const unknownExcluded = new Set(query.getAll('exclude'));
      const excluded = new Set(unknownExcluded);
      const lines: string[] = [];
      let failed = false;
      for (const { name, check } of checks[endpoint]) {
        if (excluded.has(name)) {
          unknownExcluded.delete(name);
          lines.push(`[+]${name} excluded: ok`);
        } else if (check() === undefined) {
          lines.push(`[+]${name} ok`);
        } else {
          failed = true;
          lines.push(`[-]${name} failed: reason withheld`);
        }
      }
      if (unknownExcluded.size > 0) {
        const names = [...unknownExcluded].sort().map(quote).join(',');
        lines.push(`warn: some health checks cannot be excluded: no matches for ${names}`);
      }
      const listing = lines.map((line) => `${line}\n`).join('');
      if (failed) return plain(res, 500, `${listing}${endpoint} check failed\n`);
      if (!query.has('verbose')) return plain(res, 200, 'ok');
      plain(res, 200, `${listing}${endpoint} check passed\n`);
    });
    router.get(`/${endpoint}/*check`, (req, res, next) => {
      const segments = (req.params as Record<string, string | string[] | undefined>)['check'] ?? [];
      const name = (Array.isArray(segments) ? segments : [segments]).join('/');
      const found = checks[endpoint].find((c) => c.name === name);
      if (!found) return next();
      const error = found.check();
      if (error === undefined) plain(res, 200, 'ok', false);
      else plain(res, 500, `internal server error: ${error}\n`);
    });
  }
  return router;
}
