import type { WatcherLimits } from './watcher-limits.js';
import type { Cancel, WatchTimers } from './watch-timers.js';

/** What a watch writes to: the HTTP response (or a test's stream). */
export interface WatchStream {
  /** false when the stream's buffer is full: wait for 'drain' before writing more. */
  write(chunk: Buffer): boolean;
  end(): void;
  readonly writableLength: number;
  readonly writableEnded: boolean;
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

/** How much a watcher had waiting when it was cut. */
export interface Backlog {
  events: number;
  bytes: number;
}

/**
 * One watcher's side of its connection: frames are written while the socket takes them and queued while it does
 * not, in order. The initial events of a list are pulled one at a time as the socket drains, so a list of any
 * size costs a frame of memory; events that happen meanwhile wait in the queue behind them. A watcher whose
 * queue outgrows its limits (watcher-limits.ts) is cut: `onUnresponsive` is told, and the watch ends.
 */
export class WatchOutput {
  private readonly queue = new FrameQueue();
  private initial: Iterator<Buffer> | undefined;
  private waitingForDrain = false;
  /** Counts the socket's drains, so a budget can tell whether the client read anything meanwhile. */
  private drains = 0;
  private budget: Cancel | undefined;
  private closed = false;

  constructor(
    private readonly stream: WatchStream,
    private readonly limits: WatcherLimits,
    private readonly timers: WatchTimers,
    private readonly onUnresponsive: (backlog: Backlog) => void,
  ) {}

  /** Frames to write before anything sent after them, pulled only as the socket takes them (initial events). */
  sendFirst(frames: Iterator<Buffer>): void {
    this.initial = frames;
    this.pump();
  }

  send(frame: Buffer): void {
    if (this.closed) return;
    if (!this.waitingForDrain && this.initial === undefined && this.queue.length === 0) {
      this.write(frame);
      return;
    }
    this.queue.push(frame);
    this.checkLimits();
  }

  get backlog(): Backlog {
    return { events: this.queue.length, bytes: this.queue.bytes + this.stream.writableLength };
  }

  /** Ends the stream after what was already written; what is still queued is dropped (the client resumes from its last resourceVersion). */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.budget?.();
    this.budget = undefined;
    this.queue.clear();
    this.initial = undefined;
    if (this.waitingForDrain) this.stream.removeListener('drain', this.onDrain);
    if (!this.stream.writableEnded) this.stream.end();
  }

  private write(frame: Buffer): void {
    if (!this.stream.write(frame)) {
      this.waitingForDrain = true;
      this.stream.once('drain', this.onDrain);
    }
  }

  private readonly onDrain = (): void => {
    this.waitingForDrain = false;
    this.drains += 1;
    this.pump();
  };

  private pump(): void {
    while (!this.waitingForDrain && !this.closed) {
      if (this.initial !== undefined) {
        const next = this.initial.next();
        if (next.done) this.initial = undefined;
        else this.write(next.value);
      } else {
        const frame = this.queue.shift();
        if (frame === undefined) return;
        this.write(frame);
      }
    }
  }

  private checkLimits(): void {
    const backlog = this.backlog;
    if (backlog.bytes > this.limits.maxPendingBytes) this.cut(backlog);
    else if (backlog.events > this.limits.blockedEvents && this.budget === undefined) this.startBudget();
  }

  /** Upstream's blocking `add` with a timer: the watcher has the budget to make room, or it is terminated. */
  private startBudget(): void {
    const drainsBefore = this.drains;
    this.budget = this.timers.after(this.limits.unresponsiveBudgetMs, () => {
      this.budget = undefined;
      if (this.queue.length <= this.limits.blockedEvents) return;
      if (this.drains === drainsBefore) this.cut(this.backlog);
      else this.startBudget();
    });
  }

  private cut(backlog: Backlog): void {
    this.end();
    this.onUnresponsive(backlog);
  }
}

/** A FIFO of frames that knows its byte size; shifting is O(1) however long it grows. */
class FrameQueue {
  private items: Buffer[] = [];
  private head = 0;
  bytes = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(frame: Buffer): void {
    this.items.push(frame);
    this.bytes += frame.length;
  }

  shift(): Buffer | undefined {
    if (this.head >= this.items.length) return undefined;
    const frame = this.items[this.head] as Buffer;
    this.head += 1;
    this.bytes -= frame.length;
    if (this.head === this.items.length) this.clear();
    else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return frame;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.bytes = 0;
  }
}
