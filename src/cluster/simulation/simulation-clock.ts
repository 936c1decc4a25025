import type { Clock } from '../clock.js';
import { type QueuedTask, TaskQueue } from './task-queue.js';

export type Task = () => void;

export interface TaskHandle {
  cancel(): void;
}

/** What controllers use to act later: at an instant, after a delay, or periodically, all in simulation time. */
export interface TaskScheduler {
  at(instant: number, task: Task, label?: string): TaskHandle;
  after(delayMs: number, task: Task, label?: string): TaskHandle;
  /** Runs `task` every `intervalMs`, first after `firstDelayMs` (default: one interval). */
  every(intervalMs: number, task: Task, options?: { firstDelayMs?: number; label?: string }): TaskHandle;
}

export type TaskErrorHandler = (error: unknown, label: string) => void;

/**
 * The simulation's time and its task scheduler in one. `now()` is the simulation instant: while a task runs it
 * is exactly the instant the task was due (so what a task writes never depends on how late a timer fired);
 * between tasks it follows the driver's time source (real time × speed, or a manual clock). Drivers call
 * `runUntil` to run due tasks; nothing runs by itself, which is what lets tests step time.
 */
export class SimulationClock implements Clock, TaskScheduler {
  private current: number;
  private sequence = 0;
  private running = false;
  private readonly queue = new TaskQueue();
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
    const queued: QueuedTask = { due: Math.max(instant, this.now()), sequence: this.sequence++, label, run: task, cancelled: false };
    const earliest = this.queue.peek();
    this.queue.push(queued);
    if (!earliest || queued.due < earliest.due) this.notifyChange();
    return {
      cancel: () => {
        queued.cancelled = true;
      },
    };
  }

  after(delayMs: number, task: Task, label = 'task'): TaskHandle {
    return this.at(this.now() + Math.max(0, delayMs), task, label);
  }

  every(intervalMs: number, task: Task, options: { firstDelayMs?: number; label?: string } = {}): TaskHandle {
    if (!(intervalMs > 0)) throw new Error(`every: interval must be positive, got ${intervalMs}`);
    let cancelled = false;
    let current: TaskHandle | undefined;
    const label = options.label ?? 'periodic task';
    const schedule = (instant: number): void => {
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
      },
    };
  }

  /** The instant of the earliest pending task. */
  nextDue(): number | undefined {
    return this.queue.peek()?.due;
  }

  get pendingTasks(): number {
    return this.queue.size;
  }

  /**
   * Runs every task due at or before `instant` in (due, sequence) order, including tasks scheduled by the tasks
   * it runs, then leaves the clock at `instant`. Returns how many tasks ran.
   */
  runUntil(instant: number): number {
    if (this.running) throw new Error('runUntil called from inside a simulation task');
    let ran = 0;
    this.running = true;
    try {
      for (let next = this.queue.peek(); next && next.due <= instant; next = this.queue.peek()) {
        this.queue.pop();
        this.current = Math.max(this.current, next.due);
        ran++;
        try {
          next.run();
        } catch (error: unknown) {
          this.onError(error, next.label);
        }
      }
      this.current = Math.max(this.current, instant);
    } finally {
      this.running = false;
    }
    return ran;
  }

  /** Drops every pending task (a stopped simulation leaves nothing behind, event expiries included). */
  cancelAll(): void {
    for (let task = this.queue.pop(); task; task = this.queue.pop()) task.cancelled = true;
  }

  /** Called whenever the earliest due instant may have moved earlier: the real driver re-arms its timer. */
  onScheduleChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  private notifyChange(): void {
    if (this.running) return;
    for (const listener of [...this.changeListeners]) listener();
  }
}
