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
   * The same query on the smaller cluster (its own path there: a namespace or a node of the same size), asked in
   * the same runs as this one when the smaller cluster's servers are given to `timeQueries`.
   */
  smallerPath?: string;
}

/** The servers of one cluster: kubefacade and, once it is running, the ceiling. */
export interface Servers {
  facade: Target;
  ceiling: Target | undefined;
}

export interface Medians {
  facadeMs: number | undefined;
  ceilingMs: number | undefined;
  /** Of kubefacade's answer. */
  bytes: number;
}

export interface QueryTiming extends Medians {
  query: Query;
  status: number;
  error?: string;
  /** The same query on the smaller cluster's servers, asked in turn with these: present when both were there to ask. */
  smaller?: Medians;
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

/**
 * Each query's median time on both servers, runs alternating between them so that neither gets a quieter machine.
 * Given the smaller cluster's servers, a query with a `smallerPath` asks them too, in the same runs: the cost of
 * the same query on two sizes of cluster is then compared over the same seconds of the machine (measured minutes
 * apart, the same bytes from the bare server took from 1.5 to 2.4 times as long: bench/README.md).
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
    const side = (target: Target, path: string): Side => ({ target, path, times: [], bytes: 0, status: 0 });
    const facade = side(servers.facade, query.path);
    const ceiling = servers.ceiling && side(servers.ceiling, query.path);
    const inTurn = smaller !== undefined && query.smallerPath !== undefined;
    const smallerFacade = inTurn ? side(smaller.facade, query.smallerPath as string) : undefined;
    const smallerCeiling = inTurn && smaller.ceiling ? side(smaller.ceiling, query.smallerPath as string) : undefined;
    const sides = [facade, smallerFacade, ceiling, smallerCeiling].filter((each): each is Side => each !== undefined);
    try {
      for (let run = -warmUpRuns(query); run < query.runs; run++) {
        for (const each of sides) {
          const answer = await get(each.target, each.path, { headers: { Accept: query.accept } });
          // The first runs warm caches, connections and the JIT; they are not counted.
          if (run < 0) continue;
          each.times.push(answer.ms);
          each.bytes = answer.bytes;
          each.status = answer.status;
        }
      }
      const medians = (onFacade: Side, onCeiling: Side | undefined): Medians => ({
        facadeMs: median(onFacade.times),
        ceilingMs: onCeiling ? median(onCeiling.times) : undefined,
        bytes: onFacade.bytes,
      });
      timings.push({
        query,
        ...medians(facade, ceiling),
        status: facade.status,
        ...(smallerFacade ? { smaller: medians(smallerFacade, smallerCeiling) } : {}),
      });
    } catch (error: unknown) {
      timings.push({ query, facadeMs: undefined, ceilingMs: undefined, bytes: facade.bytes, status: facade.status, error: errorText(error) });
    }
  }
  return timings;
}
