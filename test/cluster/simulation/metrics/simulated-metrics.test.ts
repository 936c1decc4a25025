import { ManualClock } from '../../../../src/cluster/clock.js';
import type { KubeObject } from '../../../../src/cluster/objects.js';
import type { ResourceKey } from '../../../../src/cluster/resources/resource-type.js';
import { METRIC_RESOLUTION_MS, type NodeMetrics, type PodMetrics, SimulatedMetrics } from '../../../../src/cluster/simulation/metrics/index.js';
import { SeededRandom } from '../../../../src/cluster/simulation/random.js';
import { newStore, START } from '../simulation-test-cluster.js';
import { nodeEntries, podEntries, runningPod } from './metrics-test-objects.js';

const nanocores = (text: string): number => {
  const match = /^(\d+)(n|u|m|)$/.exec(text);
  if (!match) throw new Error(`not a cpu quantity: ${text}`);
  return Number(match[1]) * ({ n: 1, u: 1e3, m: 1e6, '': 1e9 } as Record<string, number>)[match[2] ?? '']!;
};
const bytes = (text: string): number => {
  const match = /^(\d+)(Ki|Mi|Gi|)$/.exec(text);
  if (!match) throw new Error(`not a memory quantity: ${text}`);
  return Number(match[1]) * ({ Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, '': 1 } as Record<string, number>)[match[2] ?? '']!;
};

function cluster(objects: { resource: ResourceKey; object: KubeObject }[], seed: number | string = 7) {
  const store = newStore();
  store.load(objects);
  const clock = new ManualClock(START);
  const metrics = new SimulatedMetrics({ store, clock, random: new SeededRandom(seed).fork('metrics') });
  return { store, clock, metrics };
}

const defaultObjects = () => [
  ...nodeEntries({ name: 'node1', labels: { zone: 'a' } }, { name: 'node2', ready: 'Unknown' }, { name: 'node3', ready: 'False' }),
  ...podEntries(
    runningPod({ name: 'web-1', labels: { app: 'web' }, containers: ['web', 'sidecar'] }),
    runningPod({ name: 'db-1', cpu: '500m', memory: '1Gi', image: 'mysql:8' }),
    runningPod({ name: 'dns', namespace: 'kube-system', image: 'coredns:1.11' }),
  ),
];

