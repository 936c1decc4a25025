import type { Node, Pod } from '../../../../src/cluster/objects.js';
import { Kubelet } from '../../../../src/cluster/simulation/kubelet/kubelet.js';
import { NodeLifecycleController } from '../../../../src/cluster/simulation/node-lifecycle/node-lifecycle-controller.js';
import { eventsAbout, iso, nodes, pods, START, testSimulation } from '../simulation-test-cluster.js';

function setup() {
  const sim = testSimulation([
    ...nodes({ name: 'node1' }, { name: 'node2' }),
    ...pods(
      { name: 'web-1', nodeName: 'node2' },
      {
        name: 'patient',
        nodeName: 'node2',
        tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 600 }],
      },
      { name: 'daemon', nodeName: 'node2', tolerations: [{ operator: 'Exists' }] },
      { name: 'web-2', nodeName: 'node1' },
    ),
  ]);
  const kubelets = ['node1', 'node2'].map((nodeName) => new Kubelet({ nodeName }));
  for (const kubelet of kubelets) kubelet.start(sim.context);
  const controller = new NodeLifecycleController();
  controller.start(sim.context);
  const node = (name: string) => sim.store.get('/nodes', undefined, name)?.object as Node;
  const pod = (name: string) => sim.store.get('/pods', 'default', name)?.object as Pod | undefined;
  return { ...sim, kubelets, controller, node, pod };
}

describe('node lifecycle controller', () => {
  test('leaves nodes whose kubelets renew their Lease alone', () => {
    const sim = setup();
    sim.driver.advance(5 * 60_000);
    expect(sim.node('node2').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(sim.node('node2').spec?.taints).toBeUndefined();
  });

  test('a node that stops renewing turns Unknown after the 40 s grace, is tainted, and its pods marked not Ready', () => {
    const sim = setup();
    sim.driver.advance(20_000);
    sim.kubelets[1]?.stop();
    sim.driver.advance(40_000);
    expect(sim.node('node2').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    sim.driver.advance(10_000);
    const conditions = sim.node('node2').status?.conditions ?? [];
    expect(conditions.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)).toEqual([
      'MemoryPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'DiskPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'PIDPressure=Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
      'Ready=Unknown NodeStatusUnknown: Kubelet stopped posting node status.',
    ]);
    const unknownAt = Date.parse(conditions[3]?.lastTransitionTime ?? '');
    expect(unknownAt - START).toBeGreaterThan(60_000);
    expect(unknownAt - START).toBeLessThanOrEqual(65_000);
    expect(sim.node('node2').spec?.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: iso(unknownAt) },
    ]);
    expect(eventsAbout(sim.store, 'node2')).toContain('NodeNotReady: Node node2 status is now: NodeNotReady');
    expect(eventsAbout(sim.store, 'web-1')).toContain('NodeNotReady: Node is not ready');
    expect(sim.pod('web-1')?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(sim.node('node1').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  test('pods are evicted when their toleration runs out: 300 s by default, theirs if longer, never if unbounded', () => {
    const sim = setup();
    sim.driver.advance(10_000);
    sim.kubelets[1]?.stop();
    sim.driver.advance(60_000);
    const taintedAt = Date.parse(sim.node('node2').spec?.taints?.[1]?.timeAdded ?? '');
    sim.driver.runUntil(taintedAt + 300_000 - 1);
    expect(sim.pod('web-1')?.metadata.deletionTimestamp).toBeUndefined();
    sim.driver.runUntil(taintedAt + 300_000);
    expect(sim.pod('web-1')?.metadata).toMatchObject({ deletionTimestamp: iso(taintedAt + 330_000), deletionGracePeriodSeconds: 30 });
    expect(eventsAbout(sim.store, 'web-1')).toContain('TaintManagerEviction: Marking for deletion Pod default/web-1');
    // With node2's kubelet gone nothing completes the deletion: the pod stays Terminating.
    sim.driver.runUntil(taintedAt + 330_000 + 60_000);
    expect(sim.pod('web-1')?.metadata.deletionTimestamp).toBe(iso(taintedAt + 330_000));
    sim.driver.runUntil(taintedAt + 600_000);
    expect(sim.pod('patient')?.metadata.deletionTimestamp).toBe(iso(taintedAt + 630_000));
    sim.driver.advance(60 * 60_000);
    expect(sim.pod('daemon')?.metadata.deletionTimestamp).toBeUndefined();
    expect(sim.pod('web-2')?.metadata.deletionTimestamp).toBeUndefined();
  });

  test('a node that comes back before the toleration runs out keeps its pods and loses its taints', () => {
    const sim = setup();
    sim.kubelets[1]?.stop();
    sim.driver.advance(2 * 60_000);
    expect(sim.node('node2').spec?.taints).toHaveLength(2);
    new Kubelet({ nodeName: 'node2' }).start(sim.context);
    sim.driver.advance(10 * 60_000);
    expect(sim.node('node2').spec?.taints).toBeUndefined();
    expect(sim.node('node2').status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(sim.pod('web-1')?.metadata.deletionTimestamp).toBeUndefined();
  });

  test('a node reporting Ready=False gets the not-ready taints; unschedulable gets its NoSchedule taint', () => {
    const sim = testSimulation(nodes({ name: 'node3', ready: 'False' }, { name: 'node4', unschedulable: true }));
    new NodeLifecycleController().start(sim.context);
    sim.driver.flush();
    const taints = (name: string) => (sim.store.get('/nodes', undefined, name)?.object as Node).spec?.taints?.map((t) => `${t.key}:${t.effect}`);
    expect(taints('node3')).toEqual(['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
    expect(taints('node4')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
  });

  test('a node that joins is registered', () => {
    const sim = testSimulation(nodes({ name: 'node1' }));
    new NodeLifecycleController().start(sim.context);
    sim.store.create('/nodes', (nodes({ name: 'node5' })[0] as { object: Node }).object);
    sim.driver.flush();
    expect(eventsAbout(sim.store, 'node5')).toEqual(['RegisteredNode: Node node5 event: Registered Node node5 in Controller']);
  });
});
