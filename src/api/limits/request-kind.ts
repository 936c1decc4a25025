import type { Request } from 'express';
import { RequestInfoError } from '../request/request-attributes.js';
import { requestAttributesOf } from '../request/request-attributes-of.js';

/** Verbs that are long-running whatever the resource (kube-apiserver's BasicLongRunningRequestCheck). */
const LONG_RUNNING_VERBS = new Set(['watch', 'proxy']);
/** Subresources that are long-running: streams that stay open as long as the client wants (logs, exec...). */
const LONG_RUNNING_SUBRESOURCES = new Set(['attach', 'exec', 'proxy', 'log', 'portforward']);
/** Verbs that only read (server/filters/maxinflight.go nonMutatingRequestVerbs); any other verb mutates. */
const NON_MUTATING_VERBS = new Set(['get', 'list', 'watch']);

export interface RequestKind {
  /** Exempt from the in-flight limit and the request timeout: watches, `logs` (followed or not), exec, proxies. */
  longRunning: boolean;
  /** Counted against the mutating limit. */
  mutating: boolean;
}

/**
 * How the filters before routing see a request, from its RequestInfo (requestinfo.go) as kube-apiserver's
 * long-running check does. A path RequestInfo cannot read is an ordinary short read here; the write filter
 * answers it as upstream does.
 */
export function requestKindOf(req: Request): RequestKind {
  try {
    const attributes = requestAttributesOf(req);
    const longRunning = LONG_RUNNING_VERBS.has(attributes.verb) || (attributes.isResourceRequest && LONG_RUNNING_SUBRESOURCES.has(attributes.subresource));
    return { longRunning, mutating: !NON_MUTATING_VERBS.has(attributes.verb) };
  } catch (error) {
    if (!(error instanceof RequestInfoError)) throw error;
    return { longRunning: false, mutating: req.method !== 'GET' && req.method !== 'HEAD' };
  }
}
