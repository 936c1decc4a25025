import type { TaskScheduler } from '../simulation-clock.js';

/** podInitialBackoffSeconds 1, podMaxBackoffSeconds 10. */
const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: a pod no event moved is retried after this long. */
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000;
/** How often the queue looks for such pods (flushUnschedulablePodsLeftover). */
export const FLUSH_PERIOD_MS = 30_000;

interface Entry {
  /** Its place among the pods (kept while it stays unschedulable): retries due together run in this order. */
  readonly order: number;
  attempts: number;
  /** When the pod last failed (the queue refreshes QueuedPodInfo.Timestamp on every re-add). */
  since: number;
  /** When its back-off ends. */
  eligibleAt: number;
  /** Whether a cluster event has scheduled a retry that has not run yet. */
  moving: boolean;
}

/** Retries of one pod collapsed over a quiet stretch: how many, the first and the last. */
export interface CollapsedRetries {
  key: string;
  times: number;
  firstAt: number;
  lastAt: number;
}

/**
 * The scheduling queue's unschedulable pods (pkg/scheduler/backend/queue/scheduling_queue.go): each failure
 * refreshes the pod's timestamp and grows its back-off; a cluster event that may make pods fit
 * (MoveAllToActiveOrBackoffQueue) retries every parked pod once its back-off ends; the 30 s flush retries pods
 * parked for longer than 5 min. Retries of many pods due at one instant are one task.
 */
export class UnschedulablePods {
  private readonly entries = new Map<string, Entry>();
  /** Keys without a pending move, which the next cluster event moves: so an event costs what it moves. */
  private readonly parked = new Set<string>();
  private nextOrder = 0;

  constructor(
    private readonly clock: TaskScheduler,
    private readonly retry: (key: string) => void,
  ) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The pod failed at `now`. */
  failed(key: string, now: number): void {
    const previous = this.entries.get(key);
    const attempts = (previous?.attempts ?? 0) + 1;
    const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    const order = previous?.order ?? this.nextOrder++;
    this.entries.set(key, { order, attempts, since: now, eligibleAt: now + backoff, moving: previous?.moving ?? false });
    if (!previous?.moving) this.parked.add(key);
  }

  forget(key: string): void {
    this.entries.delete(key);
    this.parked.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.parked.clear();
  }

  /** A cluster event: every parked pod is tried again when its back-off ends. */
  moveAll(): void {
    const moving = [...this.parked].map((key) => ({ key, entry: this.entries.get(key) as Entry }));
    this.parked.clear();
    moving.sort((a, b) => a.entry.order - b.entry.order);
    const byInstant = new Map<number, string[]>();
    for (const { key, entry } of moving) {
      entry.moving = true;
      const keys = byInstant.get(entry.eligibleAt);
      if (keys) keys.push(key);
      else {
        const due = [key];
        byInstant.set(entry.eligibleAt, due);
        this.clock.at(entry.eligibleAt, () => this.moved(due), 'scheduler retry');
      }
    }
  }

  /** flushUnschedulablePodsLeftover at `now`: pods parked for longer than podMaxInUnschedulablePodsDuration. */
  flush(now: number): void {
    const due = [...this.parked].map((key) => ({ key, entry: this.entries.get(key) as Entry })).filter(({ entry }) => now - entry.since > MAX_UNSCHEDULABLE_MS);
    for (const { key } of due.sort((a, b) => a.entry.order - b.entry.order)) this.retry(key);
  }

  /**
   * What flushes from `first` to `last` (every FLUSH_PERIOD_MS) do to parked pods when nothing else happens, so
   * each retry fails as the one before it: the flush after each failure retries the pod again.
   */
  collapsedFlushes(first: number, last: number): CollapsedRetries[] {
    const collapsed: CollapsedRetries[] = [];
    const step = FLUSH_PERIOD_MS * (Math.floor(MAX_UNSCHEDULABLE_MS / FLUSH_PERIOD_MS) + 1);
    for (const key of this.parked) {
      const entry = this.entries.get(key) as Entry;
      const firstAt = first + FLUSH_PERIOD_MS * Math.max(0, Math.floor((entry.since + MAX_UNSCHEDULABLE_MS - first) / FLUSH_PERIOD_MS) + 1);
      if (firstAt > last) continue;
      const times = Math.floor((last - firstAt) / step) + 1;
      collapsed.push({ key, times, firstAt, lastAt: firstAt + (times - 1) * step });
    }
    return collapsed;
  }

  /** Records collapsed failures: the pod's timestamp is its last retry's, its back-off grown by each. */
  failedRepeatedly({ key, times, lastAt }: CollapsedRetries): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.attempts += times;
    entry.since = lastAt;
    entry.eligibleAt = lastAt + Math.min(INITIAL_BACKOFF_MS * 2 ** Math.min(entry.attempts - 1, 10), MAX_BACKOFF_MS);
  }

  private moved(keys: readonly string[]): void {
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (!entry?.moving) continue;
      entry.moving = false;
      this.retry(key);
    }
  }
}
