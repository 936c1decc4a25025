import { type Cluster, type KubeObject, loadCluster, type Pod, type ResourceKey } from '../../../../src/cluster/index.js';
import { type Controller, type ManualDriver, SimulationClock, startSimulation } from '../../../../src/cluster/simulation/index.js';
import { rfc3339 } from '../../../../src/cluster/meta/index.js';

/** Shared by the workload and service controller tests: a compact cluster on a manual clock, and pod helpers. */

export const NOW = Date.parse('2026-01-01T12:00:00Z');

/** Whether an event was first recorded once the test started: the loaded cluster's past has its own events. */
export const sinceStart = (event: { firstTimestamp?: Date | string }): boolean => Date.parse(String(event.firstTimestamp ?? '')) >= NOW;

/** Two workers and a Deployment `web` of two replicas: the cluster the workload controllers' tests start from. */
export const WEB_ON_TWO_NODES = `
nodes:
  - { name: node1, internalIP: 10.0.0.1 }
  - { name: node2, internalIP: 10.0.0.2 }
workloads:
  - { name: web, kind: Deployment, replicas: 2, labels: { app: web }, image: nginx:1.25, ports: [80], age: 10m }
`;

export interface Harness {
  cluster: Cluster;
  clock: SimulationClock;
  driver: ManualDriver;
  /** Every write after start: resource, type and key, in order. */
  writes: string[];
  get<T extends KubeObject>(resource: ResourceKey, namespace: string, name: string): T;
  find<T extends KubeObject>(resource: ResourceKey, namespace: string, name: string): T | undefined;
  list<T extends KubeObject>(resource: ResourceKey, namespace?: string): T[];
  put(resource: ResourceKey, object: KubeObject): void;
  stop(): void;
}

export function compactCluster(spec: string): string {
  return `apiVersion: kubefacade.dev/v1alpha1\nkind: Cluster\nmetadata: { name: test }\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
}

/** Loads a compact cluster and starts only the given controllers on a manual driver, recording every store write. */
export function startHarness(spec: string, controllers: Controller[]): Harness {
  const clock = new SimulationClock(NOW);
  const cluster = loadCluster({ text: compactCluster(spec), fileName: 'test.yaml' }, { clock, now: new Date(NOW) });
  const writes: string[] = [];
  for (const type of cluster.registry.types.filter((t) => t.storage === 'stored' && t.storedAs === undefined)) {
    const resource = `${type.group}/${type.plural}` as ResourceKey;
    cluster.store.watch(resource, undefined, (event) => writes.push(`${event.type} ${resource} ${event.object.key}`));
  }
  const simulation = startSimulation(cluster, { clock, driver: 'manual', controllers, seed: 7 });
  const driver = simulation.manual as ManualDriver;
  const find = <T extends KubeObject>(resource: ResourceKey, namespace: string, name: string): T | undefined =>
    cluster.store.get(resource, namespace, name)?.object as T | undefined;
  return {
    cluster,
    clock,
    driver,
    writes,
    find,
    get: <T extends KubeObject>(resource: ResourceKey, namespace: string, name: string): T => {
      const found = find<T>(resource, namespace, name);
      if (!found) throw new Error(`no ${resource} ${namespace}/${name}`);
      return found;
    },
    list: <T extends KubeObject>(resource: ResourceKey, namespace?: string): T[] =>
      cluster.store.list(resource, namespace === undefined ? {} : { namespace }).items.map((s) => s.object as T),
    put: (resource, object) => {
      cluster.store.put(resource, object);
    },
    stop: () => {
      simulation.stop();
      cluster.close();
    },
  };
}

/** What the scheduler and a kubelet would write: the pod bound to `node`, Running with `ip`, Ready or not. */
export function runningPod(pod: Pod, node: string, ip: string, ready: boolean, at: number): Pod {
  const next = structuredClone(pod) as Pod;
  const condition = (type: string, status: boolean): Record<string, unknown> => ({
    type,
    status: status ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: rfc3339(at),
  });
  next.spec = { ...next.spec, containers: next.spec?.containers ?? [], nodeName: node };
  next.status = {
    ...next.status,
    phase: 'Running',
    podIP: ip,
    podIPs: [{ ip }],
    conditions: [
      condition('Initialized', true),
      condition('Ready', ready),
      condition('ContainersReady', ready),
      condition('PodScheduled', true),
    ] as NonNullable<Pod['status']>['conditions'],
  };
  return next;
}

export const PODS = '/pods' as ResourceKey;
