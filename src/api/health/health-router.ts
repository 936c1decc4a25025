import { type Request, type Response, Router } from 'express';

/** One named health check: undefined when healthy, otherwise why not (kept from the client, as upstream). */
export interface HealthCheck {
  name: string;
  check(): string | undefined;
}

export type HealthEndpoint = 'healthz' | 'livez' | 'readyz';

export type HealthChecks = Record<HealthEndpoint, readonly HealthCheck[]>;

const ok = (name: string): HealthCheck => ({ name, check: () => undefined });

const POST_START_HOOKS = [
  'start-apiserver-admission-initializer',
  'generic-apiserver-start-informers',
  'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter',
  'storage-object-count-tracker-hook',
  'start-apiextensions-informers',
  'start-apiextensions-controllers',
  'crd-informer-synced',
  'start-system-namespaces-controller',
  'bootstrap-controller',
  'rbac/bootstrap-roles',
  'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer',
  'start-cluster-authentication-info-controller',
  'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector',
  'start-legacy-token-tracking-controller',
  'aggregator-reload-proxy-client-cert',
  'start-kube-aggregator-informers',
  'apiservice-registration-controller',
  'apiservice-status-available-controller',
  'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
].map((hook) => `poststarthook/${hook}`);

/**
 * The checks a kube-apiserver lists (apiserver pkg/server/healthz), with `etcd` given by the caller so the
 * simulated etcd's health shows through.
 */
export function defaultHealthChecks(etcd: HealthCheck = ok('etcd')): HealthChecks {
  const common = [ok('ping'), ok('log'), etcd, ...POST_START_HOOKS.map(ok), ok('autoregister-completion'), ok('poststarthook/apiservice-openapi-controller'), ok('poststarthook/apiservice-openapiv3-controller')];
  const readyz = [ok('ping'), ok('log'), etcd, ok('etcd-readiness'), ok('informer-sync'), ...common.slice(3), ok('shutdown')];
  return { healthz: common, livez: common, readyz };
}

function queryValues(req: Request, name: string): string[] {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** `/healthz`, `/livez`, `/readyz` with `?verbose` and `?exclude=`, and `/<endpoint>/<check>` (healthz.go handleRootHealth). */
export function createHealthRouter(checks: HealthChecks = defaultHealthChecks()): Router {
  const router = Router();
  const plain = (res: Response, status: number, body: string): void => {
    res.status(status).setHeader('Content-Type', 'text/plain; charset=utf-8').setHeader('X-Content-Type-Options', 'nosniff').send(body);
  };
  for (const endpoint of ['healthz', 'livez', 'readyz'] as const) {
    router.get(`/${endpoint}`, (req, res) => {
      const excluded = new Set(queryValues(req, 'exclude'));
      const lines: string[] = [];
      let failed = false;
      for (const check of checks[endpoint]) {
        if (excluded.delete(check.name)) {
          lines.push(`[+]${check.name} excluded: ok`);
          continue;
        }
        const error = check.check();
        if (error === undefined) lines.push(`[+]${check.name} ok`);
        else {
          failed = true;
          lines.push(`[-]${check.name} failed: reason withheld`);
        }
      }
      if (excluded.size > 0) lines.push(`warn: some health checks cannot be excluded: no matches for ${[...excluded].map((e) => `"${e}"`).join(',')}`);
      const verbose = (req.query as Record<string, unknown>)['verbose'] !== undefined;
      if (failed) return plain(res, 500, `${lines.join('\n')}\n${endpoint} check failed\n`);
      if (verbose) return plain(res, 200, `${lines.join('\n')}\n${endpoint} check passed\n`);
      plain(res, 200, 'ok');
    });
    router.get(`/${endpoint}/*check`, (req, res, next) => {
      const name = ([] as string[]).concat((req.params as Record<string, string | string[]>)['check'] ?? []).join('/');
      const check = checks[endpoint].find((c) => c.name === name);
      if (!check) return next();
      const error = check.check();
      if (error === undefined) plain(res, 200, 'ok');
      else plain(res, 500, `internal server error: ${error}\n`);
    });
  }
  return router;
}
