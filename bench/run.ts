import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, type as osType, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningCeiling, startCeiling } from './ceiling-process.js';
import type { CeilingResponse } from './ceiling-server.js';
import { residentBytes } from './child-process.js';
import { type Contention, describeContention, measureContention } from './cpu-contention.js';
import { describeRuntime, runtimeBetween, type RuntimeWindow, scrapeRuntime } from './runtime-window.js';
import { type BenchCluster, benchCluster, namespaceOfSize } from './clusters.js';
import { compactClusterFile } from './compact-cluster.js';
import { type RunningFacade, startFacade } from './facade-process.js';
import { get, type Target } from './http.js';
import { kubeconfigFor, recordingProxy, runKubectl } from './kubectl-timing.js';
import { captureAnswers, JSON_ACCEPT, PROTOBUF, type Query, TABLE, type QueryTiming, type SizePair, timeQueries } from './measure-queries.js';
import { fixedRate } from './rate-load.js';
import { renderMarkdown } from './report-markdown.js';
import { renderSvg } from './report-svg.js';
import { inspectorUrl, liveHeapMiB } from './live-heap.js';
import { soak } from './soak.js';
import { median, minimum, percentile } from './stats.js';
import { formatBytes, formatMs, formatValue, ratioOf, type Row, verdictOf } from './verdicts.js';
import { LEASES_PATH, watchLeases, watchTemplate } from './watch-latency.js';

/**
 * `npm run bench`: generates a 15,000-pod and a 150,000-pod cluster, serves each with the built kubefacade and
 * with the ceiling, measures the rows of issue #11 and prints the table (also bench/results/latest.md and .svg).
 * `--quick` measures smaller clusters (for working on the bench itself); `--skip-large` leaves out 150,000 pods.
 */

const benchDir = dirname(fileURLToPath(import.meta.url));
const packageRoot = resolve(benchDir, '../..');
const argv = new Set(process.argv.slice(2));
const quick = argv.has('--quick');
const SMALL = quick ? { nodes: 50, pods: 1500 } : { nodes: 500, pods: 15_000 };
const LARGE = quick ? { nodes: 500, pods: 15_000 } : { nodes: 5000, pods: 150_000 };
/** Bump when the generator's output or its summary changes, so cached clusters are made again. */
const GENERATOR_VERSION = '2';
const SEED = 1;
const GET_RATE = 2000;
const GET_SECONDS = 10;
const GET_P99_LIMIT_MS = 5;
/**
 * Seconds of the same load sent to each server first, not counted, as wrk2 calibrates before it records: in the
 * first second the GET path is still being compiled, and the queue it builds up was the p99 of a whole run (125 ms
 * against 6.5 ms for the next ten seconds on the 15,000-pod cluster).
 */
const GET_WARM_UP_SECONDS = 2;
/**
 * Runs of a query whose cost is compared across sizes. Its median over 31 runs wanders: the same namespace's
 * answer (1,432 and 1,433 pods) from the 150,000- and the 15,000-pod server, asked in turn, gave ratios of
 * 0.74 to 1.18 between blocks of 31 runs, and 1.00 over 400.
 */
const SCALE_FREE_RUNS = 101;
const WATCHERS = 1000;
const WATCH_SECONDS = 25;

const label = (pods: number): string => `${pods.toLocaleString('en-US')} pods`;
const log = (text: string): void => void process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const targetOf = (server: RunningFacade | RunningCeiling, headers: Record<string, string> = {}): Target => ({ host: server.host, port: server.port, headers });

interface SizeResult {
  cluster: BenchCluster | undefined;
  queries: Query[];
  /** Its kubefacade and ceiling, kept running when asked to: the larger cluster's queries ask them in turn. */
  serving?: { facade: RunningFacade; ceiling: RunningCeiling };
}

