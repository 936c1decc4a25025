import type { TaskHandle, TaskScheduler } from './simulation-clock.js';

/**
 * client-go's workqueue, reduced to what a simulation needs: keys added while the store publishes a change are
 * deduplicated and handled, in the order first added, by one task at the current instant. A key added while it
 * is being handled is handled again in a later task.
 */
export class WorkQueue {
  /** Key → whether a sync was asked for (false: only noted, see `add`), in the order keys were first added. */
  private readonly pending = new Map<string, boolean>();
  private drain: TaskHandle | undefined;
  private stopped = false;

  constructor(
    private readonly scheduler: TaskScheduler,
    private readonly handle: (key: string) => void,
    private readonly label = 'workqueue',
  ) {}

  /**
   * Queues `key`. `wanted` false notes a change that calls for no sync by itself (the controller's own status
   * write): it keeps the key's place in the queue, as the informer's event does, but the key is handled only if
   * something else asks for it before its turn.
   */
  add(key: string, wanted = true): void {
    if (this.stopped) return;
    this.pending.set(key, wanted || this.pending.get(key) === true);
    this.drain ??= this.scheduler.after(0, () => this.run(), this.label);
  }

  /** Whether `key` waits to be handled (or noted, see `add`). */
  has(key: string): boolean {
    return this.pending.has(key);
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
    this.drain?.cancel();
    this.drain = undefined;
  }

  private run(): void {
    this.drain = undefined;
    const keys = [...this.pending];
    this.pending.clear();
    for (const [key, wanted] of keys) {
      if (this.stopped) return;
      if (wanted) this.handle(key);
    }
  }
}

/** Stops a set of subscriptions and tasks together: what a controller's stop() does. */
export class Subscriptions {
  private readonly stops: (() => void)[] = [];

  add(stop: (() => void) | TaskHandle | WorkQueue): void {
    if (typeof stop === 'function') this.stops.push(stop);
    else if (stop instanceof WorkQueue) this.stops.push(() => stop.stop());
    else this.stops.push(() => stop.cancel());
  }

  stopAll(): void {
    for (const stop of this.stops.splice(0).reverse()) stop();
  }
}
