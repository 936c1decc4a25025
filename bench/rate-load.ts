import { now } from './child-process.js';
import { get, type Target } from './http.js';

export interface RateResult {
  /** Latency of each request from the instant it was due (open loop: a slow answer delays no later request). */
  latencies: number[];
  /** Requests that failed or answered other than 200. */
  errors: number;
  sent: number;
}

/**
 * An open-loop load at a fixed rate, as wrk2 makes it: request i is due at start + i/rate whatever became of the
 * others, and its latency counts from then, so a stall shows in the percentiles instead of slowing the load down.
 */
export async function fixedRate(target: Target, path: string, rate: number, durationMs: number, headers: Record<string, string> = {}): Promise<RateResult> {
  const latencies: number[] = [];
  const total = Math.round((rate * durationMs) / 1000);
  let errors = 0;
  let sent = 0;
  const pending: Promise<void>[] = [];
  const start = now() + 10;
  await new Promise<void>((resolve) => {
    const fire = (): void => {
      const elapsed = now() - start;
      while (sent < total && (sent * 1000) / rate <= elapsed) {
        const due = start + (sent * 1000) / rate;
        sent += 1;
        pending.push(
          get(target, path, { headers, timeoutMs: 10_000 }).then(
            (answer) => {
              latencies.push(now() - due);
              if (answer.status !== 200) errors += 1;
            },
            () => {
              errors += 1;
            },
          ),
        );
      }
      if (sent >= total) resolve();
      else setTimeout(fire, 1);
    };
    setTimeout(fire, 10);
  });
  await Promise.all(pending);
  return { latencies, errors, sent };
}
