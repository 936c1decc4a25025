import type { Request } from 'express';
import { requestInfoOf } from '../request/request-attributes-of.js';
import type { RequestInfo } from '../request/request-info.js';

/**
 * The labels the real API server puts on apiserver_request_total / apiserver_request_duration_seconds
 * (apiserver pkg/endpoints/metrics/metrics.go), derived from nothing but the request line, so that a
 * dashboard written for a real cluster reads kubefacade's /metrics unchanged.
 */
export interface RequestLabels {
  /** LIST for a collection GET, WATCH for a watch, GET for one object, else the HTTP method. */
  verb: string;
  dry_run: string;
  group: string;
  version: string;
  /** The plural resource (`pods`), empty for non-resource paths. */
  resource: string;
  /** The subresource (`log`), or for a non-resource request its path (`/healthz`), as upstream records it. */
  subresource: string;
  /** `resource` (one named object), `namespace`, `cluster`, or empty for non-resource requests (CleanScope). */
  scope: string;
  component: string;
}

export const REQUEST_LABEL_NAMES = ['verb', 'dry_run', 'group', 'version', 'resource', 'subresource', 'scope', 'component'] as const;

const COMPONENT = 'apiserver';
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'CONNECT']);

/** The labels of a request (`GET /api/v1/pods?watch=true`), from the RequestInfo read once for every filter and the router. */
export function requestLabelsOf(req: Request): RequestLabels {
  return labelsOf(req.method, req.originalUrl, requestInfoOf(req));
}

function labelsOf(method: string, url: string, info: RequestInfo): RequestLabels {
  // Split by hand: `new URL` would read a path starting with `//` as a host.
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  // Most requests carry no dryRun: their query is not parsed again for it.
  const dryRun = mark >= 0 && url.includes('dryRun', mark) ? dryRunLabel(new URLSearchParams(url.slice(mark + 1)).getAll('dryRun')) : '';
  if (!info.isResourceRequest) {
    return {
      verb: methodLabel(method),
      dry_run: dryRun,
      group: '',
      version: '',
      resource: '',
      subresource: path,
      scope: '',
      component: COMPONENT,
    };
  }
  const scope = info.name !== undefined || info.verb === 'create' ? 'resource' : info.namespace !== undefined ? 'namespace' : 'cluster';
  return {
    verb: verbLabel(method, info.verb),
    dry_run: dryRun,
    group: info.group,
    version: info.version,
    resource: info.resource,
    subresource: info.subresource ?? '',
    scope,
    component: COMPONENT,
  };
}

/**
 * Upstream's route verbs: the HTTP method, except that a collection GET is LIST, any watch (`?watch=true`
 * or the legacy /watch/ prefix) is WATCH, and DELETE of a collection is DELETECOLLECTION (CanonicalVerb, cleanVerb).
 */
function verbLabel(method: string, verb: string): string {
  switch (verb) {
    case 'watch':
      return 'WATCH';
    case 'list':
      return 'LIST';
    case 'deletecollection':
      return 'DELETECOLLECTION';
    default:
      return methodLabel(method);
  }
}

/** Unknown methods collapse to `other` so a client cannot grow the label set (OtherRequestMethod). */
function methodLabel(method: string): string {
  const upper = method.toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : 'other';
}

/** `All`, or empty; anything else is `invalid` (cleanDryRun: the values are validated, then sorted and joined). */
function dryRunLabel(values: string[]): string {
  if (values.some((v) => v !== 'All')) return 'invalid';
  return values.length > 0 ? 'All' : '';
}
