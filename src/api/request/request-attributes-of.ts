import type { Request } from 'express';
import { type AuthorizationAttributes, RequestInfoError, requestAttributes } from './request-attributes.js';
import { type RequestInfo, requestInfoFrom } from './request-info.js';

/** What was read of a request, kept on the request itself (a WeakMap keyed by it would keep it from dying young). */
interface Kept {
  method: string;
  path: string;
  attributes: AuthorizationAttributes | RequestInfoError;
  info?: RequestInfo;
}

const KEPT = Symbol('kubefacade.requestAttributes');
type WithKept = Request & { [KEPT]?: Kept };

/**
 * A request's authorization attributes, read from its method, path and `watch` parameter once and kept with it,
 * as upstream's WithRequestInfo filter puts RequestInfo in the request's context for every later filter and
 * handler (the timeout, the in-flight limit, the authorizer, the metrics, the router). Throws the path's
 * RequestInfoError, each time it is asked, for a path RequestInfo cannot read.
 */
export function requestAttributesOf(req: Request): AuthorizationAttributes {
  const { attributes } = kept(req);
  if (attributes instanceof RequestInfoError) throw attributes;
  return attributes;
}

/** The request's RequestInfo in the shape routing and metrics use, read once from the same attributes. */
export function requestInfoOf(req: Request): RequestInfo {
  const entry = kept(req);
  entry.info ??= requestInfoFrom(entry.method, entry.path, entry.attributes instanceof RequestInfoError ? undefined : entry.attributes);
  return entry.info;
}

function kept(req: Request): Kept {
  const request = req as WithKept;
  const { method, path } = req;
  let entry = request[KEPT];
  // A router mounted under a prefix sees a shorter path: what was read of the whole one is not for it.
  if (entry === undefined || entry.method !== method || entry.path !== path) {
    entry = { method, path, attributes: read(method, path, firstQueryValue(req.originalUrl, 'watch')) };
    request[KEPT] = entry;
  }
  return entry;
}

function read(method: string, path: string, watch: string | undefined): AuthorizationAttributes | RequestInfoError {
  try {
    return requestAttributes(method, path, watch);
  } catch (error) {
    if (error instanceof RequestInfoError) return error;
    throw error;
  }
}

/** The first value of a query parameter in a request URL, as Go's url.Values.Get reads it. */
export function firstQueryValue(url: string, key: string): string | undefined {
  const query = url.indexOf('?');
  if (query < 0) return undefined;
  return new URLSearchParams(url.slice(query + 1)).get(key) ?? undefined;
}
