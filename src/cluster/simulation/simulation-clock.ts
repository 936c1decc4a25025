import type { Clock } from '../clock.js';
import { type QueuedTask, TaskQueue } from './task-queue.js';

export type Task = () => void;

export interface TaskHandle {
  cancel(): void;
}

/**
 * The one firing that stands for all the firings of a heartbeat from `first` to `last` (every interval) through a
 * quiet stretch: what to run, and at which instant, so the state afterwards is what every firing would have left.
 * Undefined: none of those firings would change anything.
 */
export type StandIn = (first: number, last: number) => { at: number; run: Task } | undefined;

export interface EveryOptions {
  /** The first run after this delay; default one interval. */
  firstDelayMs?: number;
  label?: string;
  /**
   * Makes the task a heartbeat: while the clock fast-forwards the past (`fastForward`), its firings through a
   * quiet stretch collapse to the one firing this returns.
   */
  standIn?: StandIn;
}

/** What controllers use to act later: at an instant, after a delay, or periodically, all in simulation time. */
export interface TaskScheduler {
  at(instant: number, task: Task, label?: string): TaskHandle;
  after(delayMs: number, task: Task, label?: string): TaskHandle;
  /** Runs `task` every `intervalMs`, first after `firstDelayMs` (default: one interval). */
  every(intervalMs: number, task: Task, options?: EveryOptions): TaskHandle;
}

export type TaskErrorHandler = (error: unknown, label: string) => void;

/** A heartbeat: a periodic task whose pending firing waits in the heartbeat queue. */
interface Heartbeat {
  readonly intervalMs: number;
  readonly label: string;
  readonly task: Task;
  readonly standIn: StandIn;
  pending: QueuedTask | undefined;
  cancelled: boolean;
}

const earlier = (a: QueuedTask | undefined, b: QueuedTask | undefined): QueuedTask | undefined =>
  !b || (a && (a.due < b.due || (a.due === b.due && a.sequence < b.sequence))) ? a : b;

/**
 * The simulation's time and its task scheduler in one. `now()` is the simulation instant: while a task runs it
 * is exactly the instant the task was due (so what a task writes never depends on how late a timer fired);
 * between tasks it follows the driver's time source (real time × speed, or a manual clock). Drivers call
 * `runUntil` to run due tasks; nothing runs by itself, which is what lets tests step time.
 *
 * Heartbeats (periodic tasks given a stand-in: Lease renewals, node status, monitors) wait in a queue of their
 * own, so the clock knows when nothing but heartbeats is due; tasks still run in one (due, sequence) order.
 */
export class SimulationClock implements Clock, TaskScheduler {
  private current: number;
  private sequence = 0;
  private running = false;
  private readonly queue = new TaskQueue();
  private readonly beats = new TaskQueue();
  private source: (() => number) | undefined;
  private readonly changeListeners = new Set<() => void>();

  constructor(
    start: number,
    private readonly onError: TaskErrorHandler = (error) => {
      throw error;
    },
  ) {
    this.current = start;
  }

  now(): number {
    if (this.running || !this.source) return this.current;
    return Math.max(this.current, this.source());
  }

  /** Lets a driver supply time between tasks (the real driver: start + elapsed real time × speed). */
  followSource(source: (() => number) | undefined): void {
    this.source = source;
  }

  at(instant: number, task: Task, label = 'task'): TaskHandle {
    const queued = this.enqueue(this.queue, instant, task, label);
    return {
      cancel: () => {
        queued.cancelled = true;
      },
    };
  }

  after(delayMs: number, task: Task, label = 'task'): TaskHandle {
    return this.at(this.now() + Math.max(0, delayMs), task, label);
  }

