/**
 * Durations the way kubectl users see them in AGE columns: apimachinery pkg/util/duration/duration.go
 * (HumanDuration), and the `translateTimestampSince` helper of k/k pkg/printers/internalversion/printers.go.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's `int(d / unit)`: integer division truncating toward zero. */
function whole(ms: number, unit: number): number {
  return Math.trunc(ms / unit);
}

const DAY = 24 * HOUR;

/**
 * How long the text of the durations rendered inside `render` stays the same as time passes: the least time, over
 * every duration rendered, until its shown unit ticks over (a `5d3h` age changes at the next whole hour). A printed
 * row can be reused until then. Rendering is synchronous, so one counter, saved and restored around nested calls,
 * is exact.
 */
let stableForMs = Infinity;

export function withDurationStability<T>(render: () => T): { value: T; stableForMs: number } {
  const outer = stableForMs;
  stableForMs = Infinity;
  try {
    const value = render();
    return { value, stableForMs };
  } finally {
    stableForMs = Math.min(outer, stableForMs);
  }
}

/** Time until `ms` reaches the next multiple of `unit`, the next instant a truncated count of `unit` changes. */
function untilNext(ms: number, unit: number): number {
  return unit - (ms % unit);
}

/**
 * How long `humanDuration(ms)` keeps its text as `ms` grows: its smallest shown unit. Every threshold between
 * formats is a whole number of the finer unit, so the next tick of the shown unit is also the next threshold.
 * A negative duration (clock skew) is not reusable at all.
 */
function stabilityOf(ms: number, seconds: number, hours: number): number {
  if (seconds < 0 || ms < 0) return 0;
  if (seconds < 10 * 60) return untilNext(ms, SECOND);
  if (hours < 8) return untilNext(ms, MINUTE);
  if (hours < 24 * 8) return untilNext(ms, HOUR);
  return untilNext(ms, DAY);
}

/** A duration given in milliseconds, rendered with two significant units at most (`2m5s`, `3h2m`, `2y1d`). */
export function humanDuration(ms: number): string {
  const seconds = whole(ms, SECOND);
  stableForMs = Math.min(stableForMs, stabilityOf(ms, seconds, whole(ms, HOUR)));
  // A clock skew of up to two seconds counts as "now"; anything further in the future is invalid.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 2 * 60) return `${seconds}s`;

  const minutes = whole(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 3 * 60) return `${minutes}m`;

  const hours = whole(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const days = Math.trunc(hours / 24);
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Epoch milliseconds of an RFC 3339 (micro)timestamp, or undefined when it is absent — Go's zero time. */
export function timestampMillis(timestamp: unknown): number | undefined {
  if (typeof timestamp !== 'string' || timestamp === '') return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Time elapsed since `timestamp`, or `<unknown>` for a zero (absent) timestamp. */
export function translateTimestampSince(timestamp: unknown, now: number): string {
  const ms = timestampMillis(timestamp);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}
