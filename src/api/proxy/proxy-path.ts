import type { Request, Response } from 'express';
import { decodePath } from '../request/request-attributes.js';

/** The query string of a request as the client sent it, without `?`: passed on to the backend untouched. */
export function rawQuery(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? '' : req.originalUrl.slice(at + 1);
}

/** The request path up to and including the subresource: `/api/v1/nodes/node1/proxy`. */
export function proxyPrefix(req: Request, subpath: string): string {
  return decodePath(req.path.slice(0, req.path.length - subpath.length));
}

/**
 * `…/proxy` with nothing after it is redirected to `…/proxy/` before any backend is dialed, so that relative
 * links in what the backend serves resolve under the proxy (upgradeaware.go proxyRedirectsforRootPath).
 */
export function redirectToProxyRoot(req: Request, res: Response): void {
  const query = rawQuery(req);
  res.status(301).setHeader('Location', `${decodePath(req.path)}/${query === '' ? '' : `?${query}`}`);
  res.setHeader('Content-Length', '0');
  res.end();
}
