import { type Clock, systemClock } from './clock.js';
import { ComponentHealth, etcdHealthCheck } from './simulation/component-health/index.js';
import { SimulatedMetrics } from './simulation/metrics/index.js';
import { SeededRandom } from './simulation/random.js';
import { Cluster } from './cluster.js';
import { type Capture, loadCapture, type TimedLogLine, loadClusterFile, loadClusterText, type LoadedCluster, resourceOfObject } from './fixtures/index.js';
import { ContainerLogs, type LogLine } from './logs/container-logs.js';
import type { KubeObject } from './objects.js';
import { registry as defaultRegistry, type ResourceRegistry } from './resources/registry.js';
import { keyOf, type ResourceKey } from './resources/resource-type.js';
import { startLiveSimulation } from './simulation/scenario/live-simulation.js';
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

/** How loading goes: files read (a capture's, when counted), objects stored, done. */
export type LoadProgress =
  { phase: 'reading'; read?: number; total?: number } | { phase: 'storing'; stored: number; total: number } | { phase: 'loaded'; objects: number };

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
}

export interface OpenedCluster {
  cluster: Cluster;
  /** The running simulation of a live cluster; it stops when the cluster closes. */
  simulation: Simulation | undefined;
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
  if (!live) return { cluster: buildCluster(loaded, options.clock ?? systemClock, registry, options), simulation: undefined };
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
  return { cluster, simulation };
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
  return new Cluster({ store, registry, logs, clock, metrics, components: ComponentHealth.fromStore(store), summary: summarize(store) });
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

/** The secondary indexes each stored resource declares in the registry. */
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
export { type Capture, ClusterFileError, readCapture } from './fixtures/index.js';
export { kubeletAddress, kubeletAnswers, kubeletPort } from './kubelet-reachability.js';
export type { ContainerLogs, LogLine } from './logs/container-logs.js';
export type * from './objects.js';
export { listObjects, matchesQuery, type ObjectQuery, type PageRequest } from './queries/object-query.js';
export { registry, ResourceRegistry } from './resources/registry.js';
export * from './resources/resource-type.js';
export { checkFieldSelector, createFieldSelector, createLabelSelector, parseFieldSelector, parseLabelSelector, SelectorError } from './selectors/index.js';
export type * from './selectors/types.js';
export * from './store/index.js';
export { ComponentHealth, etcdHealthCheck };
export type { MetricsSource, NodeMetrics, PodMetrics } from './simulation/metrics/index.js';
export { evaluate, JsonPathError, type JsonPathTemplate, parseJsonPath, printResults } from './jsonpath/index.js';
