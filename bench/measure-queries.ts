import { join } from 'node:path';
import type { CeilingResponse } from './ceiling-server.js';
import { get, type Target } from './http.js';
import { median } from './stats.js';

export const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
/** What client-go sends when told to use protobuf: JSON stays acceptable for what the server cannot encode so. */
export const PROTOBUF = 'application/vnd.kubernetes.protobuf,application/json';
export const JSON_ACCEPT = 'application/json';

export interface Query {
  /** The row's name: `full pod LIST (JSON)`. */
  name: string;
  path: string;
  accept: string;
  /** Runs whose median is reported. */
  runs: number;
}

export interface QueryTiming {
  query: Query;
  facadeMs: number | undefined;
  ceilingMs: number | undefined;
  bytes: number;
  status: number;
  error?: string;
}

/** Asks kubefacade each query once, keeping the answer in a file for the ceiling. */
export async function captureAnswers(
  facade: Target,
  queries: readonly Query[],
  dir: string,
  prefix = 'answer',
): Promise<{ responses: CeilingResponse[]; failures: Map<string, string> }> {
  const responses: CeilingResponse[] = [];
  const failures = new Map<string, string>();
  for (const [i, query] of queries.entries()) {
    const file = join(dir, `${prefix}-${i}.body`);
    try {
      const answer = await get(facade, query.path, { headers: { Accept: query.accept }, file });
      if (answer.status !== 200) failures.set(query.name, `kubefacade answered ${answer.status}`);
      responses.push({
        method: 'GET',
        path: query.path,
        accept: query.accept,
        status: answer.status,
        contentType: String(answer.headers['content-type'] ?? ''),
        file,
      });
    } catch (error: unknown) {
      failures.set(query.name, error instanceof Error ? error.message : String(error));
    }
  }
  return { responses, failures };
}

/**
 * Runs before the counted ones: one for a query timed a few times (a full list), twice as many as the counted ones
 * for a quick query. V8 optimises a function only after some tens of calls, and a quick query runs code of its own
 * (a field selector's parse, an index's scan): after five runs kubefacade's CPU per request for one node's pods was
 * still 2.5 times what it is once compiled (0.37 against 0.15 ms over the next 4,000), so medians measured the
 * interpreter and swung between runs.
 */
const warmUpRuns = (query: Query): number => (query.runs > 3 ? 2 * query.runs : 1);

/** Each query's median time on both servers, runs alternating between them so that neither gets a quieter machine. */
export async function timeQueries(
  facade: Target,
  ceiling: Target | undefined,
  queries: readonly Query[],
  failures: ReadonlyMap<string, string>,
): Promise<QueryTiming[]> {
  const timings: QueryTiming[] = [];
  for (const query of queries) {
    const failure = failures.get(query.name);
    if (failure !== undefined) {
      timings.push({ query, facadeMs: undefined, ceilingMs: undefined, bytes: 0, status: 0, error: failure });
      continue;
    }
    const facadeTimes: number[] = [];
    const ceilingTimes: number[] = [];
    let bytes = 0;
    let status = 0;
    try {
      for (let run = -warmUpRuns(query); run < query.runs; run++) {
        const a = await get(facade, query.path, { headers: { Accept: query.accept } });
        const b = ceiling ? await get(ceiling, query.path, { headers: { Accept: query.accept } }) : undefined;
        // The first runs warm caches, connections and the JIT; they are not counted.
        if (run < 0) continue;
        facadeTimes.push(a.ms);
        if (b) ceilingTimes.push(b.ms);
        bytes = a.bytes;
        status = a.status;
      }
      timings.push({ query, facadeMs: median(facadeTimes), ceilingMs: median(ceilingTimes), bytes, status });
    } catch (error: unknown) {
      timings.push({ query, facadeMs: undefined, ceilingMs: undefined, bytes, status, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return timings;
}
