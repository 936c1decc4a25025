/**
 * What a request URL names, as apiserver's RequestInfoResolver reads it (apiserver pkg/endpoints/request/requestinfo.go):
 * /api/v1/namespaces/ns/pods/name/log, /apis/apps/v1/deployments, /api/v1/watch/namespaces/ns/pods, ...
 */
export type RequestVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ResourceRequestInfo {
  isResourceRequest: true;
  /** `api` for core, `apis` for named groups. */
  prefix: 'api' | 'apis';
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  verb: RequestVerb;
  /** The URL used the legacy `/watch/` form. */
  legacyWatch: boolean;
}

export interface NonResourceRequestInfo {
  isResourceRequest: false;
  path: string;
  verb: string;
}

export type RequestInfo = ResourceRequestInfo | NonResourceRequestInfo;

/** A malformed escape stays as written: the path then names nothing, and the request is answered 404. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

const isWatchParam = (value: unknown): boolean => value === 'true' || value === '1';

export function parseRequestInfo(method: string, path: string, query: Record<string, unknown> = {}): RequestInfo {
  const parts = path.split('/').filter((p) => p !== '').map(safeDecode);
  const nonResource: NonResourceRequestInfo = { isResourceRequest: false, path, verb: method.toLowerCase() };
  const prefix = parts[0];
  if (prefix !== 'api' && prefix !== 'apis') return nonResource;
  let rest: string[];
  let group = '';
  let version: string | undefined;
  if (prefix === 'api') {
    version = parts[1];
    rest = parts.slice(2);
  } else {
    group = parts[1] ?? '';
    version = parts[2];
    rest = parts.slice(3);
  }
  if (!version || rest.length === 0) return nonResource;

  let legacyWatch = false;
  if (rest[0] === 'watch') {
    legacyWatch = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  // /api/v1/namespaces/ns/status and /finalize are subresources of the namespace, not resources in it.
  const namespaceSubresource = rest.length === 3 && (rest[2] === 'status' || rest[2] === 'finalize');
  if (rest[0] === 'namespaces' && rest.length >= 3 && !namespaceSubresource) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, ...extra] = rest;
  if (!resource) return nonResource;
  const info: ResourceRequestInfo = {
    isResourceRequest: true,
    prefix,
    group,
    version,
    resource,
    verb: 'get',
    legacyWatch,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(subresource !== undefined ? { subresource: [subresource, ...extra].join('/') } : {}),
  };
  info.verb = verbOf(method, info, query);
  return info;
}

function verbOf(method: string, info: ResourceRequestInfo, query: Record<string, unknown>): RequestVerb {
  switch (method.toUpperCase()) {
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return info.name === undefined ? 'deletecollection' : 'delete';
    default:
      if (info.legacyWatch || isWatchParam(query['watch'])) return 'watch';
      return info.name === undefined ? 'list' : 'get';
  }
}
