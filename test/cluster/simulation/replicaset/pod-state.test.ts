import type { Pod } from '../../../../src/cluster/objects.js';
import { targetNodeName } from '../../../../src/cluster/simulation/daemonset/daemon-pods.js';
import { concernsController } from '../../../../src/cluster/simulation/replicaset/pod-state.js';

const affinityFor = (node: string): NonNullable<Pod['spec']>['affinity'] => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] },
  },
});

const created: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'proxy-abcde',
    namespace: 'kube-system',
    labels: { app: 'proxy' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'proxy', uid: 'ds', controller: true }],
  },
  spec: { containers: [{ name: 'proxy' }], affinity: affinityFor('node1') },
  status: { phase: 'Pending' },
};
const bound: Pod = { ...created, spec: { ...created.spec, containers: created.spec?.containers ?? [], nodeName: 'node1' } };
const creating: Pod = { ...bound, status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] } };
const running: Pod = { ...bound, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] } };
const ready: Pod = { ...bound, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }] } };
const failed: Pod = { ...bound, status: { phase: 'Failed' } };

describe('concernsController', () => {
  test('a ReplicaSet is woken by what its sync reads: counting, readiness, labels, ownership', () => {
    expect(concernsController(undefined, created)).toBe(true);
    expect(concernsController(created, undefined)).toBe(true);
    expect(concernsController(created, bound)).toBe(false);
    expect(concernsController(creating, running)).toBe(false);
    expect(concernsController(running, ready)).toBe(true);
    expect(concernsController(running, failed)).toBe(true);
    expect(concernsController(ready, { ...ready, metadata: { ...ready.metadata, labels: { app: 'other' } } })).toBe(true);
    expect(concernsController(ready, { ...ready, metadata: { ...ready.metadata, deletionTimestamp: '2026-01-01T00:00:30Z' } })).toBe(true);
  });

  test('a DaemonSet also by the node a pod is for, which its bind to that very node does not change', () => {
    expect(concernsController(created, bound, targetNodeName)).toBe(false);
    expect(concernsController(bound, creating, targetNodeName)).toBe(false);
    expect(concernsController(creating, running, targetNodeName)).toBe(false);
    expect(concernsController(created, { ...created, spec: { ...created.spec, containers: [], affinity: affinityFor('node2') } }, targetNodeName)).toBe(true);
    expect(concernsController(created, { ...bound, spec: { ...bound.spec, containers: [], nodeName: 'node2' } }, targetNodeName)).toBe(true);
    expect(concernsController(running, failed, targetNodeName)).toBe(true);
  });
});
