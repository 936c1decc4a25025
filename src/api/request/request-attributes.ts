/**
 * What the authorizer is asked about a request: its verb and either the resource it names or its path.
 * Parsing follows apiserver pkg/endpoints/request/requestinfo.go (NewRequestInfo) rule by rule, because the
 * 403 wording depends on it: `/api/v1/namespaces/ns` is the namespace `ns` *in* namespace `ns`, `/namespaces/ns/status`
 * keeps `status` as a subresource, `watch`/`proxy` after the version are verbs, and anything shorter than
 * `/api/<v>/<resource>` or `/apis/<g>/<v>/<resource>` is a non-resource path.
 */
export interface ResourcePath {
  isResourceRequest: true;
  apiPrefix: 'api' | 'apis';
  apiGroup: string;
  apiVersion: string;
  /** `watch` or `proxy` when the path starts with it after the version (`/api/v1/watch/pods`). */
  specialVerb?: 'watch' | 'proxy';
  namespace: string;
  resource: string;
  name: string;
  subresource: string;
}

export interface NonResourcePath {
  isResourceRequest: false;
}

export interface ResourceAttributes extends Omit<ResourcePath, 'specialVerb' | 'apiPrefix'> {
  verb: string;
  path: string;
}

export interface NonResourceAttributes {
  isResourceRequest: false;
  verb: string;
  path: string;
}

export type AuthorizationAttributes = ResourceAttributes | NonResourceAttributes;

/** Upstream fails the request with a 500 when a special verb is not followed by anything. */
export class RequestInfoError extends Error {
  override readonly name = 'RequestInfoError';
}

const SPECIAL_VERBS = new Set(['proxy', 'watch']);
/** Verbs after which the third part is not a subresource (requestinfo.go specialVerbsNoSubresources). */
const NO_SUBRESOURCE_VERBS = new Set(['proxy']);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Go's url.URL.Path is decoded; a malformed escape leaves the segment as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function decodePath(path: string): string {
  return path.split('/').map(decodeSegment).join('/');
}

function splitPath(path: string): string[] {
  const trimmed = decodePath(path).replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

export function parseResourcePath(path: string): ResourcePath | NonResourcePath {
  let parts = splitPath(path);
  const prefix = parts[0];
  if (parts.length < 3 || (prefix !== 'api' && prefix !== 'apis')) return { isResourceRequest: false };
  parts = parts.slice(1);
  let apiGroup = '';
  if (prefix === 'apis') {
    if (parts.length < 3) return { isResourceRequest: false };
    apiGroup = parts[0] ?? '';
    parts = parts.slice(1);
  }
  const apiVersion = parts[0] ?? '';
  parts = parts.slice(1);

  let specialVerb: ResourcePath['specialVerb'];
  const first = parts[0] ?? '';
  if (SPECIAL_VERBS.has(first)) {
    if (parts.length < 2) throw new RequestInfoError(`unable to determine kind and namespace from url, ${path}`);
    specialVerb = first as 'watch' | 'proxy';
    parts = parts.slice(1);
  }

  let namespace = '';
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1] ?? '';
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] ?? '')) parts = parts.slice(2);
  }

  const withSubresource = parts.length >= 3 && !(specialVerb && NO_SUBRESOURCE_VERBS.has(specialVerb));
  return {
    isResourceRequest: true,
    apiPrefix: prefix,
    apiGroup,
    apiVersion,
    ...(specialVerb ? { specialVerb } : {}),
    namespace,
    resource: parts[0] ?? '',
    name: parts[1] ?? '',
    subresource: withSubresource ? (parts[2] ?? '') : '',
  };
}

const METHOD_VERBS: Readonly<Record<string, string>> = {
  POST: 'create',
  GET: 'get',
  HEAD: 'get',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/**
 * The attributes of a request: resource requests get a Kubernetes verb (a nameless get is a list, or a watch
 * when `watch` is anything but false/0; a nameless delete is a deletecollection); non-resource requests keep
 * the lowercase HTTP method. `watchParam` is the first `watch` query value, if any.
 */
export function requestAttributes(method: string, path: string, watchParam?: string): AuthorizationAttributes {
  // Several filters ask for the same request's attributes (limits, authorization, metrics, routing); a client
  // asks for the same paths again and again. Reading a path is a pure function of these three strings.
  const key = `${method}\u0000${watchParam ?? '\u0000'}\u0000${path}`;
  const known = recentlyRead.get(key);
  if (known) return known;
  const attributes = Object.freeze(readAttributes(method, path, watchParam));
  if (recentlyRead.size >= RECENTLY_READ_LIMIT) recentlyRead.clear();
  recentlyRead.set(key, attributes);
  return attributes;
}

/** Attributes of the paths read last, by method, watch value and path; cleared when full. */
const recentlyRead = new Map<string, AuthorizationAttributes>();
const RECENTLY_READ_LIMIT = 4096;

function readAttributes(method: string, path: string, watchParam?: string): AuthorizationAttributes {
  const parsed = parseResourcePath(path);
  if (!parsed.isResourceRequest) return { isResourceRequest: false, verb: method.toLowerCase(), path: decodePath(path) };
  const { specialVerb, apiPrefix: _prefix, ...resource } = parsed;
  let verb = specialVerb ?? METHOD_VERBS[method.toUpperCase()] ?? '';
  if (resource.name === '' && verb === 'get') {
    const watch = watchParam?.toLowerCase();
    verb = watch === undefined || watch === 'false' || watch === '0' ? 'list' : 'watch';
  }
  if (resource.name === '' && verb === 'delete') verb = 'deletecollection';
  return { ...resource, verb, path: decodePath(path) };
}