  every(intervalMs: number, task: Task, options: EveryOptions = {}): TaskHandle {
    if (!(intervalMs > 0)) throw new Error(`every: interval must be positive, got ${intervalMs}`);
    const label = options.label ?? 'periodic task';
    const standIn = options.standIn;
    const beat: Heartbeat | undefined = standIn ? { intervalMs, label, task, standIn, pending: undefined, cancelled: false } : undefined;
    let cancelled = false;
    let current: TaskHandle | undefined;
    const schedule = (instant: number): void => {
      if (beat) return this.scheduleBeat(beat, instant);
      current = this.at(
        instant,
        () => {
          // The next run is scheduled before this one so a task that throws still keeps its period.
          schedule(instant + intervalMs);
          task();
        },
        label,
      );
    };
    schedule(this.now() + (options.firstDelayMs ?? intervalMs));
    return {
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        current?.cancel();
        if (beat) {
          beat.cancelled = true;
          if (beat.pending) beat.pending.cancelled = true;
        }
      },
    };
  }

  /** The instant of the earliest pending task. */
  nextDue(): number | undefined {
    return this.peek()?.due;
  }

  get pendingTasks(): number {
    return this.queue.size + this.beats.size;
  }

  /**
   * Runs every task due at or before `instant` in (due, sequence) order, including tasks scheduled by the tasks
   * it runs, then leaves the clock at `instant`. Returns how many tasks ran.
   */
  runUntil(instant: number): number {
    return this.run(instant, undefined);
  }

  /**
   * runUntil for the past a cluster replays before it is served. Where nothing but heartbeats has run for
   * `quietMs` and nothing else is due before the stretch ends, each heartbeat's firings through the stretch
   * collapse to its stand-in, so thirty quiet days cost what a minute does. `quietMs` is the longest a component
   * takes to react to a change through its heartbeats (a monitor noticing a silent node): every reaction to the
   * last task has run before a stretch collapses.
   */
  fastForward(instant: number, quietMs: number): number {
    return this.run(instant, quietMs);
  }

  /** Drops every pending task (a stopped simulation leaves nothing behind, event expiries included). */
  cancelAll(): void {
    for (const queue of [this.queue, this.beats]) for (let task = queue.pop(); task; task = queue.pop()) task.cancelled = true;
  }

  /** Called whenever the earliest due instant may have moved earlier: the real driver re-arms its timer. */
  onScheduleChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  private run(instant: number, quietMs: number | undefined): number {
    if (this.running) throw new Error('runUntil called from inside a simulation task');
    let ran = 0;
    let busyAt = this.current;
    this.running = true;
    try {
      for (;;) {
        const task = this.queue.peek();
        const beat = this.beats.peek();
        const next = earlier(task, beat);
        if (!next || next.due > instant) break;
        if (next === beat && quietMs !== undefined) {
          const end = Math.min(task?.due ?? Infinity, instant);
          if (beat.due >= busyAt + quietMs && end - beat.due >= quietMs) {
            ran += this.collapse(end);
            continue;
          }
        }
        (next === task ? this.queue : this.beats).pop();
        if (next === task) busyAt = next.due;
        ran++;
        this.runTask(next);
      }
      this.current = Math.max(this.current, instant);
    } finally {
      this.running = false;
    }
    return ran;
  }

  /** Every heartbeat due before `end` fires once, as its stand-in says, then keeps its period from `end` on. */
  private collapse(end: number): number {
    const collapsed: { beat: Heartbeat; last: number; standIn: ReturnType<StandIn>; order: number }[] = [];
    for (let firing = this.beats.peek(); firing && firing.due < end; firing = this.beats.peek()) {
      this.beats.pop();
      const beat = firing.beat as Heartbeat;
      const last = firing.due + beat.intervalMs * (Math.ceil((end - firing.due) / beat.intervalMs) - 1);
      collapsed.push({ beat, last, standIn: beat.standIn(firing.due, last), order: collapsed.length });
    }
    const standIns = collapsed.filter((c) => c.standIn !== undefined);
    standIns.sort((a, b) => (a.standIn?.at ?? 0) - (b.standIn?.at ?? 0) || a.order - b.order);
    for (const { standIn, beat } of standIns) {
      if (!standIn || beat.cancelled) continue;
      this.current = Math.max(this.current, standIn.at);
      this.runTask({ due: this.current, sequence: -1, label: beat.label, run: standIn.run, cancelled: false });
    }
    for (const { beat, last } of collapsed) if (!beat.cancelled) this.scheduleBeat(beat, last + beat.intervalMs);
    return standIns.length;
  }

  private runTask(task: QueuedTask): void {
    this.current = Math.max(this.current, task.due);
    try {
      task.run();
    } catch (error: unknown) {
      this.onError(error, task.label);
    }
  }

  private scheduleBeat(beat: Heartbeat, instant: number): void {
    if (beat.cancelled) return;
    beat.pending = this.enqueue(
      this.beats,
      instant,
      () => {
        // The next run is scheduled before this one so a task that throws still keeps its period.
        this.scheduleBeat(beat, instant + beat.intervalMs);
        beat.task();
      },
      beat.label,
      beat,
    );
  }

  private enqueue(queue: TaskQueue, instant: number, task: Task, label: string, beat?: Heartbeat): QueuedTask {
    const earliest = this.peek();
    const queued: QueuedTask = { due: Math.max(instant, this.now()), sequence: this.sequence++, label, run: task, cancelled: false, ...(beat ? { beat } : {}) };
    queue.push(queued);
    if (!earliest || queued.due < earliest.due) this.notifyChange();
    return queued;
  }

  private peek(): QueuedTask | undefined {
    return earlier(this.queue.peek(), this.beats.peek());
  }

  private notifyChange(): void {
    if (this.running) return;
    for (const listener of [...this.changeListeners]) listener();
  }
}
