/**
 * One frozen instant for several in-process servers. startE2eServer freezes `Date` at `Date.now()`, which is the
 * first server's instant while it stands frozen, so a second server started then prints the same ages. But a
 * server that fails to start, or stops, gives `Date` back to the wall clock (jest.useRealTimers), and the servers
 * still running would then age. Calling holdClockAt(first.now) after each start or stop puts the instant back.
 */
import { jest } from '@jest/globals';

/** Every timer API stays real (sockets, kubectl's child processes and timeouts need them); only Date stands still. */
const REAL_TIMER_APIS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

export function holdClockAt(now: Date): void {
  jest.useFakeTimers({ now, doNotFake: [...REAL_TIMER_APIS] });
}