/** The queries measured on `cluster`; on the larger one, each scale-free query names its twin on the smaller one. */
function queriesOf(cluster: BenchCluster, smaller: SizeResult | undefined): Query[] {
  const { node, labelSelector } = cluster.summary.samples;
  const namespace = smaller?.cluster ? namespaceOfSize(cluster.summary, smaller.cluster.summary.samples.namespace.pods) : cluster.summary.samples.namespace;
  const queries: Query[] = [
    { name: 'full pod LIST (JSON)', path: '/api/v1/pods', accept: JSON_ACCEPT, runs: 3 },
    { name: 'full pod LIST (Table)', path: '/api/v1/pods', accept: TABLE, runs: 3 },
    { name: 'full pod LIST (protobuf, JSON allowed)', path: '/api/v1/pods', accept: PROTOBUF, runs: 3 },
    // What kubectl get --sort-by asks: each row with its whole object.
    { name: 'full pod LIST (Table with the objects)', path: '/api/v1/pods?includeObject=Object', accept: TABLE, runs: 3 },
    { name: 'first page of 500 (Table)', path: '/api/v1/pods?limit=500', accept: TABLE, runs: 31 },
    {
      name: `one namespace (${namespace.pods.toLocaleString('en-US')} pods)`,
      path: `/api/v1/namespaces/${namespace.name}/pods`,
      accept: JSON_ACCEPT,
      runs: SCALE_FREE_RUNS,
    },
    {
      name: `one node's pods (${node.pods})`,
      path: `/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node.name}`)}`,
      accept: JSON_ACCEPT,
      runs: SCALE_FREE_RUNS,
    },
    {
      name: `label selector, cluster-wide (${labelSelector.pods} pods)`,
      path: `/api/v1/pods?labelSelector=${encodeURIComponent(labelSelector.selector)}`,
      accept: JSON_ACCEPT,
      runs: SCALE_FREE_RUNS,
    },
    // A field no index holds: every pod is read (the Jobs' pods are the ones that match).
    {
      name: 'unindexed field selector, cluster-wide',
      path: `/api/v1/pods?fieldSelector=${encodeURIComponent('spec.restartPolicy=Never')}`,
      accept: JSON_ACCEPT,
      runs: 11,
    },
    // kubectl top pods -A: every running pod's usage, computed when asked, as metrics-server answers.
    { name: "all pods' metrics", path: '/apis/metrics.k8s.io/v1beta1/pods', accept: JSON_ACCEPT, runs: 3 },
  ];
  if (!smaller) return queries;
  return queries.map((query) => {
    const twin = smaller.queries.find((other) => scaleFreeTwins(query.name, other.name));
    return twin ? { ...query, smallerPath: twin.path } : query;
  });
}

/** The queries whose cost must not grow with the cluster: compared with the same query on the small cluster. */
const SCALE_FREE = [/^one namespace/, /^one node's pods/, /^label selector/];
const scaleFreeTwins = (name: string, other: string): boolean => SCALE_FREE.some((pattern) => pattern.test(name) && pattern.test(other));
const RATIO_TARGETS: [RegExp, number][] = [
  [/^full pod LIST \(JSON\)/, 1.3],
  [/^full pod LIST \(Table\)/, 2],
  ...SCALE_FREE.map((pattern): [RegExp, number] => [pattern, 2]),
];

interface SizeOptions {
  /** The 150,000-pod cluster, whose rows carry the targets. */
  large: boolean;
  /** The smaller cluster's results, its servers still running when it was measured with `keepServing`. */
  small?: SizeResult;
  /** Leave kubefacade and the ceiling running at the end, in `serving` (stopped by `stopServing`). */
  keepServing?: boolean;
}

async function measureSize(size: { nodes: number; pods: number }, workDir: string, rows: Row[], options: SizeOptions): Promise<SizeResult> {
  const { large, small } = options;
  const cluster = label(size.pods);
  const result: SizeResult = { cluster: undefined, queries: [] };
  let generated: BenchCluster;
  try {
    log(`cluster of ${size.nodes} nodes, ${size.pods} pods`);
    generated = await benchCluster(join(tmpdir(), 'kubefacade-bench-clusters'), size.nodes, size.pods, SEED, GENERATOR_VERSION);
    result.cluster = generated;
    log(generated.generated ? `generated in ${formatMs(generated.generateMs)}: ${generated.file}` : `cached: ${generated.file}`);
  } catch (error: unknown) {
    rows.push({
      measurement: 'generate the cluster',
      cluster,
      facade: '—',
      ceiling: '—',
      ratio: undefined,
      checks: [{ label: 'generated', value: undefined, limit: 0, unit: '' }],
      why: errorText(error),
    });
    return result;
  }
  const queries = queriesOf(generated, small);
  result.queries = queries;
  const dir = join(workDir, `size-${size.pods}`);
  mkdirSync(dir, { recursive: true });

  log('starting kubefacade');
  let facade: RunningFacade;
  try {
    facade = await startFacade({ packageRoot, clusterFile: generated.file, workDir: dir, live: false, timeoutMs: large ? 300_000 : 120_000 });
  } catch (error: unknown) {
    const why = errorText(error);
    log(why);
    rows.push({
      measurement: 'start time',
      cluster,
      facade: 'failed',
      ceiling: '—',
      ratio: undefined,
      checks: large ? [{ label: 'start', value: undefined, limit: 10, unit: 's' }] : [],
      why,
    });
    rows.push({
      measurement: 'RSS after start',
      cluster,
      facade: '—',
      ceiling: '—',
      ratio: undefined,
      checks: large ? [{ label: 'RSS', value: undefined, limit: 2, unit: 'GiB' }] : [],
      why,
    });
    for (const query of queries) rows.push(queryRow(query.name, cluster, undefined, large, small, why));
    rows.push(getRow(cluster, undefined, undefined, large, why));
    rows.push({ measurement: 'kubectl get pods -A', cluster, facade: '—', ceiling: '—', ratio: undefined, checks: [], why });
    return result;
  }
  log(`kubefacade ready in ${(facade.startMs / 1000).toFixed(1)} s at ${facade.url}`);
  rows.push({
    measurement: 'start time',
    cluster,
    facade: formatValue(facade.startMs / 1000, 's'),
    ceiling: '—',
    ratio: undefined,
    checks: large ? [{ label: 'start', value: facade.startMs / 1000, limit: 10, unit: 's' }] : [],
  });
  const peakAtStart = residentBytes(facade.child.pid, 'VmHWM');
  rows.push({
    measurement: 'RSS after start',
    cluster,
    facade: `${formatBytes(facade.startRssBytes)} (peak ${formatBytes(peakAtStart)})`,
    ceiling: '—',
    ratio: undefined,
    checks: large ? [{ label: 'RSS', value: facade.startRssBytes === undefined ? undefined : facade.startRssBytes / 2 ** 30, limit: 2, unit: 'GiB' }] : [],
  });

  const facadeTarget = targetOf(facade, facade.authHeaders);
  let ceiling: RunningCeiling | undefined;
  try {
    log('capturing kubefacade answers for the ceiling');
    const { responses, failures } = await captureAnswers(facadeTarget, queries, dir);
    const { pod } = generated.summary.samples;
    const podPath = `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`;
    const podAnswer = await captureAnswers(facadeTarget, [{ name: 'get', path: podPath, accept: JSON_ACCEPT, runs: 0 }], dir, 'get');
    const kubectlResponses = await recordKubectl(facade, dir);
    log('starting the ceiling');
    ceiling = await startCeiling(benchDir, dir, { responses: [...responses, ...podAnswer.responses, ...kubectlResponses] }, 'ceiling');

    const smaller = small?.serving && { facade: targetOf(small.serving.facade, small.serving.facade.authHeaders), ceiling: targetOf(small.serving.ceiling) };
    log(smaller ? `timing the lists (the scale-free ones in turn with ${label(small?.cluster?.summary.pods ?? 0)})` : 'timing the lists');
    const timings = await timeQueries({ facade: facadeTarget, ceiling: targetOf(ceiling) }, queries, failures, smaller);
    // The rest of this size is measured with the smaller cluster's servers gone.
    if (small) await stopServing(small);
    for (const timing of timings) {
      const answered = responses.find((response) => response.path === timing.query.path && response.accept === timing.query.accept)?.contentType ?? '';
      const note =
        timing.query.accept === PROTOBUF && !answered.includes('protobuf') ? `kubefacade answered ${answered || 'nothing'}, not protobuf` : undefined;
      rows.push(queryRow(timing.query.name, cluster, timing, large, small, timing.error ?? note));
      const across = timing.acrossSizes;
      const then = across
        ? `; across sizes, in turn: kubefacade ${formatMs(across.facade.largerMs)} against ${formatMs(across.facade.smallerMs)}, ceiling ${formatMs(across.ceiling?.largerMs)} against ${formatMs(across.ceiling?.smallerMs)}`
        : '';
      log(`${timing.query.name}: ${formatMs(timing.facadeMs)} vs ${formatMs(timing.ceilingMs)} (${formatBytes(timing.bytes)})${then}`);
    }

    log(`GET one pod at ${GET_RATE}/s for ${GET_SECONDS} s after ${GET_WARM_UP_SECONDS} s not counted`);
    await fixedRate(facadeTarget, podPath, GET_RATE, GET_WARM_UP_SECONDS * 1000, { Accept: JSON_ACCEPT });
    // Its /metrics, read on each side of the window, tells what V8 did during it.
    const runtimeBefore = await scrapeRuntime(facadeTarget);
    const measured = await measureContention(facade.child.pid, () => fixedRate(facadeTarget, podPath, GET_RATE, GET_SECONDS * 1000, { Accept: JSON_ACCEPT }));
    const onFacade: GetWindow = { ...measured, runtime: runtimeBetween(runtimeBefore, await scrapeRuntime(facadeTarget)) };
    const ceilingTarget = targetOf(ceiling);
    await fixedRate(ceilingTarget, podPath, GET_RATE, GET_WARM_UP_SECONDS * 1000, { Accept: JSON_ACCEPT });
    const onCeiling = await measureContention(ceiling.child.pid, () =>
      fixedRate(ceilingTarget, podPath, GET_RATE, GET_SECONDS * 1000, { Accept: JSON_ACCEPT }),
    );
    rows.push(getRow(cluster, onFacade, onCeiling, large));

    log('kubectl get pods -A');
    rows.push(await kubectlRow(facade, ceiling, dir, cluster, large ? 1 : 3));
    rows.push({
      measurement: 'RSS after the measurements',
      cluster,
      facade: `${formatBytes(residentBytes(facade.child.pid))} (peak ${formatBytes(residentBytes(facade.child.pid, 'VmHWM'))})`,
      ceiling: formatBytes(residentBytes(ceiling.child.pid)),
      ratio: undefined,
      checks: [],
      ...(facade.child.alive() ? {} : { why: `kubefacade ended: ${await facade.child.exited}` }),
    });
  } catch (error: unknown) {
    const why = `${errorText(error)}${facade.child.alive() ? '' : ` (kubefacade ended: ${facade.child.output().slice(-300)})`}`;
    log(`failed: ${why}`);
    rows.push({
      measurement: 'measurements',
      cluster,
      facade: 'failed',
      ceiling: '—',
      ratio: undefined,
      checks: [{ label: 'completed', value: undefined, limit: 0, unit: '' }],
      why,
    });
  } finally {
    if (options.keepServing && ceiling && facade.child.alive()) {
      result.serving = { facade, ceiling };
    } else {
      await ceiling?.child.stop();
      await facade.child.stop();
    }
  }
  return result;
}

async function stopServing(size: SizeResult): Promise<void> {
  const serving = size.serving;
  delete size.serving;
  await serving?.ceiling.child.stop();
  await serving?.facade.child.stop();
}

/**
 * Start time and memory of a compact cluster file declaring as many nodes and pods (`kind: Cluster`): opening it
 * replays a month of the cluster's past through the controllers before the server listens (its nodes booting, and
 * its workloads, quiet for a month, written as settled: docs/decisions/simulation.md).
 */
async function measureCompactStart(size: { nodes: number; pods: number }, large: boolean, workDir: string, rows: Row[]): Promise<void> {
  const cluster = `${label(size.pods)}, compact file`;
  const dir = join(workDir, `compact-${size.pods}`);
  mkdirSync(dir, { recursive: true });
  const file = compactClusterFile(join(tmpdir(), 'kubefacade-bench-clusters'), size.nodes, size.pods);
  log(`starting kubefacade on a compact file of ${size.nodes} nodes, ${size.pods} pods`);
  let facade: RunningFacade | undefined;
  try {
    facade = await startFacade({ packageRoot, clusterFile: file, workDir: dir, live: false, timeoutMs: large ? 300_000 : 120_000 });
    log(`kubefacade ready in ${(facade.startMs / 1000).toFixed(1)} s`);
    rows.push({
      measurement: 'start time',
      cluster,
      facade: formatValue(facade.startMs / 1000, 's'),
      ceiling: '—',
      ratio: undefined,
      checks: large ? [{ label: 'start', value: facade.startMs / 1000, limit: 10, unit: 's' }] : [],
    });
    rows.push({
      measurement: 'RSS after start',
      cluster,
      facade: `${formatBytes(facade.startRssBytes)} (peak ${formatBytes(residentBytes(facade.child.pid, 'VmHWM'))})`,
      ceiling: '—',
      ratio: undefined,
      checks: large ? [{ label: 'RSS', value: facade.startRssBytes === undefined ? undefined : facade.startRssBytes / 2 ** 30, limit: 2, unit: 'GiB' }] : [],
    });
  } catch (error: unknown) {
    const why = errorText(error);
    log(why);
    rows.push({
      measurement: 'start time',
      cluster,
      facade: 'failed',
      ceiling: '—',
      ratio: undefined,
      checks: large ? [{ label: 'start', value: undefined, limit: 10, unit: 's' }] : [],
      why,
    });
  } finally {
    await facade?.child.stop();
  }
}

function queryRow(name: string, cluster: string, timing: QueryTiming | undefined, large: boolean, small: SizeResult | undefined, why?: string): Row {
  const ratio = ratioOf(timing?.facadeMs, timing?.ceilingMs);
  const checks: Row['checks'] = [];
  const limit = RATIO_TARGETS.find(([pattern]) => pattern.test(name))?.[1];
  if (large && limit !== undefined) checks.push({ label: 'ratio', value: ratio, limit, unit: '×' });
  const smallLabel = small?.cluster ? label(small.cluster.summary.pods) : 'the smaller cluster';
  const across = timing?.acrossSizes;
  const notes = why === undefined ? [] : [why];
  if (large && SCALE_FREE.some((pattern) => pattern.test(name))) {
    const growth = ratioOf(across?.facade.largerMs, across?.facade.smallerMs);
    checks.push({ label: `× ${smallLabel} cost`, value: growth, limit: 1.2, unit: '×' });
    if (timing?.facadeMs !== undefined && across === undefined) notes.push(`${smallLabel}: its servers were not running to be asked in turn`);
    // What the machine did to the same bytes between the two sizes: the ceilings' own growth, told beside a miss.
    const ceilingGrowth = ratioOf(across?.ceiling?.largerMs, across?.ceiling?.smallerMs);
    if (growth !== undefined && growth > 1.2 && ceilingGrowth !== undefined) {
      notes.push(`the ceiling, answering with the same bytes, took ${ceilingGrowth.toFixed(2)}× the smaller cluster's ceiling's time`);
    }
  }
  // The same query asked in turn of both sizes' servers of one kind, and the size of the smaller one's answer if given.
  const inTurn = (pair: SizePair | undefined, smallerBytes?: number): string =>
    pair
      ? `; in turn with ${smallLabel}: ${formatMs(pair.largerMs)} against ${formatMs(pair.smallerMs)}${smallerBytes === undefined ? '' : ` (${formatBytes(smallerBytes)})`}`
      : '';
  return {
    measurement: name,
    cluster,
    facade: timing?.facadeMs === undefined ? '—' : `${formatMs(timing.facadeMs)} (${formatBytes(timing.bytes)})${inTurn(across?.facade, across?.smallerBytes)}`,
    ceiling: `${formatMs(timing?.ceilingMs)}${inTurn(across?.ceiling)}`,
    ratio,
    checks,
    ...(notes.length === 0 ? {} : { why: notes.join('; ') }),
  };
}

type GetWindow = { result: Awaited<ReturnType<typeof fixedRate>>; contention: Contention; runtime?: RuntimeWindow };

function getRow(cluster: string, facade: GetWindow | undefined, ceiling: GetWindow | undefined, large: boolean, why?: string): Row {
  const p = (window: GetWindow | undefined, q: number): number | undefined => (window ? percentile(window.result.latencies, q) : undefined);
  const describe = (window: GetWindow | undefined): string => {
    if (!window) return '—';
    const { result, contention, runtime } = window;
    const cpus = describeContention(contention);
    const load = result.loadWaitedMs === undefined ? undefined : `the load's thread waited ${Math.round(result.loadWaitedMs).toLocaleString('en-US')} ms`;
    const figures = [runtime ? describeRuntime(runtime) : undefined, cpus, load].filter((part) => part !== undefined && part !== '').join('; ');
    return `p50 ${formatMs(p(window, 50))}, p99 ${formatMs(p(window, 99))}, ${result.errors} errors of ${result.sent}${figures ? `; ${figures}` : ''}`;
  };
  // A p99 the bare server itself misses on this machine and load generator is no target kubefacade can meet here.
  const ceilingP99 = p(ceiling, 99);
  const floor =
    large && ceilingP99 !== undefined && ceilingP99 > GET_P99_LIMIT_MS
      ? `the ceiling's own p99 is ${formatMs(ceilingP99)} on this machine, above the target`
      : undefined;
  const note =
    why ?? [floor, large ? runtimeNote(facade) : undefined, large ? kdamondNote(facade, ceiling) : undefined].filter((part) => part !== undefined).join('; ');
  return {
    measurement: `GET one pod at ${GET_RATE.toLocaleString('en-US')}/s (${GET_SECONDS} s, open loop)`,
    cluster,
    facade: describe(facade),
    ceiling: describe(ceiling),
    ratio: ratioOf(p(facade, 99), p(ceiling, 99)),
    checks: large
      ? [
          { label: 'p99', value: p(facade, 99), limit: GET_P99_LIMIT_MS, unit: 'ms' },
          { label: 'errors', value: facade?.result.errors, limit: 0, unit: '' },
        ]
      : [],
    ...(note ? { why: note } : {}),
  };
}

