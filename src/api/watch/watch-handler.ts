import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import {
  createFieldSelector,
  groupVersion,
  listObjects,
  type ObjectQuery,
  type ResourceType,
  storageKeyOf,
  type StoredObject,
  StoreError,
} from '../../cluster/index.js';
import { badRequest } from '../errors/api-error.js';
import { fromStore, storeErrorToApiError } from '../errors/store-errors.js';
import { parseListOptions } from '../lists/list-options.js';
import { encoderFor } from '../encoding/index.js';
import { presented } from '../resources/presented-object.js';
import type { ResourceRequest } from '../resources/resource-request.js';
import { EventFrames } from './event-frames.js';
import { dispatcherFor } from './watch-dispatcher.js';
import { watchFormOf } from './watch-form.js';
import { type Backlog, WatchOutput } from './watch-output.js';
import { type Cancel, realTimers, type WatchTimers } from './watch-timers.js';
import { Watcher } from './watcher.js';
import { DEFAULT_WATCHER_LIMITS, type WatcherLimits } from './watcher-limits.js';

/** How watches are timed and bounded, and where a watcher cut off is told. */
export interface WatchTiming {
  timers: WatchTimers;
  /** How often a watch that allows bookmarks gets one (upstream: about once a minute). */
  bookmarkIntervalMs: number;
  /**
   * kube-apiserver's --min-request-timeout (1800 s): a watch without timeoutSeconds stays open for a random
   * time in [this, twice this), so that watches opened together do not all end together (handlers/get.go).
   */
  minRequestTimeoutMs: number;
  /** A number in [0, 1) for that random time: Math.random unless a test fixes it. */
  random?: () => number;
  /** How far a watcher may fall behind before it is cut off (watcher-limits.ts). */
  limits?: WatcherLimits;
  /** Where a watcher cut off for unresponsiveness is logged. */
  logger?: Logger;
}

/** How long before a watch's timeout its last bookmark is sent. */
const BOOKMARK_BEFORE_TIMEOUT_MS = 2_000;

export const DEFAULT_WATCH_TIMING: WatchTiming = { timers: realTimers, bookmarkIntervalMs: 60_000, minRequestTimeoutMs: 1_800_000 };

/**
 * WATCH: a chunked stream of events from a starting resourceVersion (apiserver handlers/watch.go and the
 * cacher's cacheWatcher): synthetic ADDED events for the current state when no resourceVersion is given,
 * replay from history otherwise, selection changes as ADDED/DELETED, bookmarks when allowed, 410 as an
 * ERROR event when the starting point has been compacted away. Live events come through the resource's
 * dispatcher (watch-dispatcher.ts); a watcher that cannot keep up is cut off and its stream simply ends, as
 * upstream's does when the cacher terminates it (the client watches again from its last resourceVersion).
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

  const encoder = encoderFor(request);
  res.status(200);
  res.setHeader('Content-Type', encoder.watchFraming.mediaType);
  res.setHeader('Transfer-Encoding', 'chunked');
  res.flushHeaders();

  const timers: Cancel[] = [];
  const dispatcher = dispatcherFor(store, storageKeyOf(type));
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    dispatcher.remove(watcher);
    for (const cancel of timers) cancel();
    output.end();
  };
  const output = new WatchOutput(res, timing.limits ?? DEFAULT_WATCHER_LIMITS, timing.timers, (backlog) => {
    logCutOff(timing.logger, type, query, backlog);
    finish();
  });
  const watcher = new Watcher({ type, query, form: watchFormOf(request), encoder, tabular: request.output.format === 'table', output });

  if (initialEvents) {
    const current = listObjects(store, type, query);
    // The end of the initial events is announced only to a client that takes bookmarks (cacher.go).
    const endBookmark = options.sendInitialEvents === true && options.allowWatchBookmarks ? current.resourceVersion : undefined;
    output.sendFirst(initialFrames(watcher, type, current.items, endBookmark));
  } else {
    try {
      // The store replays what it kept since `from`, synchronously; live events come through the dispatcher.
      const stop = store.watch(storageKeyOf(type), requested ?? store.resourceVersion, (event) => watcher.deliver(event, new EventFrames()));
      stop();
    } catch (error) {
      // The store's own words (cacher.go: `too old resource version: %d (%d)`), sent as the stream's ERROR event.
      if (error instanceof StoreError && error.reason === 'Expired') {
        output.send(encoder.watchFraming.error(storeErrorToApiError(error).toStatus()));
        finish();
        return;
      }
      throw error;
    }
  }
  if (finished) return;
  dispatcher.add(watcher);

  const timeoutMs =
    options.timeoutSeconds !== undefined && options.timeoutSeconds > 0
      ? options.timeoutSeconds * 1000
      : Math.floor(timing.minRequestTimeoutMs * (1 + (timing.random ?? Math.random)()));
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
          output.send(watcher.bookmarkFrame(store.resourceVersion, false));
          scheduleBookmark();
        }),
      );
    };
    scheduleBookmark();
  }
  req.on('close', finish);
  res.on('close', finish);
  res.on('error', finish);
}

/** The current objects as ADDED events, made as the socket takes them, then the bookmark ending them if asked. */
function* initialFrames(watcher: Watcher, type: ResourceType, items: readonly StoredObject[], endBookmark: number | undefined): Generator<Buffer> {
  for (const item of items) yield watcher.frameOf('ADDED', presented(type, item));
  if (endBookmark !== undefined) yield watcher.bookmarkFrame(endBookmark, true);
}

/** Upstream's line (cache_watcher.go): `Forcing pods watcher close due to unresponsiveness: key: "/pods", ...`. */
function logCutOff(logger: Logger | undefined, type: ResourceType, query: ObjectQuery, backlog: Backlog): void {
  const resource = type.group === '' ? type.plural : `${type.plural}.${type.group}`;
  logger?.info(
    {
      resource,
      apiVersion: groupVersion(type),
      namespace: query.namespace,
      labels: query.labelSelector?.toString() ?? '',
      fields: query.fieldSelector?.toString() ?? '',
      pendingEvents: backlog.events,
      pendingBytes: backlog.bytes,
    },
    `Forcing ${resource} watcher close due to unresponsiveness`,
  );
}

/** A watch on a named object is a watch on the collection with metadata.name fixed (apiserver handlers/get.go). */
function withName(query: ObjectQuery, name: string | undefined): ObjectQuery {
  if (name === undefined) return query;
  const required = query.fieldSelector?.requiredValue('metadata.name');
  if (required !== undefined && required !== name) throw badRequest("fieldSelector metadata.name doesn't match requested name");
  const requirements = [...(query.fieldSelector?.requirements ?? []), { field: 'metadata.name', operator: 'Equals' as const, value: name }];
  return { ...query, fieldSelector: createFieldSelector(requirements) };
}
