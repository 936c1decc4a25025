import { ComponentHealth } from '../../../src/cluster/simulation/component-health/index.js';
import { Cluster } from '../../../src/cluster/cluster.js';
import { ContainerLogs } from '../../../src/cluster/logs/container-logs.js';
import type { KubeObject } from '../../../src/cluster/objects.js';
import { registry } from '../../../src/cluster/resources/registry.js';
import { keyOf, type ResourceKey } from '../../../src/cluster/resources/resource-type.js';
import type { SimulationContext } from '../../../src/cluster/simulation/controller.js';
import { ManualDriver } from '../../../src/cluster/simulation/drivers.js';
import { EventRecorder } from '../../../src/cluster/simulation/event-recorder.js';
import { SeededRandom } from '../../../src/cluster/simulation/random.js';
import { SimulationClock } from '../../../src/cluster/simulation/simulation-clock.js';
import { ClusterStore, type StoreEvent } from '../../../src/cluster/store/index.js';
import { loadCluster } from '../../../src/cluster/index.js';

/** Simulation tests build their clusters here, object by object; nothing comes from a cluster file. */
export const START = Date.parse('2026-01-01T12:00:00Z');

export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

export function newStore(): ClusterStore {
  return new ClusterStore({
    resources: registry.types.filter((t) => t.storage === 'stored' && t.storedAs === undefined).map(keyOf),
    indexes: { '/pods': { 'spec.nodeName': (pod) => (pod.spec as { nodeName?: string } | undefined)?.nodeName || undefined } },
  });
}

export interface NodeSpec {
  name: string;
  ready?: 'True' | 'False' | 'Unknown';
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  kubeletVersion?: string;
}

export function node(spec: NodeSpec): KubeObject {
  const ready = spec.ready ?? 'True';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      uid: `uid-${spec.name}`,
      creationTimestamp: iso(START - 3_600_000),
      labels: { 'kubernetes.io/hostname': spec.name, ...spec.labels },
    },
    spec: {
      podCIDR: `10.244.${spec.name.replace(/\D/g, '') || '9'}.0/24`,
      ...(spec.taints ? { taints: spec.taints } : {}),
      ...(spec.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      conditions: [
        {
          type: 'Ready',
          status: ready,
          reason: ready === 'True' ? 'KubeletReady' : 'KubeletNotReady',
          message: '',
          lastHeartbeatTime: iso(START - 5_000),
          lastTransitionTime: iso(START - 3_600_000),
        },
      ],
      addresses: [
        { type: 'InternalIP', address: `192.168.0.${spec.name.replace(/\D/g, '') || '9'}` },
        { type: 'Hostname', address: spec.name },
      ],
      capacity: { cpu: spec.cpu ?? '2', memory: spec.memory ?? '4Gi', pods: '110' },
      allocatable: { cpu: spec.cpu ?? '2', memory: spec.memory ?? '4Gi', pods: '110' },
      nodeInfo: {
        kubeletVersion: spec.kubeletVersion ?? 'v1.33.1',
        containerRuntimeVersion: 'containerd://1.7.27',
        kernelVersion: '',
        osImage: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
        machineID: '',
        systemUUID: '',
        bootID: '',
        kubeProxyVersion: '',
      },
    },
  };
}

export interface PodSpec {
  name: string;
  namespace?: string;
  nodeName?: string;
  image?: string;
  containers?: string[];
  cpu?: string;
  memory?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: { key?: string; operator?: string; effect?: string; tolerationSeconds?: number }[];
  readinessProbe?: boolean;
}

export function pod(spec: PodSpec): KubeObject {
  const requests = { ...(spec.cpu ? { cpu: spec.cpu } : {}), ...(spec.memory ? { memory: spec.memory } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: spec.name, namespace: spec.namespace ?? 'default', uid: `uid-${spec.name}`, creationTimestamp: iso(START) },
    spec: {
      ...(spec.nodeName ? { nodeName: spec.nodeName } : {}),
      containers: (spec.containers ?? ['web']).map((name) => ({
        name,
        image: spec.image ?? 'nginx:1.17',
        resources: Object.keys(requests).length > 0 ? { requests } : {},
        ...(spec.readinessProbe ? { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } } : {}),
      })),
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      ...(spec.nodeSelector ? { nodeSelector: spec.nodeSelector } : {}),
      ...(spec.tolerations ? { tolerations: spec.tolerations } : {}),
    },
    status: { phase: 'Pending' },
  };
}

export interface TestSimulation {
  context: SimulationContext;
  driver: ManualDriver;
  store: ClusterStore;
  logs: ContainerLogs;
  clock: SimulationClock;
  /** Every store change from now on, in order. */
  changes: StoreEvent[];
}

const WATCHED: ResourceKey[] = ['/pods', '/nodes', '/events', 'coordination.k8s.io/leases'];

export function testSimulation(objects: { resource: ResourceKey; object: KubeObject }[], seed: number | string = 7): TestSimulation {
  const store = newStore();
  store.load(objects);
  const clock = new SimulationClock(START);
  const random = new SeededRandom(seed);
  const logs = new ContainerLogs();
  const changes: StoreEvent[] = [];
  for (const resource of WATCHED) store.watch(resource, undefined, (event) => changes.push(event));
  const context: SimulationContext = { store, clock, random, recorder: new EventRecorder(store, clock, random.fork('events')), logs };
  return { context, driver: new ManualDriver(clock), store, logs, clock, changes };
}

export function testCluster(objects: { resource: ResourceKey; object: KubeObject }[]): Cluster {
  const store = newStore();
  store.load(objects);
  return new Cluster({
    store,
    registry,
    logs: new ContainerLogs(),
    clock: { now: () => START },
    components: ComponentHealth.fromStore(store),
    summary: 'test',
  });
}

export const nodes = (...specs: NodeSpec[]) => specs.map((s) => ({ resource: '/nodes' as const, object: node(s) }));
export const pods = (...specs: PodSpec[]) => specs.map((s) => ({ resource: '/pods' as const, object: pod(s) }));

/** Events in the store about one object, oldest first, as `Reason: message`. */
export function eventsAbout(store: ClusterStore, name: string): string[] {
  return store
    .list('/events')
    .items.map((stored) => stored.object as KubeObject & { involvedObject: { name: string }; reason: string; message: string; firstTimestamp: string })
    .filter((event) => event.involvedObject.name === name)
    .sort((a, b) => a.firstTimestamp.localeCompare(b.firstTimestamp) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((event) => `${event.reason}: ${event.message}`);
}

/**
 * The objects of a compact cluster as they stand at `now`, once its past has been replayed through the
 * controllers (events left out: a test's own simulation records its own).
 */
export function replayedObjects(text: string, now: number): { resource: ResourceKey; object: KubeObject }[] {
  const cluster = loadCluster({ text, fileName: 'cluster.yaml' }, { now: new Date(now) });
  return cluster.registry
    .storedResources()
    .filter((resource) => resource !== '/events')
    .flatMap((resource) => cluster.store.list(resource).items.map((stored) => ({ resource, object: stored.object })));
}
