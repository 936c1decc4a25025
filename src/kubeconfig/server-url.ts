import { isIP } from 'node:net';

/** Wildcard binds accept loopback connections, so a client on this machine reaches them at 127.0.0.1 / ::1. */
const WILDCARD_DIALS: Record<string, string> = { '0.0.0.0': '127.0.0.1', '::': '::1' };

/** The host:port a client dials for a server bound to `host` on `port`, IPv6 in brackets (`[::1]:6443`). */
export function serverAddress(host: string, port: number): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const dial = WILDCARD_DIALS[bare] ?? bare;
  return isIP(dial) === 6 ? `[${dial}]:${port}` : `${dial}:${port}`;
}

/** The URL for a kubeconfig's `server`. */
export function serverUrl(host: string, port: number, http: boolean): string {
  return `${http ? 'http' : 'https'}://${serverAddress(host, port)}`;
}
