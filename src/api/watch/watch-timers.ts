/** Cancels a scheduled callback. */
export type Cancel = () => void;

/**
 * Where a watch takes its timers from: the process's by default; tests pass a manual one and step it, so a
 * watch's timeout and bookmarks are tested without waiting.
 */
export interface WatchTimers {
  after(ms: number, callback: () => void): Cancel;
  every(ms: number, callback: () => void): Cancel;
}

export const realTimers: WatchTimers = {
  after(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
  every(ms, callback) {
    const timer = setInterval(callback, ms);
    return () => clearInterval(timer);
  },
};

/** Timers that fire only when `advance` moves their clock past them, in order. */
export class ManualTimers implements WatchTimers {
  private now = 0;
  private sequence = 0;
  private readonly pending = new Map<number, { due: number; interval?: number; callback: () => void }>();

  after(ms: number, callback: () => void): Cancel {
    const id = ++this.sequence;
    this.pending.set(id, { due: this.now + ms, callback });
    return () => this.pending.delete(id);
  }

  every(ms: number, callback: () => void): Cancel {
    const id = ++this.sequence;
    this.pending.set(id, { due: this.now + ms, interval: ms, callback });
    return () => this.pending.delete(id);
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.pending.entries()].filter(([, t]) => t.due <= until).sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
      if (!next) break;
      const [id, timer] = next;
      this.now = timer.due;
      if (timer.interval !== undefined) timer.due += timer.interval;
      else this.pending.delete(id);
      timer.callback();
    }
    this.now = until;
  }
}
