import type { LogLine } from '../../../../../src/cluster/logs/container-logs.js';
import { BACKFILL_MS, type LogBurst, type LogPattern, playLogPattern } from '../../../../../src/cluster/simulation/kubelet/image-logs/index.js';
import { SeededRandom } from '../../../../../src/cluster/simulation/random.js';

const START = Date.parse('2026-01-01T12:00:00Z');

/** Two banner bursts (at 0 and 2 s), then one steady line a minute. */
function pattern(startMs: number): LogPattern {
  const bursts: LogBurst[] = [
    { atMs: startMs, banner: true, lines: [{ us: startMs * 1000, text: 'hello' }] },
    { atMs: startMs + 2_000, banner: true, lines: [{ us: (startMs + 2_000) * 1000 - 5, text: 'ready' }] },
  ];
  let minute = 0;
  return {
    next: () => {
      const banner = bursts.shift();
      if (banner) return banner;
      minute++;
      const atMs = startMs + 2_000 + minute * 60_000;
      return { atMs, banner: false, lines: [{ us: atMs * 1000, text: `tick ${minute}` }] };
    },
  };
}

/** A clock that runs tasks in time order, and the lines appended with the instant they were appended. */
function fakeSink(nowMs: number) {
  let now = nowMs;
  const tasks: { at: number; task: () => void }[] = [];
  const appended: { at: number; line: LogLine }[] = [];
  return {
    sink: {
      now: () => now,
      later: (delayMs: number, task: () => void) => {
        tasks.push({ at: now + delayMs, task });
      },
      append: (line: LogLine) => appended.push({ at: now, line }),
    },
    advanceTo(ms: number) {
      for (;;) {
        tasks.sort((a, b) => a.at - b.at);
        const next = tasks[0];
        if (!next || next.at > ms) break;
        tasks.shift();
        now = next.at;
        next.task();
      }
      now = ms;
    },
    appended,
    pendingTasks: () => tasks.length,
  };
}

describe('playing a container’s log on the clock', () => {
  test('a fresh container writes its banner as the clock reaches each burst, then its steady lines', () => {
    const clock = fakeSink(START);
    playLogPattern(pattern(START), clock.sink, new SeededRandom(1), { banner: true });
    expect(clock.appended.map((a) => a.line.text)).toEqual(['hello']);
    clock.advanceTo(START + 3 * 60_000);
    expect(clock.appended.map((a) => [a.at - START, a.line.text])).toEqual([
      [0, 'hello'],
      [2_000, 'ready'],
      [62_000, 'tick 1'],
      [122_000, 'tick 2'],
    ]);
    // One task waits for the next line: the pattern is drawn no further than the clock.
    expect(clock.pendingTasks()).toBe(1);
  });

  test('the runtime timestamp carries the line’s microsecond, never earlier than the process wrote it', () => {
    const clock = fakeSink(START);
    playLogPattern(pattern(START), clock.sink, new SeededRandom(1), { banner: true });
    clock.advanceTo(START + 2_000);
    expect(clock.appended[1]?.line.time).toMatch(/^2026-01-01T12:00:01\.999995\d{3}Z$/);
  });

  test('a container that started before now has its past written at once, its steady lines for the last hour only', () => {
    const started = START - 3 * 60 * 60_000;
    const clock = fakeSink(START);
    playLogPattern(pattern(started), clock.sink, new SeededRandom(1), { banner: true });
    const texts = clock.appended.map((a) => a.line.text);
    expect(texts.slice(0, 2)).toEqual(['hello', 'ready']);
    expect(texts.length).toBe(2 + BACKFILL_MS / 60_000);
    expect(clock.appended.every((a) => a.at === START)).toBe(true);
  });

  test('an instance whose lines are already written goes on without its banner', () => {
    const clock = fakeSink(START);
    playLogPattern(pattern(START), clock.sink, new SeededRandom(1), { banner: false });
    clock.advanceTo(START + 62_000);
    expect(clock.appended.map((a) => a.line.text)).toEqual(['tick 1']);
  });
});
