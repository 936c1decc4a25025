import { get, type Target } from './http.js';

/** Collections by kind (major, minor, incremental, weakcb): how many, and seconds in all. */
export type Collections = Map<string, { count: number; seconds: number }>;

/**
 * What kubefacade's process did during a measurement, read from its /metrics (src/api/observability/process-metrics.ts):
 * V8's collections by kind, and the longest the event loop was held up. A server's tail latency is set by the
 * moments it answers nothing; these say whether the collector made them.
 */
export interface RuntimeWindow {
  /** Collections during the window. */
  collections: Collections;
  /** The longest event-loop delay during the window, in ms (nodejs_eventloop_lag_max_seconds, reset by each scrape). */
  longestDelayMs: number | undefined;
}

/** The figures of one scrape that a window is made of. */
export interface RuntimeFigures {
  /** Collections since the process started. */
  collections: Collections;
  lagMaxSeconds: number | undefined;
}

/** nodejs_gc_duration_seconds' _count and _sum by kind, and nodejs_eventloop_lag_max_seconds, from Prometheus text. */
export function parseRuntimeFigures(text: string): RuntimeFigures {
  const collections: Collections = new Map();
  let lagMaxSeconds: number | undefined;
  for (const line of text.split('\n')) {
    const gc = /^nodejs_gc_duration_seconds_(count|sum)\{kind="([a-z]+)"\} (\S+)$/.exec(line);
    if (gc) {
      const [, field, kind, value] = gc as unknown as [string, 'count' | 'sum', string, string];
      const figures = collections.get(kind) ?? { count: 0, seconds: 0 };
      if (field === 'count') figures.count = Number(value);
      else figures.seconds = Number(value);
      collections.set(kind, figures);
      continue;
    }
    const lag = /^nodejs_eventloop_lag_max_seconds (\S+)$/.exec(line);
    if (lag) lagMaxSeconds = Number(lag[1]);
  }
  return { collections, lagMaxSeconds };
}

/** The collections between two scrapes, and the longest delay the second one saw. */
export function runtimeBetween(before: RuntimeFigures, after: RuntimeFigures): RuntimeWindow {
  const collections: Collections = new Map();
  for (const [kind, figures] of after.collections) {
    const earlier = before.collections.get(kind) ?? { count: 0, seconds: 0 };
    const count = figures.count - earlier.count;
    if (count > 0) collections.set(kind, { count, seconds: figures.seconds - earlier.seconds });
  }
  const lag = after.lagMaxSeconds;
  return { collections, longestDelayMs: lag === undefined || Number.isNaN(lag) ? undefined : lag * 1000 };
}

/** The runtime figures of the server at `target` now (a scrape also restarts its event-loop maximum). */
export async function scrapeRuntime(target: Target): Promise<RuntimeFigures> {
  const answer = await get(target, '/metrics', { keep: true, headers: { Accept: 'text/plain' } });
  if (answer.status !== 200) throw new Error(`GET /metrics answered ${answer.status}`);
  return parseRuntimeFigures(answer.body?.toString() ?? '');
}

/** Order in which kinds are told: those that stop the process longest first. */
const KINDS = ['major', 'incremental', 'minor', 'weakcb'];

/** "V8 collections 1 major (691 ms), 42 minor (180 ms); longest event-loop delay 702 ms", as much as is known. */
export function describeRuntime(window: RuntimeWindow): string {
  const kinds = [...window.collections].sort(([a], [b]) => rank(a) - rank(b));
  const parts: string[] = [];
  if (kinds.length > 0) {
    parts.push(
      `V8 collections ${kinds.map(([kind, { count, seconds }]) => `${count.toLocaleString('en-US')} ${kind} (${Math.round(seconds * 1000).toLocaleString('en-US')} ms)`).join(', ')}`,
    );
  }
  if (window.longestDelayMs !== undefined) parts.push(`longest event-loop delay ${Math.round(window.longestDelayMs).toLocaleString('en-US')} ms`);
  return parts.join('; ');
}

const rank = (kind: string): number => (KINDS.includes(kind) ? KINDS.indexOf(kind) : KINDS.length);
