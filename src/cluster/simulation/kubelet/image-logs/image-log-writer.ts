import type { LogLine } from '../../../logs/container-logs.js';
import type { SeededRandom } from '../../random.js';
import { runtimeTimestamp } from './log-formats.js';
import type { LogBurst, LogPattern } from './log-pattern.js';

/** Where a pattern's lines go, on the simulation's clock. */
export interface LogSink {
  now(): number;
  /** Runs `task` after `delayMs` of simulated time, cancelled with the container instance. */
  later(delayMs: number, task: () => void): void;
  append(line: LogLine): void;
}

export interface PlayOptions {
  /** Whether the start-up bursts are written (false when the lines of this instance are already there). */
  banner: boolean;
}

/**
 * Steady lines older than this are not written when a container's past is filled in at once: the kubelet rotates
 * container logs anyway (containerLogMaxSize), and an old container's start is what `kubectl logs` readers look for.
 */
export const BACKFILL_MS = 60 * 60_000;

/**
 * A pattern read as the clock reaches its bursts: `until(now)` gives the lines of every burst due by then, once.
 * Nothing is drawn before it is asked for, so a container nobody reads costs nothing, however long it ran; what
 * is drawn depends only on the pattern's own random, never on when it is read.
 */
export class PatternReader {
  private pattern: LogPattern | undefined;
  private pending: LogBurst | undefined;
  private ended = false;

  constructor(
    private readonly makePattern: () => LogPattern,
    private readonly random: SeededRandom,
    private readonly options: PlayOptions & { /** Steady lines before this instant are not written. */ oldest: number },
  ) {}

  /** The lines of the bursts due at or before `now` not read yet, in order. */
  until(now: number): LogLine[] {
    const lines: LogLine[] = [];
    let pending = this.next();
    while (pending && (pending.atMs <= now || (pending.banner && !this.options.banner))) {
      if (pending.banner ? this.options.banner : pending.atMs >= this.options.oldest) {
        for (const line of pending.lines) lines.push({ time: runtimeTimestamp(line.us, this.random), text: line.text });
      }
      this.pending = undefined;
      pending = this.next();
    }
    return lines;
  }

  /** When the next burst is due, if the pattern has one. */
  nextAt(): number | undefined {
    return this.next()?.atMs;
  }

  private next(): LogBurst | undefined {
    if (this.pending || this.ended) return this.pending;
    this.pattern ??= this.makePattern();
    this.pending = this.pattern.next();
    this.ended = this.pending === undefined;
    return this.pending;
  }
}

/**
 * Writes a pattern's bursts as the clock reaches them: those already due (a container that started before now)
 * at once, each later one by a task at its instant, so a line is in the log exactly from the time it carries.
 */
export function playLogPattern(pattern: LogPattern, sink: LogSink, random: SeededRandom, options: PlayOptions): void {
  const reader = new PatternReader(() => pattern, random, { ...options, oldest: sink.now() - BACKFILL_MS });
  const step = (): void => {
    const now = sink.now();
    for (const line of reader.until(now)) sink.append(line);
    const next = reader.nextAt();
    if (next !== undefined) sink.later(next - now, step);
  };
  step();
}
