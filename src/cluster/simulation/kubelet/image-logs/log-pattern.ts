import type { SeededRandom } from '../../random.js';
import type { Format } from './log-formats.js';

/** One line a process wrote, at the microsecond (since the epoch) it wrote it. */
export interface TimedLine {
  us: number;
  text: string;
}

/** Lines that reach the runtime together, appended by the kubelet at `atMs`; `banner` marks start-up output. */
export interface LogBurst {
  atMs: number;
  lines: TimedLine[];
  banner: boolean;
}

/** A container's output as bursts in time order, produced lazily: nothing is drawn before it is asked for. */
export interface LogPattern {
  next(): LogBurst | undefined;
}

/** Where a family writes: a cursor in time that moves forward a few microseconds per line, or by a pause. */
export class LogWriter {
  private us: number;
  private lines: TimedLine[] = [];

  constructor(
    readonly random: SeededRandom,
    startMs: number,
  ) {
    this.us = startMs * 1000 + random.int(0, 999);
  }

  get nowUs(): number {
    return this.us;
  }

  /** Moves the cursor to `ms` (never backwards), somewhere inside that millisecond. */
  moveTo(ms: number): void {
    this.us = Math.max(this.us, ms * 1000 + this.random.int(0, 999));
  }

  /** Time the process spends between two lines (connecting to etcd, waiting for caches, ...). */
  pause(minMs: number, maxMs: number): void {
    this.us += this.random.between(minMs * 1000, maxMs * 1000);
  }

  /** A line stamped by its format at the instant it is written, a little after the previous one. */
  write(format: Format): void {
    this.us += this.random.int(8, 350);
    this.lines.push({ us: this.us, text: format(this.us) });
  }

  plain(text: string): void {
    this.write(() => text);
  }

  take(): TimedLine[] {
    const out = this.lines;
    this.lines = [];
    return out;
  }
}

/** A steady-state habit of a process: how long until it writes again, and what it writes then. */
export interface SteadyStream {
  /** The first time, counted from the end of the banner; `everyMs` when not given. */
  firstMs?(random: SeededRandom): number;
  everyMs(random: SeededRandom): number;
  write(out: LogWriter): void;
}

/** What one image family prints: its start-up banner, then its steady streams. */
export interface ProcessLogs {
  banner(out: LogWriter): void;
  steady: readonly SteadyStream[];
}

/**
 * A burst reaches the runtime (and the kubelet's log) when its last line is written, so bursts are kept short:
 * a new one starts after a pause, or once a burst spans this long, and no line is appended long after its header.
 */
const BURST_SPAN_US = 50_000;

/**
 * Plays a family's logs from `startMs`: the banner cut into bursts where the process paused, then each steady
 * stream at its own cadence, the earliest first.
 */
export function scheduledPattern(process: ProcessLogs, random: SeededRandom, startMs: number): LogPattern {
  const out = new LogWriter(random, startMs);
  process.banner(out);
  const bursts = splitBursts(out.take());
  const bannerEndMs = bursts.at(-1)?.atMs ?? startMs;
  const due = process.steady.map((stream) => bannerEndMs + (stream.firstMs?.(random) ?? stream.everyMs(random)));
  return {
    next(): LogBurst | undefined {
      const banner = bursts.shift();
      if (banner) return banner;
      if (due.length === 0) return undefined;
      let index = 0;
      for (let i = 1; i < due.length; i++) if ((due[i] as number) < (due[index] as number)) index = i;
      const stream = process.steady[index] as SteadyStream;
      const atMs = due[index] as number;
      out.moveTo(atMs);
      stream.write(out);
      due[index] = atMs + Math.max(1, stream.everyMs(random));
      const lines = out.take();
      const last = lines.at(-1);
      return { atMs: last ? Math.max(atMs, Math.ceil(last.us / 1000)) : atMs, lines, banner: false };
    },
  };
}

function splitBursts(lines: TimedLine[]): LogBurst[] {
  const bursts: LogBurst[] = [];
  let current: TimedLine[] = [];
  const close = (): void => {
    const last = current.at(-1);
    if (last) bursts.push({ atMs: Math.ceil(last.us / 1000), lines: current, banner: true });
    current = [];
  };
  for (const line of lines) {
    const first = current[0];
    if (first && line.us - first.us > BURST_SPAN_US) close();
    current.push(line);
  }
  close();
  return bursts;
}

/** A uniform cadence: every `minMs` to `maxMs`. */
export function every(minMs: number, maxMs: number): (random: SeededRandom) => number {
  return (random) => random.between(minMs, maxMs);
}
