import type { SimulationClock } from './simulation-clock.js';

/** The test driver: time moves only when told to, and every task due on the way runs, in order. */
export class ManualDriver {
  constructor(private readonly clock: SimulationClock) {}

  /** Moves simulation time forward by `ms`, running what falls due. Returns how many tasks ran. */
  advance(ms: number): number {
    return this.clock.runUntil(this.clock.now() + ms);
  }

  runUntil(instant: number): number {
    return this.clock.runUntil(instant);
  }

  /** Runs what is due now (tasks queued "at the same instant" by store listeners, say). */
  flush(): number {
    return this.clock.runUntil(this.clock.now());
  }
}

export interface RealTime {
  /** Monotonic milliseconds (performance.now in production). */
  now(): number;
  setTimeout(callback: () => void, ms: number): { unref?(): unknown };
  clearTimeout(timer: unknown): void;
}

const nodeTime: RealTime = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

/**
 * The production driver: simulation time is the start instant plus elapsed real time × speed. One Node timer
 * waits for the next due task; it is unref'd so a simulation never keeps a process alive on its own.
 */
export class RealDriver {
  private readonly realStart: number;
  private readonly simulationStart: number;
  private timer: { unref?(): unknown } | undefined;
  private stopped = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly clock: SimulationClock,
    private readonly speed: number,
    private readonly realTime: RealTime = nodeTime,
  ) {
    if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
    this.realStart = realTime.now();
    this.simulationStart = clock.now();
    clock.followSource(() => this.instant());
    this.unsubscribe = clock.onScheduleChange(() => this.arm());
    this.arm();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    this.disarm();
    // Freeze time where it is: a stopped simulation's clock no longer moves.
    const frozen = this.instant();
    this.clock.followSource(() => frozen);
  }

  private instant(): number {
    return this.simulationStart + (this.realTime.now() - this.realStart) * this.speed;
  }

  private arm(): void {
    this.disarm();
    if (this.stopped) return;
    const due = this.clock.nextDue();
    if (due === undefined) return;
    const delay = Math.max(0, (due - this.instant()) / this.speed);
    const timer = this.realTime.setTimeout(() => this.fire(), Math.min(delay, 2 ** 31 - 1));
    timer.unref?.();
    this.timer = timer;
  }

  private disarm(): void {
    if (this.timer !== undefined) this.realTime.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    if (this.stopped) return;
    this.clock.runUntil(this.instant());
    this.arm();
  }
}
