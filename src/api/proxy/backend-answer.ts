import { posix } from 'node:path';
import type { Response } from 'express';
import { ApiError } from '../errors/api-error.js';

/** What a simulated backend (a node's kubelet) answers a proxied request: status, headers, body. */
export interface BackendAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/**
 * The API server relays the backend's answer as it comes (httputil.ReverseProxy), with one rewrite: a redirect
 * to an absolute path on the backend is turned into the same path under the proxy URL, so the client stays on
 * the API server (apimachinery pkg/util/proxy/transport.go rewriteURL). Relative and other-host locations pass
 * unchanged. `proxyPrefix` is the request path up to the subresource: `/api/v1/nodes/node1/proxy`.
 */
export function relayAnswer(res: Response, answer: BackendAnswer, proxyPrefix: string): void {
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) {
    res.setHeader(name, name.toLowerCase() === 'location' ? rewriteLocation(value, proxyPrefix) : value);
  }
  res.setHeader('Content-Length', String(Buffer.byteLength(answer.body)));
  res.end(answer.body);
}

export function rewriteLocation(location: string, proxyPrefix: string): string {
  if (!location.startsWith('/') || location.startsWith('//')) return location;
  const query = location.indexOf('?');
  const path = query < 0 ? location : location.slice(0, query);
  const rest = query < 0 ? '' : location.slice(query);
  if (path.startsWith(proxyPrefix)) return location;
  return `${posix.join(proxyPrefix, path)}${rest}`;
}

/**
 * An upgrade request whose backend answers without switching protocols: an error status is echoed to the
 * client, anything else is the proxy's own failure (upgradeaware.go tryUpgrade).
 */
export function checkUpgradeAnswer(answer: BackendAnswer): void {
  if (answer.status !== 101 && answer.status < 400) {
    throw new ApiError(500, '', `invalid upgrade response: status code ${answer.status}`);
  }
}