/**
 * What V8 did in kubefacade's process during its window, when it stopped the process long enough to matter: a
 * full (major or incremental-marking) collection, or an event-loop delay above the p99 target.
 */
function runtimeNote(facade: GetWindow | undefined): string | undefined {
  const runtime = facade?.runtime;
  if (!runtime) return undefined;
  const full = [...runtime.collections].filter(([kind]) => kind === 'major' || kind === 'incremental');
  const delayed = runtime.longestDelayMs !== undefined && runtime.longestDelayMs > GET_P99_LIMIT_MS;
  if (full.length === 0 && !delayed) return undefined;
  return `in kubefacade's ${GET_SECONDS} s: ${describeRuntime(runtime)}`;
}

/**
 * Where the kernel runs DAMON, how much CPU it took during kubefacade's window and during the bare server's: its
 * periodic bursts, longer beside a server touching a large heap, set a large server's p99 on such a machine
 * (bench/README.md).
 */
function kdamondNote(facade: GetWindow | undefined, ceiling: GetWindow | undefined): string | undefined {
  const onFacade = facade?.contention.kdamondMs;
  const onCeiling = ceiling?.contention.kdamondMs;
  if (onFacade === undefined || onCeiling === undefined) return undefined;
  return `the kernel's DAMON monitor (kdamond) ran ${Math.round(onFacade).toLocaleString('en-US')} ms during kubefacade's ${GET_SECONDS} s, ${Math.round(onCeiling).toLocaleString('en-US')} ms during the ceiling's`;
}

