import type { AuthorizationAttributes } from './request-attributes.js';

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

/**
 * The RequestInfo of a request's attributes; without attributes (a path RequestInfo cannot read, such as
 * `/api/v1/watch` with nothing after it) it names nothing a read can be served from.
 */
export function requestInfoFrom(method: string, path: string, attributes: AuthorizationAttributes | undefined): RequestInfo {
  const nonResource: NonResourceRequestInfo = { isResourceRequest: false, path, verb: method.toLowerCase() };
  if (attributes === undefined) return nonResource;
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
