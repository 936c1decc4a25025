import type { KubeObject, Pod } from '../../../../src/cluster/objects.js';
import { fitErrorMessage } from '../../../../src/cluster/simulation/scheduler/node-fit.js';
import { Scheduler, tiedInNameOrder } from '../../../../src/cluster/simulation/scheduler/scheduler.js';
import { SeededRandom } from '../../../../src/cluster/simulation/random.js';
import { eventsAbout, type NodeSpec, nodes, pod, type PodSpec, pods, testSimulation } from '../simulation-test-cluster.js';

const MASTER = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' };

function schedule(nodeSpecs: NodeSpec[], podSpecs: PodSpec[], seed = 7) {
  const sim = testSimulation([...nodes(...nodeSpecs), ...pods(...podSpecs)], seed);
  new Scheduler().start(sim.context);
  sim.driver.flush();
  const pod = (name: string) => sim.store.get('/pods', 'default', name)?.object as Pod;
  return { ...sim, pod };
}

describe('scheduler', () => {
  test('binds a Pending pod to a feasible node with PodScheduled and a Scheduled event', () => {
    const sim = schedule([{ name: 'node1', taints: [MASTER] }, { name: 'node2' }], [{ name: 'web-1' }]);
    expect(sim.pod('web-1').spec?.nodeName).toBe('node2');
    expect(sim.pod('web-1').status?.conditions).toEqual([
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T12:00:00Z' },
    ]);
    expect(eventsAbout(sim.store, 'web-1')).toEqual(['Scheduled: Successfully assigned default/web-1 to node2']);
    const event = sim.store.list('/events').items[0]?.object as KubeObject & { source: unknown };
    expect(event.source).toEqual({ component: 'default-scheduler' });
  });

  test('spreads pods over the least allocated nodes', () => {
    const names = Array.from({ length: 6 }, (_, i) => `web-${i}`);
    const sim = schedule(
      [{ name: 'node1' }, { name: 'node2' }, { name: 'node3' }],
      names.map((name) => ({ name, cpu: '100m', memory: '100Mi' })),
    );
    const perNode = new Map<string, number>();
    for (const name of names) perNode.set(sim.pod(name).spec?.nodeName ?? '', (perNode.get(sim.pod(name).spec?.nodeName ?? '') ?? 0) + 1);
    expect([...perNode.entries()].sort()).toEqual([
      ['node1', 2],
      ['node2', 2],
      ['node3', 2],
    ]);
  });

  test('ties are broken by the seeded random: the same seed picks the same node', () => {
    const pick = (seed: number) => schedule([{ name: 'node1' }, { name: 'node2' }, { name: 'node3' }], [{ name: 'web-1' }], seed).pod('web-1').spec?.nodeName;
    expect(pick(11)).toBe(pick(11));
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(pick)).size).toBeGreaterThan(1);
  });

  test.each<[string, NodeSpec[], PodSpec, string]>([
    [
      'a master taint and cordoned workers',
      [
        { name: 'master', taints: [MASTER] },
        { name: 'node1', unschedulable: true },
        { name: 'node2', unschedulable: true },
        { name: 'node3', unschedulable: true },
      ],
      { name: 'web-1' },
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/master: }, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    ],
    [
      'not enough cpu and memory',
      [
        { name: 'node1', cpu: '1', memory: '1Gi' },
        { name: 'node2', cpu: '4', memory: '1Gi' },
      ],
      { name: 'big', cpu: '2', memory: '2Gi' },
      '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    ],
    [
      'a nodeSelector no node matches and a not-ready node',
      [
        { name: 'node1', labels: { disk: 'hdd' } },
        { name: 'node2', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] },
      ],
      { name: 'db', nodeSelector: { disk: 'ssd' } },
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ],
  ])('with %s, records FailedScheduling with the real text', (_, nodeSpecs, podSpec, message) => {
    const sim = schedule(nodeSpecs, [podSpec]);
    const pod = sim.pod(podSpec.name);
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(pod.status?.conditions?.[0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });
    expect(eventsAbout(sim.store, podSpec.name)).toEqual([`FailedScheduling: ${message}`]);
  });

  test('with no nodes at all, says so', () => {
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
  });

  test('a pod that did not fit is retried when a node changes, and bound', () => {
    const sim = schedule([{ name: 'node1', unschedulable: true }], [{ name: 'web-1' }]);
    const node = structuredClone(sim.store.get('/nodes', undefined, 'node1')?.object as KubeObject & { spec: Record<string, unknown> });
    delete node.spec.unschedulable;
    sim.store.update('/nodes', node);
    sim.driver.advance(1_000);
    expect(sim.pod('web-1').spec?.nodeName).toBe('node1');
    expect(eventsAbout(sim.store, 'web-1').at(-1)).toBe('Scheduled: Successfully assigned default/web-1 to node1');
  });

  test("bound, terminating and other schedulers' pods are left alone", () => {
    const sim = testSimulation([...nodes({ name: 'node1' }), ...pods({ name: 'bound', nodeName: 'node1' })]);
    const other = pod({ name: 'other' });
    (other.spec as Record<string, unknown>).schedulerName = 'my-scheduler';
    sim.store.create('/pods', other);
    new Scheduler().start(sim.context);
    sim.driver.advance(60_000);
    expect(sim.store.list('/events').items).toHaveLength(0);
  });
});

