import { request } from 'node:http';
import { residentBytes } from './child-process.js';
import { fuzzRequests, statusProblem } from './fuzz.js';
import { get, type Target } from './http.js';

export interface SoakPlan {
  /** A first round that fills the caches and grows the heap to its working size; memory is measured from its end. */
  warmUp: { watchCycles: number; mixedRequests: number };
  watchCycles: number;
  mixedRequests: number;
  fuzzRequests: number;
  /** The soak stops here whatever it has done, so the bench stays bounded. */
  deadlineMs: number;
  paths: { pod: string; namespace: string; labelSelector: string; node: string };
}

export interface SoakResult {
  watchCycles: number;
  watchFailures: number;
  mixedRequests: number;
  serverErrors: number;
  /** Answers other than 2xx/404 to requests that should succeed, with an example. */
  unexpected: number;
  unexpectedExample: string | undefined;
  fuzzed: number;
  fuzzProblems: number;
  fuzzExample: string | undefined;
  /** 5xx answers to fuzzed requests: some are upstream's own (impersonating groups without a user is a 500 there). */
  fuzzServerErrors: number;
  fuzzServerErrorExample: string | undefined;
  /** RSS right after start, after the warm-up, and after the soak. */
  rssStartBytes: number | undefined;
  rssBeforeBytes: number | undefined;
  rssAfterBytes: number | undefined;
  /** What the heap held after a full collection at the end of the warm-up, and after one at the end of the soak (MiB). */
  liveHeapBeforeMiB: number | undefined;
  liveHeapAfterMiB: number | undefined;
  crashed: string | undefined;
}

/** Opens a watch, waits for its headers, closes it: what a reconnecting client does. */
function watchCycle(target: Target, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: target.host, port: target.port, path, agent: false, headers: target.headers }, (res) => {
      const status = res.statusCode ?? 0;
      res.destroy();
      req.destroy();
      resolve(status);
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function pool(count: number, concurrency: number, deadline: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && performance.now() < deadline) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Math.min(next, count);
}

/**
 * The soak: a warm-up round, then watch opens and closes, then mixed reads (gets, pages, selectors, discovery,
 * misses), then the fuzz; RSS and the live heap (after a full collection) after the warm-up and after the soak
 * (each after a pause, as a long-running server gets between bursts), 5xx counted, the process watched for a crash.
 */
export async function soak(
  target: Target,
  pid: number,
  alive: () => string | undefined,
  liveHeapMiB: () => Promise<number | undefined>,
  plan: SoakPlan,
): Promise<SoakResult> {
  const deadline = performance.now() + plan.deadlineMs;
  const rssStartBytes = residentBytes(pid);
  const { pod, namespace, labelSelector, node } = plan.paths;
  const watchPaths = [
    `/api/v1/namespaces/${namespace}/pods?watch=1&labelSelector=${encodeURIComponent(labelSelector)}`,
    '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases?watch=1',
    `/api/v1/pods?watch=1&fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`,
    '/api/v1/nodes?watch=1&resourceVersion=0',
  ];
  let watchFailures = 0;
  const watches = (count: number): Promise<number> =>
    pool(count, 50, deadline, async (i) => {
      const status = await watchCycle(target, watchPaths[i % watchPaths.length] as string);
      if (status !== 200) watchFailures += 1;
    });

  const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
  const mixed: [string, string, number][] = [
    [pod, 'application/json', 200],
    [pod, 'application/json', 200],
    [pod, 'application/json', 200],
    [`/api/v1/namespaces/${namespace}/pods?limit=50`, TABLE, 200],
    [`/api/v1/pods?labelSelector=${encodeURIComponent(labelSelector)}`, 'application/json', 200],
    [`/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`, TABLE, 200],
    ['/api/v1/nodes?limit=20', TABLE, 200],
    ['/api', 'application/json', 200],
    ['/apis', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json', 200],
    [`/api/v1/namespaces/${namespace}/pods/no-such-pod`, 'application/json', 404],
  ];
  let serverErrors = 0;
  let unexpected = 0;
  let unexpectedExample: string | undefined;
  const reads = (count: number): Promise<number> =>
    pool(count, 16, deadline, async (i) => {
      const [path, accept, expected] = mixed[i % mixed.length] as [string, string, number];
      const answer = await get(target, path, { headers: { Accept: accept }, timeoutMs: 30_000 }).catch(() => undefined);
      const status = answer?.status ?? 0;
      if (status >= 500 || status === 0) serverErrors += 1;
      if (status !== expected) {
        unexpected += 1;
        unexpectedExample ??= `${path}: ${status}`;
      }
    });
  // Give the collector a moment, as a long-running server gets between bursts.
  const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 5000));

  await watches(plan.warmUp.watchCycles);
  await reads(plan.warmUp.mixedRequests);
  await settle();
  const rssBeforeBytes = residentBytes(pid);
  const liveHeapBeforeMiB = await liveHeapMiB();
  const watchCycles = await watches(plan.watchCycles);
  const mixedRequests = await reads(plan.mixedRequests);
  await settle();
  const rssAfterBytes = residentBytes(pid);
  const liveHeapAfterMiB = await liveHeapMiB();

  let fuzzProblems = 0;
  let fuzzExample: string | undefined;
  let fuzzServerErrors = 0;
  let fuzzServerErrorExample: string | undefined;
  const requests = fuzzRequests(1, plan.fuzzRequests);
  const fuzzed = await pool(requests.length, 8, deadline + 60_000, async (i) => {
    const fuzz = requests[i];
    if (!fuzz) return;
    const answer = await get(target, fuzz.path, { method: fuzz.method, headers: fuzz.headers, keep: true, timeoutMs: 30_000 }).catch(
      (error: unknown) => error as Error,
    );
    if (answer instanceof Error) {
      fuzzProblems += 1;
      fuzzExample ??= `${fuzz.method} ${fuzz.path}: ${answer.message}`;
      return;
    }
    if (answer.status >= 500) {
      fuzzServerErrors += 1;
      fuzzServerErrorExample ??= `${fuzz.method} ${fuzz.path.slice(0, 120)}: ${answer.status} ${answer.body?.toString('utf8').slice(0, 160) ?? ''}`;
    }
    const problem = statusProblem(fuzz.method, answer.status, String(answer.headers['content-type'] ?? ''), answer.body ?? '');
    if (problem !== undefined) {
      fuzzProblems += 1;
      fuzzExample ??= `${fuzz.method} ${fuzz.path.slice(0, 120)} (Accept ${fuzz.headers.Accept}): ${problem}`;
    }
  });

  return {
    watchCycles,
    watchFailures,
    mixedRequests,
    serverErrors,
    unexpected,
    unexpectedExample,
    fuzzed,
    fuzzProblems,
    fuzzExample,
    fuzzServerErrors,
    fuzzServerErrorExample,
    rssStartBytes,
    rssBeforeBytes,
    rssAfterBytes,
    liveHeapBeforeMiB,
    liveHeapAfterMiB,
    crashed: alive(),
  };
}
