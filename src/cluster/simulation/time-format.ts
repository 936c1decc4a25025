import type { SeededRandom } from './random.js';

/** metav1.Time: RFC 3339 to the second, UTC, as the API serializes it. */
export function rfc3339(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** metav1.MicroTime: RFC 3339 with microseconds (lease renewTime, event eventTime). */
export function rfc3339Micro(epochMs: number): string {
  const iso = new Date(Math.floor(epochMs)).toISOString();
  return `${iso.slice(0, 23)}000Z`;
}

/**
 * A container runtime's log timestamp: RFC 3339 with nanoseconds, UTC. The digits below the millisecond come
 * from the seeded random so lines look like a runtime wrote them and a run still repeats exactly.
 */
export function rfc3339Nano(epochMs: number, random: SeededRandom): string {
  const iso = new Date(Math.floor(epochMs)).toISOString();
  return `${iso.slice(0, 23)}${String(random.int(0, 999_999)).padStart(6, '0')}Z`;
}

/**
 * Go's time.Duration.String() for a duration already truncated to milliseconds, as the kubelet prints pull times
 * ("834ms", "1.2s", "1m5.02s").
 */
export function goDuration(ms: number): string {
  const whole = Math.floor(ms);
  if (whole === 0) return '0s';
  if (whole < 1000) return `${whole}ms`;
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = (whole % 60_000) / 1000;
  const secondsText = `${seconds.toFixed(3).replace(/\.?0+$/, '')}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondsText}`;
  if (minutes > 0) return `${minutes}m${secondsText}`;
  return secondsText;
}
