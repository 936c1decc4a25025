import type { ClusterStore, ListResult } from './cluster-store.js';
import type { ListOptions } from './list-scan.js';
import { type ContinuePoint, encodeContinue, LATEST } from './continue-token.js';
import { StoreError } from './store-error.js';
import type { StoredObject } from './stored-object.js';

/**
 * What a resourceVersion means to a list (apiserver pkg/storage/interfaces.go, the etcd3 store and the watch
 * cache): where a read starts, which pages continue where, and which requests are too new or too old. The API
 * layer only turns the StoreErrors thrown here into Status responses.
 */

export type ResourceVersionMatch = 'NotOlderThan' | 'Exact';

/** A resourceVersion parameter: a non-negative integer (APIObjectVersioner.ParseResourceVersion). */
export function parseResourceVersion(text: string): number {
  if (!/^\d+$/.test(text)) throw new StoreError('InvalidResourceVersion', `invalid resource version: ${text}`);
  return Number(text);
}

/** What a list asks of the store, from ListOptions already validated. */
export interface ListRequest {
  resourceVersion?: number;
  resourceVersionMatch?: ResourceVersionMatch;
  limit?: number;
  continueFrom?: ContinuePoint;
  /**
   * The namespace the list is scoped to, if any: continue keys are relative to the list's scope, as etcd keys are
   * relative to the list prefix.
   */
  namespace?: string;
}

/** Where a list reads from: a continue point, an exact past resourceVersion, or now. */
export type ReadPoint = Pick<ListOptions, 'limit' | 'after' | 'atResourceVersion'>;

/** One page of a list with what a client needs to go on: ListMeta's continue and remainingItemCount. */
export interface ListPage {
  items: readonly StoredObject[];
  resourceVersion: number;
  continue?: string;
  remainingItemCount?: number;
}

const CONTINUE_EXPIRED =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

const LIST_EXPIRED = 'The resourceVersion for the provided list is too old.';

/**
 * Reads one page with `read` (which scans the store for the query) from the point the request names, and
 * builds the token that continues after it. Refuses a resourceVersion the store has not reached
 * (TooLargeResourceVersion) or no longer holds (Expired, with the messages of the etcd3 store's list).
 */
export function listPage(store: ClusterStore, request: ListRequest, read: (point: ReadPoint) => ListResult): ListPage {
  let result: ListResult;
  try {
    result = read(readPoint(store, request));
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'Expired') throw expiredList(error, request);
    throw error;
  }
  const page: ListPage = { items: result.items, resourceVersion: result.resourceVersion };
  if (result.lastKey !== undefined) {
    page.continue = encodeContinue({ resourceVersion: result.resourceVersion, lastKey: scopedKey(request, result.lastKey) });
    if (result.remaining !== undefined) page.remainingItemCount = result.remaining;
  }
  return page;
}

function readPoint(store: ClusterStore, request: ListRequest): ReadPoint {
  const point: ReadPoint = request.limit !== undefined ? { limit: request.limit } : {};
  const from = request.continueFrom;
  if (from) {
    point.after = storeKey(request, from.lastKey);
    if (from.resourceVersion !== LATEST) point.atResourceVersion = from.resourceVersion;
    return point;
  }
  const rv = request.resourceVersion;
  if (rv === undefined || rv === 0) return point;
  store.checkReached(rv);
  // resourceVersion=n with a limit and no match is Exact, for compatibility (apiserver storage/interfaces.go).
  const exact = request.resourceVersionMatch === 'Exact' || (request.resourceVersionMatch === undefined && request.limit !== undefined);
  if (exact) point.atResourceVersion = rv;
  return point;
}

function expiredList(error: StoreError, request: ListRequest): StoreError {
  if (request.continueFrom) {
    // The token to go on with continues at the latest state (etcd3 store handleCompactedErrorForPaging).
    const fresh = encodeContinue({ resourceVersion: LATEST, lastKey: request.continueFrom.lastKey });
    return new StoreError('Expired', CONTINUE_EXPIRED, error.resourceVersions, fresh);
  }
  return new StoreError('Expired', LIST_EXPIRED, error.resourceVersions);
}

function scopedKey(request: ListRequest, storeKey: string): string {
  return request.namespace !== undefined ? storeKey.slice(request.namespace.length + 1) : storeKey;
}

function storeKey(request: ListRequest, scoped: string): string {
  return request.namespace !== undefined ? `${request.namespace}/${scoped}` : scoped;
}