/** kubectl run once through a recording proxy with an empty cache: every answer it needs, discovery included. */
async function recordKubectl(facade: RunningFacade, dir: string): Promise<CeilingResponse[]> {
  const proxy = await recordingProxy(facade, dir);
  try {
    const kubeconfig = kubeconfigFor(facade.kubeconfig, facade.url, proxy.url, join(dir, 'proxy.kubeconfig'));
    const run = await runKubectl(kubeconfig, join(dir, 'kubectl-cache-record'), ['get', 'pods', '-A']);
    if (run.code !== 0) log(`kubectl through the recording proxy failed: ${run.stderr}`);
    return proxy.responses;
  } finally {
    await proxy.close();
  }
}

/** The median of `runs` runs after a warm-up run (which fills kubectl's discovery cache). */
async function kubectlRow(facade: RunningFacade, ceiling: RunningCeiling, dir: string, cluster: string, runs: number): Promise<Row> {
  const time = async (kubeconfig: string, cache: string): Promise<{ ms: number | undefined; why?: string }> => {
    const warm = await runKubectl(kubeconfig, cache, ['get', 'pods', '-A']);
    if (warm.code !== 0) return { ms: undefined, why: `kubectl exited ${warm.code}: ${warm.stderr.trim().split('\n').slice(-1)[0] ?? ''}` };
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await runKubectl(kubeconfig, cache, ['get', 'pods', '-A'])).ms);
    return { ms: median(times) };
  };
  const ceilingUrl = `http://127.0.0.1:${ceiling.port}`;
  const onFacade = await time(facade.kubeconfig, join(dir, 'kubectl-cache-facade'));
  const onCeiling = await time(kubeconfigFor(facade.kubeconfig, facade.url, ceilingUrl, join(dir, 'ceiling.kubeconfig')), join(dir, 'kubectl-cache-ceiling'));
  const why = onFacade.why ?? onCeiling.why;
  return {
    measurement: 'kubectl get pods -A, end to end (discovery cached)',
    cluster,
    facade: formatMs(onFacade.ms),
    ceiling: formatMs(onCeiling.ms),
    ratio: ratioOf(onFacade.ms, onCeiling.ms),
    checks: [],
    ...(why === undefined ? {} : { why }),
  };
}

