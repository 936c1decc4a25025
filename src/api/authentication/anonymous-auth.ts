import { isIP } from 'node:net';

/**
 * Which requests without credentials are served, as `system:anonymous` (apiserver pkg/authentication/request/
 * anonymous/anonymous.go):
 * - `enabled`: all of them (kube-apiserver `--anonymous-auth=true`, its default);
 * - `health-checks`: only /healthz, /livez and /readyz, as a server whose AuthenticationConfiguration limits
 *   `anonymous.conditions` to those paths (KEP-4633, on by default since 1.32), so load balancers and probes
 *   still work; everything else is 401;
 * - `disabled`: none (`--anonymous-auth=false`): every request without a valid token is 401.
 */
export type AnonymousAuth = 'enabled' | 'health-checks' | 'disabled';

/** The paths a `health-checks` server lets anonymous requests reach; matched exactly, as the conditions are. */
export const ANONYMOUS_HEALTH_PATHS: ReadonlySet<string> = new Set(['/healthz', '/livez', '/readyz']);

/** Whether binding `host` accepts connections from this machine only: `localhost`, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1' || /^::ffff:127\./i.test(bare);
  return false;
}

/**
 * The flag decides when given; without it, anonymous requests are served only on a loopback address, where
 * only this machine's users reach the server. Elsewhere a token is needed for anything but the health checks.
 */
export function anonymousAuthFor(host: string, flag: boolean | undefined): AnonymousAuth {
  if (flag !== undefined) return flag ? 'enabled' : 'disabled';
  return isLoopbackHost(host) ? 'enabled' : 'health-checks';
}
