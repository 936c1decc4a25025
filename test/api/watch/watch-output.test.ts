import { ManualTimers } from '../../../src/api/watch/watch-timers.js';
import { type Backlog, WatchOutput } from '../../../src/api/watch/watch-output.js';
import type { WatcherLimits } from '../../../src/api/watch/watcher-limits.js';
import { FakeWatchResponse } from './fake-watch-response.js';

const LIMITS: WatcherLimits = { blockedEvents: 3, unresponsiveBudgetMs: 100, maxPendingBytes: 1_000 };

function frameOf(n: number): Buffer {
  return Buffer.from(`{"n":${n}}\n`);
}

function numbers(stream: FakeWatchResponse): number[] {
  return stream.events().map((event) => (event as unknown as { n: number }).n);
}

function setUp(highWaterMark: number, limits: WatcherLimits = LIMITS) {
  const stream = new FakeWatchResponse(highWaterMark);
  const timers = new ManualTimers();
  const cuts: Backlog[] = [];
  const output = new WatchOutput(stream, limits, timers, (backlog) => cuts.push(backlog));
  return { stream, timers, cuts, output };
}

describe('a watcher output', () => {
  test('writes while the socket takes frames, queues them when it is full, and sends them in order as it drains', () => {
    const { stream, output } = setUp(20);
    for (let n = 1; n <= 6; n++) output.send(frameOf(n));
    expect(stream.writableLength).toBeLessThan(20 + frameOf(9).length);
    expect(output.backlog.events).toBeGreaterThan(0);
    stream.readAll();
    expect(numbers(stream)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(output.backlog).toEqual({ events: 0, bytes: 0 });
  });

  test('pulls initial frames only as the socket drains, and sends what came meanwhile after them', () => {
    const { stream, output } = setUp(1);
    let pulled = 0;
    function* initial(): Generator<Buffer> {
      for (let n = 1; n <= 1_000; n++) {
        pulled += 1;
        yield frameOf(n);
      }
    }
    output.sendFirst(initial());
    expect(pulled).toBe(1);
    output.send(frameOf(1_001));
    output.send(frameOf(1_002));
    for (let reads = 1; reads <= 10; reads++) stream.read();
    expect(pulled).toBe(11);
    stream.readAll();
    expect(numbers(stream)).toEqual(Array.from({ length: 1_002 }, (_, i) => i + 1));
  });

  test('is not cut for falling behind while its client reads: a burst waits in its queue', () => {
    const { stream, timers, cuts, output } = setUp(1, { ...LIMITS, maxPendingBytes: 1_000_000 });
    for (let n = 1; n <= 100; n++) output.send(frameOf(n));
    stream.read();
    timers.advance(100);
    stream.read();
    timers.advance(100);
    stream.readAll();
    timers.advance(100);
    expect(cuts).toEqual([]);
    expect(numbers(stream)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  test('is cut when it stays past its queue bound for the budget without its socket draining', () => {
    const { stream, timers, cuts, output } = setUp(1);
    for (let n = 1; n <= 5; n++) output.send(frameOf(n));
    timers.advance(99);
    expect(cuts).toEqual([]);
    timers.advance(1);
    expect(cuts).toEqual([{ events: 4, bytes: 4 * frameOf(2).length + frameOf(1).length }]);
    expect(stream.writableEnded).toBe(true);
    expect(output.backlog.events).toBe(0);
    output.send(frameOf(6));
    stream.readAll();
    expect(numbers(stream)).toEqual([1]);
  });

  test('is cut at once when what waits for it passes the byte bound', () => {
    const { stream, cuts, output } = setUp(1, { ...LIMITS, blockedEvents: 1_000 });
    const big = Buffer.from(`{"n":0,"pad":"${'x'.repeat(400)}"}\n`);
    output.send(big);
    output.send(big);
    expect(cuts).toEqual([]);
    output.send(big);
    expect(cuts).toHaveLength(1);
    expect(stream.writableEnded).toBe(true);
  });

  test('ending it drops what is queued and stops its budget', () => {
    const { stream, timers, cuts, output } = setUp(1);
    for (let n = 1; n <= 5; n++) output.send(frameOf(n));
    output.end();
    timers.advance(1_000);
    expect(cuts).toEqual([]);
    expect(output.backlog.events).toBe(0);
    stream.readAll();
    expect(numbers(stream)).toEqual([1]);
  });
});