/** A cluster file a measurement is made on, and how the table names it. */
interface ClusterSource {
  file: string;
  /** `150,000 pods, compact file`. */
  label: string;
  /** A folder name of its own under the run's work folder. */
  dir: string;
}

/**
 * Watch delivery: the served cluster must change, so kubefacade runs it `--live`: its simulated kubelets renew every
 * node's Lease every 10 s. 1,000 watchers each watch one Lease; the delivery latency of an event is its arrival
 * less the renewTime it carries, less the least such latency seen (the simulation's clock starts when loading
 * starts, so its offset from the wall clock is unknown; the least latency stands for it). The ceiling renews as
 * many leases at the same instants with the same event bytes. The target is the 150,000-pod compact file's (5,000
 * leases); the 15,000-pod capture's (500) is shown beside it.
 */
async function measureWatch(source: ClusterSource | undefined, large: boolean, workDir: string, rows: Row[]): Promise<void> {
  const name = `watch delivery, ${WATCHERS.toLocaleString('en-US')} watchers (Lease renewals of the live simulation)`;
  const clusterLabel = source ? `${source.label}, live` : '—';
  const targets = (p99: number | undefined, refused: number | undefined): Row['checks'] =>
    large
      ? [
          { label: 'p99', value: p99, limit: 100, unit: 'ms' },
          { label: 'refused', value: refused, limit: 0, unit: '' },
        ]
      : [];
  const fail = (why: string): void =>
    void rows.push({ measurement: name, cluster: clusterLabel, facade: '—', ceiling: '—', ratio: undefined, checks: targets(undefined, undefined), why });
  if (!source) return fail('no cluster');
  const dir = join(workDir, source.dir);
  mkdirSync(dir, { recursive: true });
  let facade: RunningFacade | undefined;
  let ceiling: RunningCeiling | undefined;
  try {
    log(`starting kubefacade --live on ${source.label} for the watch`);
    facade = await startFacade({ packageRoot, clusterFile: source.file, workDir: dir, live: true, timeoutMs: 300_000 });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const list = await get(targetOf(facade, facade.authHeaders), LEASES_PATH, { keep: true, headers: { Accept: JSON_ACCEPT } });
    const parsed = JSON.parse(list.body?.toString('utf8') ?? '{}') as { metadata?: { resourceVersion?: string }; items?: { metadata: { name: string } }[] };
    const names = (parsed.items ?? []).map((item) => item.metadata.name);
    if (names.length === 0) throw new Error(`no leases to watch (${list.status})`);
    log(`${WATCHERS} watchers over ${names.length} leases for ${WATCH_SECONDS} s (kubefacade)`);
    const onFacade = await watchLeases(targetOf(facade, facade.authHeaders), names, parsed.metadata?.resourceVersion ?? '0', WATCHERS, WATCH_SECONDS * 1000);
    const alive = facade.child.alive();
    await facade.child.stop();
    facade = undefined;
    const template = onFacade.sampleLine === undefined ? undefined : watchTemplate(onFacade.sampleLine);
    let onCeiling: Awaited<ReturnType<typeof watchLeases>> | undefined;
    if (template !== undefined) {
      ceiling = await startCeiling(benchDir, dir, { responses: [], watch: { pathPrefix: LEASES_PATH, template, names, periodMs: 10_000 } }, 'watch-ceiling');
      log(`${WATCHERS} watchers for ${WATCH_SECONDS} s (ceiling)`);
      onCeiling = await watchLeases(targetOf(ceiling), names, '0', WATCHERS, WATCH_SECONDS * 1000);
    }
    const latencies = (raw: number[]): number[] => {
      const least = minimum(raw) ?? 0;
      return raw.map((value) => value - least);
    };
    const facadeLatencies = latencies(onFacade.raw);
    const ceilingLatencies = onCeiling ? latencies(onCeiling.raw) : [];
    const describe = (values: number[], opened: number, failed: number): string =>
      values.length === 0
        ? `no events (${opened} watches open, ${failed} refused)`
        : `p50 ${formatMs(percentile(values, 50))}, p99 ${formatMs(percentile(values, 99))}, ${values.length.toLocaleString('en-US')} events`;
    const why =
      onFacade.raw.length === 0
        ? `no event delivered in ${WATCH_SECONDS} s (${onFacade.opened} watches open, ${onFacade.failed} refused)${alive ? '' : '; kubefacade ended'}`
        : onFacade.failed > 0
          ? `${onFacade.failed} of ${WATCHERS} watches refused`
          : undefined;
    rows.push({
      measurement: name,
      cluster: clusterLabel,
      facade: describe(facadeLatencies, onFacade.opened, onFacade.failed),
      ceiling: onCeiling ? describe(ceilingLatencies, onCeiling.opened, onCeiling.failed) : '—',
      ratio: ratioOf(percentile(facadeLatencies, 99), percentile(ceilingLatencies, 99)),
      checks: targets(onFacade.raw.length === 0 ? undefined : percentile(facadeLatencies, 99), onFacade.failed),
      ...(why === undefined ? {} : { why }),
    });
  } catch (error: unknown) {
    fail(errorText(error));
  } finally {
    await ceiling?.child.stop();
    await facade?.child.stop();
  }
}