describe('SimulatedMetrics', () => {
  test('the same seed, objects and instant give the same metrics; another seed other usage', () => {
    const a = cluster(defaultObjects());
    const b = cluster(defaultObjects());
    const c = cluster(defaultObjects(), 'other');
    expect(b.metrics.listPodMetrics()).toEqual(a.metrics.listPodMetrics());
    expect(b.metrics.listNodeMetrics()).toEqual(a.metrics.listNodeMetrics());
    expect(c.metrics.listPodMetrics().map((p) => p.containers)).not.toEqual(a.metrics.listPodMetrics().map((p) => p.containers));
  });

  test('usage moves as simulated time passes, a new sample every metric resolution', () => {
    const { clock, metrics } = cluster(defaultObjects());
    const seen = new Set<string>();
    const timestamps = new Set<string>();
    for (let step = 0; step < 8; step++) {
      const web = metrics.podMetrics('default', 'web-1') as PodMetrics;
      seen.add(JSON.stringify(web.containers));
      timestamps.add(web.timestamp);
      clock.advance(METRIC_RESOLUTION_MS);
    }
    expect(seen.size).toBe(8);
    expect(timestamps.size).toBe(8);
  });

  test('between two samples the usage stands still', () => {
    const { clock, metrics } = cluster(defaultObjects());
    let comparedWithinOneSample = 0;
    let previous = metrics.nodeMetrics('node1') as NodeMetrics;
    for (let step = 0; step < 30; step++) {
      clock.advance(1_000);
      const current = metrics.nodeMetrics('node1') as NodeMetrics;
      if (current.timestamp === previous.timestamp) {
        expect(current.usage).toEqual(previous.usage);
        comparedWithinOneSample++;
      }
      previous = current;
    }
    expect(comparedWithinOneSample).toBeGreaterThan(20);
  });

  test('a pod gets metrics shaped as metrics-server sends them: labels copied, timestamp, window, containers', () => {
    const { metrics } = cluster(defaultObjects());
    const web = metrics.podMetrics('default', 'web-1') as PodMetrics;
    expect(web).toMatchObject({
      kind: 'PodMetrics',
      apiVersion: 'metrics.k8s.io/v1beta1',
      metadata: { name: 'web-1', namespace: 'default', creationTimestamp: '2026-01-01T12:00:00Z', labels: { app: 'web' } },
    });
    expect(Object.keys(web.metadata)).toEqual(['name', 'namespace', 'creationTimestamp', 'labels']);
    expect(web.containers.map((c) => c.name)).toEqual(['web', 'sidecar']);
    expect(Date.parse(web.timestamp)).toBeLessThanOrEqual(START);
    expect(Date.parse(web.timestamp)).toBeGreaterThan(START - METRIC_RESOLUTION_MS - 5_000);
    expect(web.window).toMatch(/^(1\d(\.\d{1,3})?|20)s$/);
    for (const container of web.containers) {
      expect(container.usage.cpu).toMatch(/^\d+(n|u|m)?$/);
      expect(container.usage.memory).toMatch(/^\d+(Ki|Mi)$/);
    }
  });

  test('usage follows the requests: a container uses a share of what it asks for', () => {
    const { metrics } = cluster(defaultObjects());
    const db = (metrics.podMetrics('default', 'db-1') as PodMetrics).containers[0]!;
    expect(nanocores(db.usage.cpu)).toBeGreaterThan(0.02 * 500e6);
    expect(nanocores(db.usage.cpu)).toBeLessThan(0.8 * 500e6);
    expect(bytes(db.usage.memory)).toBeGreaterThan(0.15 * 1024 ** 3);
    expect(bytes(db.usage.memory)).toBeLessThan(1024 ** 3);
  });

  test.each([
    ['a Pending pod', { ...runningPod({ name: 'p' }), status: { phase: 'Pending' } }],
    ['a pod whose containers all wait', runningPod({ name: 'p', waiting: ['web'] })],
    ['a pod whose container started less than 10s ago', runningPod({ name: 'p', startedAgoMs: 0 })],
    ['a pod on a node whose kubelet is gone', runningPod({ name: 'p', nodeName: 'node2' })],
    ['a pod not bound to a node', runningPod({ name: 'p', nodeName: '' })],
  ])('%s has no metrics', (_what, object) => {
    const { metrics } = cluster([...nodeEntries({ name: 'node1' }, { name: 'node2', ready: 'Unknown' }), ...podEntries(object)]);
    expect(metrics.podMetrics('default', 'p')).toBeUndefined();
    expect(metrics.listPodMetrics()).toEqual([]);
  });

  test('a container that is not running is left out of its pod, and out of its node', () => {
    const { metrics } = cluster([
      ...nodeEntries({ name: 'node1' }),
      ...podEntries(runningPod({ name: 'p', containers: ['web', 'crashing'], waiting: ['crashing'] })),
    ]);
    expect((metrics.podMetrics('default', 'p') as PodMetrics).containers.map((c) => c.name)).toEqual(['web']);
  });

  test('a node uses what its pods use plus its system daemons', () => {
    const withPods = cluster(defaultObjects());
    const empty = cluster(nodeEntries({ name: 'node1', labels: { zone: 'a' } }));
    const node = withPods.metrics.nodeMetrics('node1') as NodeMetrics;
    const idle = empty.metrics.nodeMetrics('node1') as NodeMetrics;
    const pods = withPods.metrics.listPodMetrics().flatMap((p) => p.containers);
    const podCpu = pods.reduce((sum, c) => sum + nanocores(c.usage.cpu), 0);
    const podMemory = pods.reduce((sum, c) => sum + bytes(c.usage.memory), 0);
    expect(nanocores(node.usage.cpu)).toBe(nanocores(idle.usage.cpu) + podCpu);
    expect(bytes(node.usage.memory)).toBe(bytes(idle.usage.memory) + podMemory);
    expect(nanocores(idle.usage.cpu)).toBeGreaterThan(50e6);
    expect(bytes(idle.usage.memory)).toBeGreaterThan(300 * 1024 ** 2);
  });

  test('nodes whose kubelet answers have metrics, sorted by name; an Unknown node has none', () => {
    const { metrics } = cluster(defaultObjects());
    expect(metrics.listNodeMetrics().map((n) => n.metadata.name)).toEqual(['node1', 'node3']);
    expect(metrics.nodeMetrics('node2')).toBeUndefined();
    expect(metrics.nodeMetrics('nothing')).toBeUndefined();
    expect(metrics.nodeMetrics('node1')?.metadata.labels).toEqual({ 'kubernetes.io/hostname': 'node1', zone: 'a' });
  });

  test('pods are listed by namespace, then name, and can be listed in one namespace', () => {
    const { metrics } = cluster(defaultObjects());
    expect(metrics.listPodMetrics().map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/db-1', 'default/web-1', 'kube-system/dns']);
    expect(metrics.listPodMetrics('kube-system').map((p) => p.metadata.name)).toEqual(['dns']);
  });

  test('usage depends on the instant only, not on what was asked before: a frozen cluster answers for its instant', () => {
    const busy = cluster(defaultObjects());
    for (let step = 0; step < 5; step++) {
      busy.metrics.listNodeMetrics();
      busy.clock.advance(7_000);
    }
    busy.clock.set(START);
    const fresh = cluster(defaultObjects());
    expect(busy.metrics.listPodMetrics()).toEqual(fresh.metrics.listPodMetrics());
    expect(busy.metrics.listNodeMetrics()).toEqual(fresh.metrics.listNodeMetrics());
  });

  test('a pod that changes is read anew: a restarted container counts from its new start, as a fresh reader sees it', () => {
    const started = cluster(defaultObjects());
    const before = started.metrics.podMetrics('default', 'db-1') as PodMetrics;
    // The container restarted 30 s ago: a new version of the pod, whose usage is that of a 30 s old container.
    const restarted = runningPod({ name: 'db-1', cpu: '500m', memory: '1Gi', image: 'mysql:8', startedAgoMs: 30_000 });
    started.store.update('/pods', { ...restarted, metadata: { ...restarted.metadata, resourceVersion: undefined } });
    const after = started.metrics.podMetrics('default', 'db-1') as PodMetrics;
    const fresh = cluster([
      ...defaultObjects().filter((entry) => entry.object.metadata.name !== 'db-1'),
      { resource: '/pods' as ResourceKey, object: restarted },
    ]);
    expect(after.containers).toEqual((fresh.metrics.podMetrics('default', 'db-1') as PodMetrics).containers);
    expect(after.containers).not.toEqual(before.containers);
  });
});
