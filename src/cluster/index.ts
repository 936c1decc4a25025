import { type Clock, systemClock } from './clock.js';
import { ComponentHealth, etcdHealthCheck } from './simulation/component-health/index.js';
import { SimulatedMetrics } from './simulation/metrics/index.js';
import { SeededRandom } from './simulation/random.js';
import { Cluster } from './cluster.js';
import {
  type Capture,
  loadCapture,
  type TimedLogLine,
  loadClusterFile,
  loadClusterText,
  type LoadedCluster,
  type LoadedHistory,
  resourceOfObject,
} from './fixtures/index.js';
import { ContainerLogs, type LogLine } from './logs/container-logs.js';
import type { KubeObject, Node } from './objects.js';
import { registry as defaultRegistry, type ResourceRegistry } from './resources/registry.js';
import { keyOf, type ResourceKey } from './resources/resource-type.js';
import { HistoryReplay } from './simulation/replay/history-replay.js';
import { type SettledPresent, settledPresent, SettledWorkloads } from './simulation/replay/settled-present.js';
import { behavioursOf, nodeRuntimeOf } from './simulation/replay/node-runtime-of.js';
import { startLiveSimulation } from './simulation/scenario/live-simulation.js';
import { defaultControllers } from './simulation/simulation.js';
import type { ScenarioRunnerOptions } from './simulation/scenario/scenario-runner.js';
import type { Simulation } from './simulation/simulation.js';
import { SimulationClock, type TaskErrorHandler } from './simulation/simulation-clock.js';
import { ClusterStore, type IndexFunction } from './store/index.js';

/**
 * Where a cluster comes from: a cluster file (read at once), objects, text, or a capture already read from disk
 * (`readCapture`: a file, a folder, a support bundle, a must-gather, a cluster-info dump).
 */
export type ClusterSource = { file: string } | { objects: KubeObject[] } | { text: string; fileName: string } | { capture: Capture };

export interface ClusterOptions {
  /** The instant the cluster starts: ages in a compact cluster file are counted back from it. */
  now?: Date;
  clock?: Clock;
  registry?: ResourceRegistry;
  historyCapacity?: number;
  /** Told how loading goes, so a large cluster can show a progress line. */
  onProgress?: (progress: LoadProgress) => void;
  /** Told what a user should know of how the cluster was read (kinds served without a definition, ...). */
  onWarning?: (message: string) => void;
}

/**
 * How loading goes: files read (a capture's, when counted; `bytesRead` of `bytesTotal` within a large file, and
 * the `objects` parsed as it is read), objects stored, done.
 */
export type LoadProgress =
  | { phase: 'reading'; read?: number; total?: number; bytesRead?: number; bytesTotal?: number; objects?: number }
  | { phase: 'storing'; stored: number; total: number }
  | { phase: 'loaded'; objects: number };

/** Reads a cluster file (or takes objects), expands it, and puts it into a new store: a static cluster. */
export function loadCluster(source: ClusterSource, options: ClusterOptions = {}): Cluster {
  return openCluster(source, { ...options, simulate: false }).cluster;
}

export interface OpenOptions extends ClusterOptions {
  /**
   * Whether the simulation runs. `auto`: live for a file with a compact Cluster (whose scenario then plays),
   * static for captured objects, which show a real cluster as it was. Default `auto`.
   */
  simulate?: boolean | 'auto';
  /** Simulated seconds per real second; default 1. */
  speed?: number;
  /** Every random choice of the simulation derives from it; default 1. */
  seed?: number | string;
  /** `manual`: time moves only through `simulation.manual` (tests); default `real`. */
  driver?: 'real' | 'manual';
  /** Where a failing simulation task is reported (the server logs it and keeps serving). */
  onTaskError?: TaskErrorHandler;
  /** Told of every scenario step as it runs. */
  onStep?: ScenarioRunnerOptions['onStep'];
  /**
   * Captured objects as a history: the cluster is born at this instant holding the objects created by then; the
   * others are created at their creationTimestamp (mirror pods by their node's kubelet), and the controllers
   * replay what follows up to `now`, as for a compact cluster. Default: captured objects are served as they are.
   */
  replayFrom?: Date;
  /** Whether a replayed past collapses its quiet stretches (default); false fires every heartbeat of it. */
  coalesceHeartbeats?: boolean;
  /**
   * Whether the workloads of a compact cluster that have been quiet for longer than the events' TTL have their
   * present written at once (default), or their whole past lived through as the rest of it is.
   */
  settle?: boolean;
}

export interface OpenedCluster {
  cluster: Cluster;
  /** The running simulation of a live cluster; it stops when the cluster closes. */
  simulation: Simulation | undefined;
  /**
   * How many versions replaying a past wrote that no object holds now (0 when nothing was replayed): what the replay
   * leaves for the collector. A past lived through writes many per object it keeps (its heartbeats, its pods' every
   * status); settled workloads are written about once.
   */
  deadVersions: number;
}