/**
 * The soak and the fuzz, on each size: the 150,000-pod cluster's row carries the issue's target; the 15,000-pod
 * cluster's, held to the same limits, is the finer test of a leak (the same megabytes kept are eight times the share
 * of its smaller heap).
 */
async function measureSoak(cluster: BenchCluster | undefined, workDir: string, rows: Row[]): Promise<void> {
  const clusterLabel = cluster ? label(cluster.summary.pods) : '—';
  const soakName = 'soak: 10,000 watch opens/closes, 100,000 mixed requests';
  const fuzzName = 'fuzz: random paths, query strings, headers → Status, no stack trace';
  const fail = (why: string): void => {
    rows.push({
      measurement: soakName,
      cluster: clusterLabel,
      facade: '—',
      ceiling: '—',
      ratio: undefined,
      checks: [{ label: '5xx', value: undefined, limit: 0, unit: '' }],
      why,
    });
    rows.push({
      measurement: fuzzName,
      cluster: clusterLabel,
      facade: '—',
      ceiling: '—',
      ratio: undefined,
      checks: [{ label: 'bad answers', value: undefined, limit: 0, unit: '' }],
      why,
    });
  };
  if (!cluster) return fail('no cluster');
  const dir = join(workDir, `soak-${cluster.summary.pods}`);
  mkdirSync(dir, { recursive: true });
  let facade: RunningFacade | undefined;
  try {
    log('starting kubefacade for the soak');
    // Its inspector (on loopback, a port of its own) lets the soak make it collect garbage and read its heap.
    const nodeFlags = ['--inspect=127.0.0.1:0'];
    facade = await startFacade({ packageRoot, clusterFile: cluster.file, workDir: dir, live: false, timeoutMs: 120_000, nodeFlags });
    const running = facade;
    const inspector = inspectorUrl(running.child.output());
    const { pod, namespace, node, labelSelector } = cluster.summary.samples;
    const result = await soak(
      targetOf(running, running.authHeaders),
      running.child.pid,
      () => (running.child.alive() ? undefined : running.child.output().slice(-300)),
      () => (inspector === undefined ? Promise.resolve(undefined) : liveHeapMiB(inspector).catch(() => undefined)),
      {
        warmUp: { watchCycles: 1_000, mixedRequests: 10_000 },
        watchCycles: 10_000,
        mixedRequests: 100_000,
        fuzzRequests: 3000,
        deadlineMs: 240_000,
        paths: {
          pod: `/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`,
          namespace: namespace.name,
          labelSelector: labelSelector.selector,
          node: node.name,
        },
      },
    );
    const { liveHeapBeforeMiB: before, liveHeapAfterMiB: after } = result;
    const growth = before && after ? ((after - before) / before) * 100 : undefined;
    const notes = [
      result.crashed === undefined ? undefined : `kubefacade ended: ${result.crashed}`,
      result.unexpectedExample === undefined ? undefined : `${result.unexpected} unexpected answers, e.g. ${result.unexpectedExample}`,
      result.watchFailures > 0 ? `${result.watchFailures} watches refused` : undefined,
      result.watchCycles < 10_000 || result.mixedRequests < 100_000 ? 'stopped at the time limit' : undefined,
    ].filter((note): note is string => note !== undefined);
    rows.push({
      measurement: soakName,
      cluster: clusterLabel,
      facade: `${result.watchCycles.toLocaleString('en-US')} watches, ${result.mixedRequests.toLocaleString('en-US')} requests; live heap ${before?.toFixed(1) ?? '—'} → ${after?.toFixed(1) ?? '—'} MiB after full collections; RSS ${formatBytes(result.rssStartBytes)} at start, ${formatBytes(result.rssBeforeBytes)} after the warm-up, ${formatBytes(result.rssAfterBytes)} after`,
      ceiling: '—',
      ratio: undefined,
      checks: [
        { label: 'live heap growth', value: growth, limit: 10, unit: '%' },
        { label: '5xx or no answer', value: result.serverErrors, limit: 0, unit: '' },
        { label: 'crashes', value: result.crashed === undefined ? 0 : 1, limit: 0, unit: '' },
        { label: 'not done', value: 10_000 - result.watchCycles + (100_000 - result.mixedRequests), limit: 0, unit: '' },
      ],
      ...(notes.length > 0 ? { why: notes.join('; ') } : {}),
    });
    rows.push({
      measurement: fuzzName,
      cluster: clusterLabel,
      facade: `${result.fuzzed.toLocaleString('en-US')} requests, ${result.fuzzProblems} bad answers, ${result.fuzzServerErrors} 5xx`,
      ceiling: '—',
      ratio: undefined,
      checks: [{ label: 'bad answers', value: result.fuzzProblems, limit: 0, unit: '' }],
      ...(result.fuzzExample === undefined && result.fuzzServerErrorExample === undefined
        ? {}
        : { why: [result.fuzzExample, result.fuzzServerErrorExample && `5xx e.g. ${result.fuzzServerErrorExample}`].filter(Boolean).join('; ') }),
    });
  } catch (error: unknown) {
    fail(errorText(error));
  } finally {
    await facade?.child.stop();
  }
}

