import type { Node } from '../../../../src/cluster/objects.js';
import { daemonNodes, DaemonVerdicts } from '../../../../src/cluster/simulation/daemonset/daemon-pods.js';
import type { DaemonSet } from '../../../../src/cluster/simulation/replicaset/workload-objects.js';

const node = (name: string, labels: Record<string, string> = {}, taints: { key: string; effect: string }[] = []): Node => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  spec: { taints },
});
const stored = (nodes: Node[]) => nodes.map((object) => ({ object }));
const daemonSet = (nodeSelector?: Record<string, string>): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'kube-system', uid: 'uid-agent' },
  spec: { selector: {}, template: { spec: { containers: [{ name: 'agent' }], ...(nodeSelector ? { nodeSelector } : {}) } } },
});

describe('DaemonVerdicts', () => {
  const nodes = [node('a', { pool: 'x' }), node('b', { pool: 'y' }), node('c', { pool: 'x' }, [{ key: 'dedicated', effect: 'NoSchedule' }])];

  test('says what daemonNodes says, by name too', () => {
    const ds = daemonSet({ pool: 'x' });
    const verdicts = new DaemonVerdicts().of('kube-system/agent', ds, stored(nodes));
    expect(verdicts.list).toEqual(daemonNodes(ds, nodes));
    expect(verdicts.byName.get('c')).toEqual({ name: 'c', shouldRun: false, shouldContinueRunning: true });
  });

  test('the same template and node list: the same verdicts, weighed once', () => {
    const ds = daemonSet();
    const kept = new DaemonVerdicts();
    const list = stored(nodes);
    const first = kept.of('kube-system/agent', ds, list);
    // A status write keeps the template object: nothing is weighed again.
    expect(kept.of('kube-system/agent', { ...ds, status: { numberReady: 1 } } as DaemonSet, list).list).toBe(first.list);
  });

  test('a changed node is weighed again, and only it; a changed template weighs every node again', () => {
    const ds = daemonSet({ pool: 'x' });
    const kept = new DaemonVerdicts();
    const first = kept.of('kube-system/agent', ds, stored(nodes)).list;
    const relabelled = [nodes[0] as Node, node('b', { pool: 'x' }), nodes[2] as Node];
    const second = kept.of('kube-system/agent', ds, stored(relabelled)).list;
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]).toEqual({ name: 'b', shouldRun: true, shouldContinueRunning: true });
    const third = kept.of('kube-system/agent', daemonSet({ pool: 'y' }), stored(relabelled)).list;
    expect(third.map((verdict) => verdict.shouldContinueRunning)).toEqual([false, false, false]);
  });
});
