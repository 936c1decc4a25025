import { RequestInfoError, requestAttributes } from './request-attributes.js';

/**
 * What a request URL names, for routing and metrics: the resource request of apiserver's RequestInfoResolver
 * (parsed by request-attributes.ts, rule by rule), in the shape the handlers use.
 */
export type RequestVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ResourceRequestInfo {
  isResourceRequest: true;
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  verb: RequestVerb;
}

export interface NonResourceRequestInfo {
  isResourceRequest: false;
  path: string;
  verb: string;
}

export type RequestInfo = ResourceRequestInfo | NonResourceRequestInfo;

const VERBS = new Set<string>(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);

export function parseRequestInfo(method: string, path: string, query: Record<string, unknown> = {}): RequestInfo {
  const nonResource: NonResourceRequestInfo = { isResourceRequest: false, path, verb: method.toLowerCase() };
  const watch = query['watch'];
  let attributes;
  try {
    attributes = requestAttributes(method, path, Array.isArray(watch) ? String(watch[0]) : watch === undefined ? undefined : String(watch));
  } catch (error) {
    // `/api/v1/watch` with nothing after it names nothing a read can be served from.
    if (error instanceof RequestInfoError) return nonResource;
    throw error;
  }
  if (!attributes.isResourceRequest || attributes.resource === '' || !VERBS.has(attributes.verb)) return nonResource;
  // Upstream reads /api/v1/namespaces/ns as the namespace `ns` in namespace `ns`; the object is cluster-scoped.
  const namespace = attributes.resource === 'namespaces' && attributes.namespace === attributes.name ? '' : attributes.namespace;
  return {
    isResourceRequest: true,
    group: attributes.apiGroup,
    version: attributes.apiVersion,
    resource: attributes.resource,
    verb: attributes.verb as RequestVerb,
    ...(namespace !== '' ? { namespace } : {}),
    ...(attributes.name !== '' ? { name: attributes.name } : {}),
    ...(attributes.subresource !== '' ? { subresource: attributes.subresource } : {}),
  };
}