function machine(loadBefore: number): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  // Other work on the machine skews every figure (the ceiling's as much as kubefacade's): the load says how much.
  const load = `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`;
  return `${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${osType()} ${release()}, Node ${process.version}, ${load}`;
}

function commit(): string | undefined {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: packageRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${changed ? ' with uncommitted changes' : ''}`;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] ?? 0;
  const workDir = mkdtempSync(join(tmpdir(), 'kubefacade-bench-'));
  const rows: Row[] = [];
  try {
    const skipLarge = argv.has('--skip-large');
    const small = await measureSize(SMALL, workDir, rows, { large: false, keepServing: !skipLarge });
    let large: SizeResult | undefined;
    try {
      if (!skipLarge) large = await measureSize(LARGE, workDir, rows, { large: true, small });
    } finally {
      await stopServing(small);
    }
    await measureCompactStart(skipLarge ? SMALL : LARGE, !skipLarge, workDir, rows);
    const smallSource = small.cluster && { file: small.cluster.file, label: label(SMALL.pods), dir: 'watch-small' };
    await measureWatch(smallSource, skipLarge, workDir, rows);
    if (!skipLarge) {
      const compact = {
        file: compactClusterFile(join(tmpdir(), 'kubefacade-bench-clusters'), LARGE.nodes, LARGE.pods),
        label: `${label(LARGE.pods)}, compact file`,
        dir: 'watch-large',
      };
      await measureWatch(compact, true, workDir, rows);
    }
    await measureSoak(small.cluster, workDir, rows);
    if (!skipLarge) await measureSoak(large?.cluster, workDir, rows);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const markdown = renderMarkdown(rows, { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), machine: machine(loadBefore), commit: commit() });
  const resultsDir = join(packageRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.md'), markdown);
  writeFileSync(
    join(resultsDir, 'latest.svg'),
    renderSvg(rows, `kubefacade benchmark (${SMALL.pods.toLocaleString('en-US')} and ${LARGE.pods.toLocaleString('en-US')} pods)`),
  );
  const unmet = rows.filter((row) => verdictOf(row) === 'NOT MET').length;
  process.stdout.write(
    `\n${markdown}\n${unmet === 0 ? 'every target met' : `${unmet} targets NOT MET (above)`}; written: bench/results/latest.md, bench/results/latest.svg\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
