import { join } from 'node:path';
import type { CeilingResponse } from './ceiling-server.js';
import { get, type Target } from './http.js';
import { median } from './stats.js';

export const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
/** What client-go sends when told to use protobuf: JSON stays acceptable for what the server cannot encode so. */
export const PROTOBUF = 'application/vnd.kubernetes.protobuf,application/json';
export const JSON_ACCEPT = 'application/json';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface Query {
  /** The row's name: `full pod LIST (JSON)`. */
  name: string;
  path: string;
  accept: string;
  /** Runs whose median is reported. */
  runs: number;
  /**
   * The same query on the smaller cluster (its own path there: a namespace of the same size), asked in turn with
   * this one when the smaller cluster's servers are given to `timeQueries`.
   */
  smallerPath?: string;
}

/** The servers of one cluster: kubefacade and, once it is running, the ceiling. */
export interface Servers {
  facade: Target;
  ceiling: Target | undefined;
}

/** One query asked in turn of the larger and the smaller cluster's server of one kind. */
export interface SizePair {
  largerMs: number | undefined;
  smallerMs: number | undefined;
}

export interface AcrossSizes {
  /** The two kubefacades, asked in turn. */
  facade: SizePair;
  /** The two ceilings, asked in turn. */
  ceiling: SizePair | undefined;
  /** Of the smaller kubefacade's answer. */
  smallerBytes: number;
}

export interface QueryTiming {
  query: Query;
  facadeMs: number | undefined;
  ceilingMs: number | undefined;
  /** Of kubefacade's answer. */
  bytes: number;
  status: number;
  error?: string;
  /** The same query on the smaller cluster: present when the query has a twin there and its servers were given. */
  acrossSizes?: AcrossSizes;
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
      failures.set(query.name, errorText(error));
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

/** One server asked one path in every run, and the times it took. */
interface Side {
  target: Target;
  path: string;
  times: number[];
  bytes: number;
  status: number;
}

const sideOf = (target: Target, path: string): Side => ({ target, path, times: [], bytes: 0, status: 0 });

/** Asks the sides in turn, run after run, so that none gets a quieter machine; the warm-up runs are not kept. */
async function askInTurn(sides: readonly Side[], query: Query): Promise<void> {
  for (let run = -warmUpRuns(query); run < query.runs; run++) {
    for (const side of sides) {
      const answer = await get(side.target, side.path, { headers: { Accept: query.accept } });
      if (run < 0) continue;
      side.times.push(answer.ms);
      side.bytes = answer.bytes;
      side.status = answer.status;
    }
  }
}

/**
 * Each query's median time on kubefacade and the ceiling, asked in turn. Given the smaller cluster's servers, a
 * query with a `smallerPath` is then asked in turn of the two kubefacades, and of the two ceilings: measured in
 * each size's own minutes, the same bytes from the bare server took from 1.5 to 2.4 times as long on one size as on
 * the other (bench/README.md). Each comparison is between two servers asked alternately, as kubefacade and the
 * ceiling are: in the one run that asked all four in a row, kubefacade's time for the label selector's 100 pods
 * was 0.82 ms against 0.65 ms the run before, the ceiling's 0.4 ms in both (a server asked after three others finds
 * its caches colder, and kubefacade touches more memory per request).
 */
export async function timeQueries(
  servers: Servers,
  queries: readonly Query[],
  failures: ReadonlyMap<string, string>,
  smaller?: Servers,
): Promise<QueryTiming[]> {
  const timings: QueryTiming[] = [];
  for (const query of queries) {
    const failure = failures.get(query.name);
    if (failure !== undefined) {
      timings.push({ query, facadeMs: undefined, ceilingMs: undefined, bytes: 0, status: 0, error: failure });
      continue;
    }
    const facade = sideOf(servers.facade, query.path);
    const ceiling = servers.ceiling && sideOf(servers.ceiling, query.path);
    try {
      await askInTurn(ceiling ? [facade, ceiling] : [facade], query);
      const timing: QueryTiming = {
        query,
        facadeMs: median(facade.times),
        ceilingMs: ceiling && median(ceiling.times),
        bytes: facade.bytes,
        status: facade.status,
      };
      if (smaller !== undefined && query.smallerPath !== undefined) timing.acrossSizes = await acrossSizes(servers, smaller, query, query.smallerPath);
      timings.push(timing);
    } catch (error: unknown) {
      timings.push({ query, facadeMs: undefined, ceilingMs: undefined, bytes: facade.bytes, status: facade.status, error: errorText(error) });
    }
  }
  return timings;
}

async function acrossSizes(larger: Servers, smaller: Servers, query: Query, smallerPath: string): Promise<AcrossSizes> {
  const pair = async (largerTarget: Target, smallerTarget: Target): Promise<{ pair: SizePair; smallerBytes: number }> => {
    const sides = [sideOf(largerTarget, query.path), sideOf(smallerTarget, smallerPath)] as const;
    await askInTurn(sides, query);
    return { pair: { largerMs: median(sides[0].times), smallerMs: median(sides[1].times) }, smallerBytes: sides[1].bytes };
  };
  const facades = await pair(larger.facade, smaller.facade);
  const ceilings = larger.ceiling && smaller.ceiling ? await pair(larger.ceiling, smaller.ceiling) : undefined;
  return { facade: facades.pair, ceiling: ceilings?.pair, smallerBytes: facades.smallerBytes };
}