/**
 * Loads a cluster and, when it is live, makes it so: the cluster lives by a simulation clock that starts at the
 * load instant (so the ages in the file hold at start), and the controllers and the file's scenario run on it.
 */
export function openCluster(source: ClusterSource, options: OpenOptions = {}): OpenedCluster {
  const now = options.now ?? new Date((options.clock ?? systemClock).now());
  options.onProgress?.({ phase: 'reading' });
  const loaded = readSource(source, now, options.registry ?? defaultRegistry);
  for (const warning of loaded.warnings) options.onWarning?.(warning);
  const { registry } = loaded;
  const live = options.simulate === undefined || options.simulate === 'auto' ? loaded.form !== 'objects' : options.simulate;
  const history = loaded.history ?? (options.replayFrom ? historyOfObjects(loaded, options.replayFrom.getTime()) : undefined);
  if (history) {
    const settled = options.settle === false ? undefined : settledPresent({ ...history, born: loaded.objects }, now.getTime());
    const settling = new Set(settled?.workloads.map((workload) => workload.object));
    const later = new Set<KubeObject>(history.created.map((entry) => entry.object));
    for (const machine of history.machines) later.add(machine.registration);
    const born = loaded.objects.filter((entry) => !later.has(entry.object) && !settling.has(entry.object) && !isMirrorPod(entry.object));
    const lived = settled ? { ...history, created: history.created.filter((entry) => !settling.has(entry.object)) } : history;
    return replayHistory({ ...loaded, objects: born }, lived, settled, now, live, registry, options);
  }
  if (!live) return { cluster: buildCluster(loaded, options.clock ?? systemClock, registry, options), simulation: undefined, deadVersions: 0 };
  const clock = new SimulationClock(now.getTime(), options.onTaskError);
  const cluster = buildCluster(loaded, clock, registry, options);
  const simulation = startLiveSimulation(cluster, {
    clock,
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.driver !== undefined ? { driver: options.driver } : {}),
    ...(loaded.scenario ? { scenario: loaded.scenario } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  return { cluster, simulation, deadVersions: 0 };
}

/**
 * A compact cluster is born holding what existed at its first instant; the controllers, the scheduler and the
 * kubelets then live its past on a simulation clock run ahead to `now` before anything listens, so every
 * object, status, event and log line of the present comes from them. A live cluster goes on from there on
 * the same clock and controllers (its scenario counting from `now`); a static one is that present, frozen.
 */
function replayHistory(
  loaded: LoadedCluster,
  history: LoadedHistory,
  settled: SettledPresent | undefined,
  now: Date,
  live: boolean,
  registry: ResourceRegistry,
  options: OpenOptions,
): OpenedCluster {
  const clock = new SimulationClock(history.bornMs, options.onTaskError);
  const cluster = buildCluster(loaded, live ? clock : (options.clock ?? systemClock), registry, options);
  const behaviours = behavioursOf(history);
  const controllers = [
    new HistoryReplay(history.created),
    ...(settled ? [new SettledWorkloads(settled)] : []),
    ...defaultControllers({ runtime: nodeRuntimeOf(history), ...(behaviours ? { behaviours } : {}) }),
  ];
  // Nothing watches the past: keeping its last 10,000 changes would only carry every version through the collector.
  const resumeHistory = cluster.store.suspendHistory();
  const before = { revision: cluster.store.resourceVersion, objects: cluster.store.size };
  const simulation = startLiveSimulation(cluster, {
    clock,
    controllers,
    replayUntil: now.getTime(),
    ...(options.coalesceHeartbeats !== undefined ? { coalesceHeartbeats: options.coalesceHeartbeats } : {}),
    driver: live ? (options.driver ?? 'real') : 'manual',
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(live && loaded.scenario ? { scenario: loaded.scenario, scenarioOrigin: now.getTime() } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  resumeHistory();
  const written = cluster.store.resourceVersion - before.revision;
  const deadVersions = Math.max(0, written - Math.max(0, cluster.store.size - before.objects));
  if (live) return { cluster, simulation, deadVersions };
  simulation.stop();
  return { cluster, simulation: undefined, deadVersions };
}

const isMirrorPod = (object: KubeObject): boolean => object.kind === 'Pod' && object.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;

/** Captured objects read as what was created when: after `bornMs` at their creationTimestamp, mirror pods by their kubelets. */
function historyOfObjects(loaded: LoadedCluster, bornMs: number): LoadedHistory {
  const staticPods = new Map<string, KubeObject[]>();
  const created: LoadedHistory['created'] = [];
  const machines: LoadedHistory['machines'] = [];
  for (const entry of loaded.objects) {
    const node = (entry.object.spec as { nodeName?: string } | undefined)?.nodeName;
    const atMs = Date.parse(entry.object.metadata.creationTimestamp ?? '');
    if (isMirrorPod(entry.object) && node) staticPods.set(node, [...(staticPods.get(node) ?? []), entry.object]);
    // A Node is created by its kubelet registering it, as in a compact cluster's history.
    else if (entry.resource === '/nodes' && atMs > bornMs) machines.push({ bootsAtMs: atMs, registration: entry.object as Node });
    else if (atMs > bornMs) created.push({ atMs, ...entry });
  }
  created.sort((a, b) => a.atMs - b.atMs);
  machines.sort((a, b) => a.bootsAtMs - b.bootsAtMs);
  return { bornMs, created, machines, staticPods, pullsEndAt: new Map(), network: undefined, logs: [], settleable: new Set() };
}

function buildCluster(loaded: LoadedCluster, clock: Clock, registry: ResourceRegistry, options: ClusterOptions & { seed?: number | string }): Cluster {
  const store = new ClusterStore({
    resources: registry.storedResources(),
    indexes: storeIndexes(registry),
    ...(options.historyCapacity !== undefined ? { historyCapacity: options.historyCapacity } : {}),
  });
  const total = loaded.objects.length;
  store.load(loaded.objects, (stored) => options.onProgress?.({ phase: 'storing', stored, total }));
  options.onProgress?.({ phase: 'loaded', objects: total });
  const asLogLines = (logs: Map<string, TimedLogLine[]>): [string, LogLine[]][] =>
    [...logs].map(([key, lines]) => [key, lines.map((l) => ({ time: l.time, text: l.line }))]);
  const logs = new ContainerLogs(asLogLines(loaded.containerLogs), asLogLines(loaded.previousContainerLogs));
  const metrics = new SimulatedMetrics({ store, clock, random: new SeededRandom(options.seed ?? 1).fork('metrics') });
  return new Cluster({ store, registry, logs, clock, metrics, components: ComponentHealth.fromStore(store), summary: () => summarize(store) });
}

function readSource(source: ClusterSource, now: Date, registry: ResourceRegistry): LoadedCluster {
  if ('file' in source) return loadClusterFile(source.file, { now, registry });
  if ('text' in source) return loadClusterText(source.text, { now, registry, fileName: source.fileName });
  if ('capture' in source) return loadCapture(source.capture, { now, registry });
  return {
    form: 'objects',
    objects: source.objects.map((object) => ({ resource: resourceOfObject(registry, object), object })),
    containerLogs: new Map(),
    previousContainerLogs: new Map(),
    registry: registry.copy(),
    warnings: [],
  };
}

/** The secondary indexes each stored resource declares in the registry (labels and names the store finds itself). */
function storeIndexes(registry: ResourceRegistry): Partial<Record<ResourceKey, Readonly<Record<string, IndexFunction>>>> {
  const indexes: Partial<Record<ResourceKey, Readonly<Record<string, IndexFunction>>>> = {};
  for (const type of registry.types) {
    if (type.indexes && type.storedAs === undefined) indexes[keyOf(type)] = type.indexes;
  }
  return indexes;
}

function summarize(store: ClusterStore): string {
  const count = (resource: ResourceKey, noun: string): string => {
    const n = store.count(resource);
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  };
  return [count('/nodes', 'node'), count('/pods', 'pod'), count('/namespaces', 'namespace'), count('/services', 'service')].join(', ');
}

export { Cluster } from './cluster.js';
export type { Simulation } from './simulation/simulation.js';
export type { ScenarioStep } from './simulation/scenario/index.js';
export { describeStep } from './simulation/scenario/index.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export { type Capture, ClusterFileError, readCapture, type ReadProgress } from './fixtures/index.js';
export { kubeletAddress, kubeletAnswers, kubeletPort } from './kubelet-reachability.js';
export type { ContainerLogs, LogLine } from './logs/container-logs.js';
export type * from './objects.js';
export { listObjects, matchesQuery, type ObjectQuery, type PageRequest, selectable } from './queries/object-query.js';
export { registry, ResourceRegistry } from './resources/registry.js';
export * from './resources/resource-type.js';
export {
  checkFieldSelector,
  createFieldSelector,
  labelSelectorAsSelector,
  type LabelSelectorSpec,
  parseFieldSelector,
  parseLabelSelector,
} from './selectors/index.js';
export * from './meta/index.js';
export type * from './selectors/types.js';
export * from './store/index.js';
export { ComponentHealth, etcdHealthCheck };
export type { MetricsSource, NodeMetrics, PodMetrics } from './simulation/metrics/index.js';
export { evaluate, JsonPathError, type JsonPathTemplate, parseJsonPath, printResults } from './jsonpath/index.js';