describe('tiedInNameOrder', () => {
  test('is the k-th of the tied positions sorted, for searches that wrap past the end of the node list or not', () => {
    const random = new SeededRandom(11);
    for (let run = 0; run < 2_000; run++) {
      const nodes = random.int(1, 40);
      const start = random.int(0, nodes - 1);
      const looked = random.int(1, nodes);
      const met = Array.from({ length: looked }, (_, i) => (start + i) % nodes);
      const tied = met.filter(() => random.chance(0.4));
      if (tied.length === 0) continue;
      const sorted = [...tied].sort((a, b) => a - b);
      for (let k = 0; k < tied.length; k++) expect(tiedInNameOrder(tied, tied.length, start, k)).toBe(sorted[k]);
    }
  });
});

describe('the NodeAffinity PreFilter', () => {
  /** A pod whose required node affinity names its nodes, as a DaemonSet's pods do. */
  const pinned = (name: string, ...nodeNames: string[]): KubeObject => {
    const object = pod({ name });
    const term = { matchFields: [{ key: 'metadata.name', operator: 'In', values: nodeNames }] };
    (object.spec as Record<string, unknown>).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } } };
    return object;
  };
  const run = (nodeSpecs: NodeSpec[], objects: KubeObject[]) => {
    const sim = testSimulation([...nodes(...nodeSpecs), ...objects.map((object) => ({ resource: '/pods' as const, object }))]);
    new Scheduler().start(sim.context);
    sim.driver.flush();
    return { ...sim, pod: (name: string) => sim.store.get('/pods', 'default', name)?.object as Pod };
  };

  test('filters only the nodes the affinity names: a pod pinned to a node goes there', () => {
    const sim = run([{ name: 'node1' }, { name: 'node2' }, { name: 'node3' }], [pinned('proxy-a', 'node2'), pinned('proxy-b', 'node3', 'gone')]);
    expect(sim.pod('proxy-a').spec?.nodeName).toBe('node2');
    expect(sim.pod('proxy-b').spec?.nodeName).toBe('node3');
  });

  test('a pod its named node refuses fails as upstream says it: the other nodes did not satisfy NodeAffinity', () => {
    const sim = run([{ name: 'master', taints: [MASTER] }, { name: 'node1' }, { name: 'node2' }], [pinned('proxy-m', 'master')]);
    const message =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/master: }, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    expect(sim.pod('proxy-m').status?.conditions?.[0]).toMatchObject({ type: 'PodScheduled', status: 'False', message });
  });
});
