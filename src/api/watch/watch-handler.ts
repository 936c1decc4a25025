import type { Request, Response } from 'express';
import {
  createFieldSelector,
  storageKeyOf,
  type StoredObject,
  listObjects,
  matchesQuery,
  type KubeObject,
  type ObjectQuery,
  type StoreEvent,
  StoreError,
} from '../../cluster/index.js';
import { badRequest } from '../errors/api-error.js';
import { fromStore, storeErrorToApiError } from '../errors/store-errors.js';
import { parseListOptions } from '../lists/list-options.js';
import { type EncodableObject, encoderFor } from '../encoding/index.js';
import { presented } from '../resources/presented-object.js';
import type { ResourceRequest } from '../resources/resource-request.js';
import { type Cancel, realTimers, type WatchTimers } from './watch-timers.js';
import { errorFrame, frame, withResourceVersion, type WatchEventType } from './watch-frames.js';

export interface WatchTiming {
  timers: WatchTimers;
  /** How often a watch that allows bookmarks gets one (upstream: about once a minute). */
  bookmarkIntervalMs: number;
  /** How long a watch without timeoutSeconds stays open (upstream: min-request-timeout, 1800 s). */
  defaultTimeoutMs: number;
}

/** How long before a watch's timeout its last bookmark is sent. */
const BOOKMARK_BEFORE_TIMEOUT_MS = 2_000;

export const DEFAULT_WATCH_TIMING: WatchTiming = { timers: realTimers, bookmarkIntervalMs: 60_000, defaultTimeoutMs: 1_800_000 };

/**
 * WATCH: a chunked stream of events from a starting resourceVersion (apiserver handlers/watch.go and the
 * cacher's cacheWatcher): synthetic ADDED events for the current state when no resourceVersion is given,
 * replay from history otherwise, selection changes as ADDED/DELETED, bookmarks when allowed, 410 as an
 * ERROR event when the starting point has been compacted away.
 */
export function watchResource(request: ResourceRequest, req: Request, res: Response, timing: WatchTiming): void {
  const { cluster, type, info } = request;
  const store = cluster.store;
  const options = parseListOptions(type, request.query, info.namespace, true);
  const query = withName(options.query, info.name);
  const rvText = options.resourceVersion;
  const requested = rvText === undefined ? undefined : Number(rvText);
  const initialEvents = options.sendInitialEvents ?? (requested === undefined || requested === 0);
  if (requested !== undefined) fromStore(() => store.checkReached(requested));

  res.status(200);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Transfer-Encoding', 'chunked');
  res.flushHeaders();

  const encoder = encoderFor(request);
  const send = (type: WatchEventType, item: EncodableObject): void => {
    res.write(frame(type, encoder.watchObject(item)));
  };
  const matches = (object: Readonly<KubeObject>): boolean => matchesQuery(type, query, object);

  // Selection is decided on stored objects (field sets are defined on them); what is sent is the presented form.
  const sendStored = (eventType: WatchEventType, stored: StoredObject): void => {
    send(eventType, presented(type, stored));
  };
  const onEvent = (event: StoreEvent): void => {
    const now = event.object.object;
    const before = event.previous;
    if (event.type === 'ADDED') {
      if (matches(now)) sendStored('ADDED', event.object);
    } else if (event.type === 'DELETED') {
      if (matches(now)) sendStored('DELETED', event.object);
    } else {
      const was = before !== undefined && matches(before.object);
      const is = matches(now);
      if (was && is) sendStored('MODIFIED', event.object);
      else if (is) sendStored('ADDED', event.object);
      else if (was && before) {
        const gone = withResourceVersion(presented(type, before).object, event.resourceVersion);
        send('DELETED', { object: gone, json: () => JSON.stringify(gone) });
      }
    }
  };

  let from = requested ?? store.resourceVersion;
  if (initialEvents) {
    const current = listObjects(store, type, query);
    for (const item of current.items) sendStored('ADDED', item);
    from = current.resourceVersion;
    // The end of the initial events is announced only to a client that takes bookmarks (cacher.go).
    if (options.sendInitialEvents && options.allowWatchBookmarks) {
      res.write(frame('BOOKMARK', encoder.bookmarkObject(from, true)));
    }
  }

  let unsubscribe: () => void = () => undefined;
  try {
    unsubscribe = store.watch(storageKeyOf(type), from, onEvent);
  } catch (error) {
    // The store's own words (cacher.go: `too old resource version: %d (%d)`), sent as the stream's ERROR event.
    if (error instanceof StoreError && error.reason === 'Expired') {
      res.end(errorFrame(storeErrorToApiError(error).toStatus()));
      return;
    }
    throw error;
  }

  const timers: Cancel[] = [];
  const finish = (): void => {
    unsubscribe();
    for (const cancel of timers) cancel();
    if (!res.writableEnded) res.end();
  };
  const timeoutMs = options.timeoutSeconds !== undefined && options.timeoutSeconds > 0 ? options.timeoutSeconds * 1000 : timing.defaultTimeoutMs;
  timers.push(timing.timers.after(timeoutMs, finish));
  if (options.allowWatchBookmarks) {
    // Periodically, and once more 2 s before the watch times out, so the client resumes from a fresh
    // resourceVersion (cache_watcher.go nextBookmarkTime).
    let remainingMs = timeoutMs;
    const scheduleBookmark = (): void => {
      const delay = Math.min(timing.bookmarkIntervalMs, remainingMs - BOOKMARK_BEFORE_TIMEOUT_MS);
      if (delay <= 0) return;
      timers.push(
        timing.timers.after(delay, () => {
          remainingMs -= delay;
          res.write(frame('BOOKMARK', encoder.bookmarkObject(store.resourceVersion, false)));
          scheduleBookmark();
        }),
      );
    };
    scheduleBookmark();
  }
  req.on('close', finish);
  res.on('error', finish);
}

/** A watch on a named object is a watch on the collection with metadata.name fixed (apiserver handlers/get.go). */
function withName(query: ObjectQuery, name: string | undefined): ObjectQuery {
  if (name === undefined) return query;
  const required = query.fieldSelector?.requiredValue('metadata.name');
  if (required !== undefined && required !== name) throw badRequest("fieldSelector metadata.name doesn't match requested name");
  const requirements = [...(query.fieldSelector?.requirements ?? []), { field: 'metadata.name', operator: 'Equals' as const, value: name }];
  return { ...query, fieldSelector: createFieldSelector(requirements) };
}
