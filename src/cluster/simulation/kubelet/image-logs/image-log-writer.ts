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
 * Writes a pattern's bursts as the clock reaches them: those already due (a container that started before now)
 * at once, each later one by a task at its instant, so a line is in the log exactly from the time it carries.
 */
export function playLogPattern(pattern: LogPattern, sink: LogSink, random: SeededRandom, options: PlayOptions): void {
  const oldest = sink.now() - BACKFILL_MS;
  let pending = pattern.next();
  const write = (burst: LogBurst): void => {
    for (const line of burst.lines) sink.append({ time: runtimeTimestamp(line.us, random), text: line.text });
  };
  const step = (): void => {
    const now = sink.now();
    while (pending && (pending.atMs <= now || (pending.banner && !options.banner))) {
      if (pending.banner ? options.banner : pending.atMs >= oldest) write(pending);
      pending = pattern.next();
    }
    if (pending) sink.later(pending.atMs - now, step);
  };
  step();
}
