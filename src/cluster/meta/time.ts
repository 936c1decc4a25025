/**
 * Timestamps as the API server sends them (apimachinery pkg/apis/meta/v1 time.go, micro_time.go), in UTC:
 * metav1.Time to the second, metav1.MicroTime to the microsecond, and a container runtime's log stamp to the
 * nanosecond. Instants are epoch milliseconds; digits below the millisecond are given by the caller.
 */
import { boundedMemo } from './bounded-memo.js';

/**
 * The texts of recent seconds. Writes come in bursts within a few seconds (a pod's status, its events; the pods a
 * replay settles at once): the text of each second is made once and shared by every timestamp of that second.
 */
const secondText = boundedMemo((second: number) => new Date(second * 1000).toISOString().replace('.000Z', 'Z'), 4096);

/** metav1.Time: RFC 3339 to the second (`2024-05-01T10:00:00Z`). */
export function rfc3339(epochMs: number): string {
  return secondText(Math.floor(epochMs / 1000));
}

/** metav1.MicroTime: RFC 3339 with microseconds (lease renewTime, event eventTime). */
export function rfc3339Micro(epochMs: number, extraMicros = 0): string {
  const micros = String(Math.floor(epochMs % 1000) * 1000 + (extraMicros % 1000)).padStart(6, '0');
  return `${rfc3339(epochMs).slice(0, -1)}.${micros}Z`;
}

/** RFC 3339 with nanoseconds: how the container runtime stamps each log line (`kubectl logs --timestamps`). */
export function rfc3339Nano(epochMs: number, extraNanos = 0): string {
  const nanos = String(Math.floor(epochMs % 1000) * 1_000_000 + (extraNanos % 1_000_000)).padStart(9, '0');
  return `${rfc3339(epochMs).slice(0, -1)}.${nanos}Z`;
}
