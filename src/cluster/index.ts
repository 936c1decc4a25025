import { type Clock, systemClock } from './clock.js';
import { Cluster } from './cluster.js';
import { loadClusterFile, loadClusterText, type LoadedCluster, resourceOfObject } from './fixtures/index.js';
import { ContainerLogs, type LogLine } from './logs/container-logs.js';
import type { KubeObject } from './objects.js';
import { registry as defaultRegistry, type ResourceRegistry } from './resources/registry.js';
import { keyOf, type ResourceKey } from './resources/resource-type.js';
import { ClusterStore, type IndexFunction } from './store/index.js';

export type ClusterSource = { file: string } | { objects: KubeObject[] } | { text: string; fileName: string };

export interface ClusterOptions {
  /** The instant the cluster starts: ages in a compact cluster file are counted back from it. */
  now?: Date;
  clock?: Clock;
  registry?: ResourceRegistry;
  historyCapacity?: number;
}

/** Secondary indexes the API's common queries use: pods by node (describe node, kubelets), events by object. */
const INDEXES: Partial<Record<ResourceKey, Record<string, IndexFunction>>> = {
  '/pods': { 'spec.nodeName': (pod) => (pod.spec as { nodeName?: string } | undefined)?.nodeName || undefined },
  '/events': {
    'involvedObject.name': (event) => (event.involvedObject as { name?: string } | undefined)?.name || undefined,
  },
};

/** Reads a cluster file (or takes objects), expands it, and puts it into a new store. */
export function loadCluster(source: ClusterSource, options: ClusterOptions = {}): Cluster {
  const clock = options.clock ?? systemClock;
  const now = options.now ?? new Date(clock.now());
  const registry = options.registry ?? defaultRegistry;
  const loaded = readSource(source, now, registry);
  const store = new ClusterStore({
    resources: registry.types.filter((t) => t.storage === 'stored').map(keyOf),
    indexes: INDEXES,
    ...(options.historyCapacity !== undefined ? { historyCapacity: options.historyCapacity } : {}),
  });
  store.load(loaded.objects);
  const logs = new ContainerLogs(
    [...(loaded.containerLogs ?? new Map())].map(([key, lines]): [string, LogLine[]] => [
      key,
      lines.map((l) => ({ time: l.time, text: l.line })),
    ]),
  );
  return new Cluster(store, registry, logs, clock, summarize(store));
}

function readSource(source: ClusterSource, now: Date, registry: ResourceRegistry): LoadedCluster {
  if ('file' in source) return loadClusterFile(source.file, { now });
  if ('text' in source) return loadClusterText(source.text, { now, fileName: source.fileName });
  return {
    form: 'objects',
    objects: source.objects.map((object) => ({ resource: resourceOfObject(registry, object), object })),
    containerLogs: new Map(),
  };
}

function summarize(store: ClusterStore): string {
  const count = (resource: ResourceKey, noun: string): string => {
    const n = store.count(resource);
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
  };
  return [count('/nodes', 'node'), count('/pods', 'pod'), count('/namespaces', 'namespace'), count('/services', 'service')].join(', ');
}

export { Cluster } from './cluster.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export { ClusterFileError } from './fixtures/index.js';
export type { ContainerLogs, LogLine } from './logs/container-logs.js';
export type * from './objects.js';
export { listObjects, matchesQuery, type ObjectQuery, type PageRequest } from './queries/object-query.js';
export { registry, ResourceRegistry } from './resources/registry.js';
export * from './resources/resource-type.js';
export {
  checkFieldSelector,
  createFieldSelector,
  createLabelSelector,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors/index.js';
export type * from './selectors/types.js';
export * from './store/index.js';
