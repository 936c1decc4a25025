import type { KubeObject, Pod } from '../../../src/cluster/objects.js';
import { startSimulation } from '../../../src/cluster/simulation/simulation.js';
import { SimulationClock } from '../../../src/cluster/simulation/simulation-clock.js';
import { eventsAbout, nodes, pods, START, testCluster } from './simulation-test-cluster.js';

const cluster = () =>
  testCluster([
    ...nodes(
      { name: 'master', taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] },
      { name: 'node1' },
      { name: 'node2' },
      { name: 'node3', ready: 'False' },
    ),
    ...pods({ name: 'web-1' }, { name: 'web-2' }, { name: 'web-3' }, { name: 'db', image: 'mysql:5.7', nodeName: 'node1' }),
  ]);

/** Runs a fresh cluster for `ms` of simulated time and returns every store change as type/resource/key/RV. */
function record(seed: number, ms: number): string[] {
  const c = cluster();
  const changes: string[] = [];
  for (const resource of ['/pods', '/nodes', '/events', 'coordination.k8s.io/leases'] as const) {
    c.store.watch(resource, undefined, (e) => changes.push(`${e.type} ${e.resource} ${e.object.key} ${e.resourceVersion}`));
  }
  const simulation = startSimulation(c, { seed, driver: 'manual', clock: new SimulationClock(START) });
  simulation.manual?.advance(ms);
  c.close();
  return changes;
}

describe('startSimulation', () => {
  test('the same seed and cluster give the same sequence of changes', () => {
    const first = record(42, 10 * 60_000);
    expect(first.length).toBeGreaterThan(100);
    expect(record(42, 10 * 60_000)).toEqual(first);
    expect(record(43, 10 * 60_000)).not.toEqual(first);
  });

  test('a Pending pod is scheduled, then its kubelet runs it to Running and Ready', () => {
    const c = cluster();
    const simulation = startSimulation(c, { seed: 1, driver: 'manual', clock: new SimulationClock(START) });
    simulation.manual?.advance(30_000);
    const web = c.store.get('/pods', 'default', 'web-1')?.object as Pod;
    expect(['node1', 'node2']).toContain(web.spec?.nodeName);
    expect(web.status?.phase).toBe('Running');
    expect(web.status?.conditions?.find((condition) => condition.type === 'Ready')?.status).toBe('True');
    const events = eventsAbout(c.store, 'web-1').map((event) => event.split(':')[0]);
    expect(events).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    c.close();
  });

  test('a node whose kubelet stops turns Unknown and its pods are evicted', () => {
    const c = cluster();
    const simulation = startSimulation(c, { seed: 1, driver: 'manual', clock: new SimulationClock(START) });
    simulation.manual?.advance(30_000);
    simulation.kubelets?.stopKubelet('node1');
    simulation.manual?.advance(60_000);
    const node1 = c.store.get('/nodes', undefined, 'node1')?.object as KubeObject & { status: { conditions: { type: string; status: string }[] } };
    expect(node1.status.conditions.find((condition) => condition.type === 'Ready')?.status).toBe('Unknown');
    simulation.manual?.advance(6 * 60_000);
    // Marked for deletion, and left Terminating: nobody but node1's kubelet can finish them.
    const onNode1 = c.store.list('/pods', { index: { name: 'spec.nodeName', value: 'node1' } }).items.map((s) => s.object);
    expect(onNode1.map((pod) => pod.metadata.name).sort()).toEqual(['db', 'web-3']);
    expect(onNode1.every((pod) => pod.metadata.deletionTimestamp !== undefined)).toBe(true);
    expect(eventsAbout(c.store, 'db')).toContain('TaintManagerEviction: Marking for deletion Pod default/db');
    c.close();
  });

  test('the NotReady node gets no pods, and comes up when a scenario readies its kubelet', () => {
    const c = cluster();
    const simulation = startSimulation(c, { seed: 1, driver: 'manual', clock: new SimulationClock(START) });
    simulation.manual?.advance(30_000);
    expect(c.store.list('/pods', { index: { name: 'spec.nodeName', value: 'node3' } }).items).toHaveLength(0);
    simulation.kubelets?.kubelet('node3')?.setReady(true);
    simulation.manual?.advance(10_000);
    const node3 = c.store.get('/nodes', undefined, 'node3')?.object as KubeObject & { spec: { taints?: unknown[] } };
    expect(node3.spec.taints).toBeUndefined();
    c.close();
  });

  test('closing the cluster stops the simulation', () => {
    const c = cluster();
    const simulation = startSimulation(c, { seed: 1, driver: 'manual', clock: new SimulationClock(START) });
    simulation.manual?.advance(30_000);
    c.close();
    const rv = c.store.resourceVersion;
    simulation.manual?.advance(10 * 60_000);
    expect(c.store.resourceVersion).toBe(rv);
  });
});
