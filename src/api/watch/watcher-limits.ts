/**
 * How far a watcher may fall behind before it is cut off, as the watch cache cuts off its cacheWatchers
 * (apiserver storage/cacher/cache_watcher.go `add`, cacher.go `dispatchEvent`, time_budget.go).
 *
 * Upstream each cacheWatcher has an input channel of `suggestedWatchChannelSize` events (watch_cache.go: about
 * one second of the resource's history, 10 to 100 without an index and up to 1000 with one) and a result
 * channel as large. When the input is full the dispatcher blocks on that watcher for what is left of its time
 * budget (refilled 50 ms a second, at most 100 ms) and then terminates it: "Forcing ... watcher close due to
 * unresponsiveness". Here the store dispatches synchronously, so a burst of events lands in a watcher's queue
 * before any socket could drain: the count alone cannot tell a slow client from a burst. A watcher over the
 * count gets the budget, on the watch timers, to show that its client reads (its socket drained); one that
 * drained nothing in that time is cut. The byte bound is memory's: whatever the client does, no watcher holds
 * more than that.
 */
export interface WatcherLimits {
  /** Events queued for a watcher (not yet taken by its socket) past which it must show it reads. */
  blockedEvents: number;
  /** How long a watcher over `blockedEvents` has for its socket to drain before it is cut. */
  unresponsiveBudgetMs: number;
  /** Bytes waiting for a watcher (its queue and its socket's buffer) past which it is cut at once. */
  maxPendingBytes: number;
}

/** Upstream's largest watch channel (maxWatchChanSizeWithIndexWithoutTrigger), its maxBudget, and 64 MiB. */
export const DEFAULT_WATCHER_LIMITS: WatcherLimits = {
  blockedEvents: 1_000,
  unresponsiveBudgetMs: 100,
  maxPendingBytes: 64 * 1024 * 1024,
};
