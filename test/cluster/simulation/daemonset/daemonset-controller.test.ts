import { jest } from '@jest/globals';
import type { Event, Node, Pod } from '../../../../src/cluster/index.js';
import { createDaemonSetController } from '../../../../src/cluster/simulation/daemonset/daemonset-controller.js';
import type { DaemonSet } from '../../../../src/cluster/simulation/replicaset/workload-objects.js';
import { type Harness, PODS, runningPod, startHarness } from '../replicaset/workload-harness.js';
import { targetNodeName } from '../../../../src/cluster/simulation/daemonset/daemon-pods.js';

const DAEMONSETS = 'apps/daemonsets';
const NODES = '/nodes';

const CLUSTER = `
nodes:
  - { name: node1, internalIP: 10.0.0.1, roles: [control-plane] }
  - { name: node2, internalIP: 10.0.0.2 }
workloads:
  - name: agent
    namespace: kube-system
    kind: DaemonSet
    age: 10m
    labels: { app: agent }
    image: registry.k8s.io/agent:1.0
    tolerations: [{ key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule }]
  - name: linux-only
    namespace: kube-system
    kind: DaemonSet
    age: 10m
    labels: { app: linux-only }
    nodeSelector: { kubernetes.io/os: linux }
    image: registry.k8s.io/agent:1.0
`;

const daemonPods = (h: Harness, ds: string): Pod[] => h.list<Pod>(PODS, 'kube-system').filter((p) => p.metadata.ownerReferences?.some((o) => o.name === ds));
/** The node a daemon pod is for: bound or not yet (the scheduler binds it), its node affinity names it. */
const nodeOf = (pod: Pod): string => targetNodeName(pod) ?? '';
const agent = (h: Harness): DaemonSet => h.get<DaemonSet>(DAEMONSETS, 'kube-system', 'agent');

/** A node joining: a copy of node2 under another name, with its own labels and taints. */
function joinNode(h: Harness, name: string, change: (node: Node) => void = () => undefined): void {
  const node = structuredClone(h.get<Node>(NODES, '', 'node2'));
  node.metadata = { name, labels: { ...node.metadata.labels, 'kubernetes.io/hostname': name }, creationTimestamp: node.metadata.creationTimestamp ?? '' };
  change(node);
  h.cluster.store.create(NODES, node);
  h.driver.flush();
}

describe('the DaemonSet controller', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness(CLUSTER, [createDaemonSetController()]);
  });
  afterEach(() => h.stop());

  it('changes nothing when it starts over a loaded cluster that is already consistent', () => {
    h.driver.advance(60_000);
    expect(h.writes).toEqual([]);
    expect(daemonPods(h, 'agent').map(nodeOf).sort()).toEqual(['node1', 'node2']);
  });

  it('runs a pod for a node that joins later, aimed at it by node affinity for the scheduler to bind, with the daemon tolerations', () => {
    const before = daemonPods(h, 'agent')[0] as Pod;
    joinNode(h, 'node3');

    const pod = daemonPods(h, 'agent').find((p) => nodeOf(p) === 'node3') as Pod;
    expect(pod.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toEqual({ ...before.metadata.labels });
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node3'] }] },
    ]);
    expect(pod.spec?.tolerations?.map((t) => `${t.key}:${t.effect}${t.tolerationSeconds === undefined ? '' : `:${t.tolerationSeconds}`}`)).toEqual([
      'node-role.kubernetes.io/control-plane:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const events = h.list<Event>('/events', 'kube-system').filter((e) => e.source?.component === 'daemonset-controller');
    expect(events.map((e) => `${e.involvedObject.name} ${e.reason} ${e.message}`)).toContain(`agent SuccessfulCreate Created pod: ${pod.metadata.name}`);
    expect(agent(h).status).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 2,
      numberAvailable: 2,
      numberUnavailable: 1,
      updatedNumberScheduled: 3,
    });

    h.put(PODS, runningPod(pod, 'node3', '10.0.0.3', true, h.clock.now()));
    h.driver.flush();
    expect(agent(h).status).toMatchObject({ desiredNumberScheduled: 3, numberReady: 3, numberAvailable: 3 });
    expect(agent(h).status?.numberUnavailable).toBeUndefined();
  });

  it.each([
    {
      joining: 'a node that is not ready (tolerated)',
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
      labels: {},
      agent: 1,
      linuxOnly: 1,
    },
    {
      joining: 'a node with an untolerated NoSchedule taint',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      labels: {},
      agent: 0,
      linuxOnly: 0,
    },
    { joining: 'a node not matching the nodeSelector', taints: [], labels: { 'kubernetes.io/os': 'windows' }, agent: 1, linuxOnly: 0 },
  ] as { joining: string; taints: { key: string; value?: string; effect: string }[]; labels: Record<string, string>; agent: number; linuxOnly: number }[])(
    'on $joining, runs $agent agent and $linuxOnly linux-only pods',
    ({ taints, labels, agent: agents, linuxOnly }) => {
      joinNode(h, 'node3', (node) => {
        node.spec = { ...node.spec, taints };
        node.metadata.labels = { ...node.metadata.labels, ...labels };
      });
      expect(daemonPods(h, 'agent').filter((p) => nodeOf(p) === 'node3')).toHaveLength(agents);
      expect(daemonPods(h, 'linux-only').filter((p) => nodeOf(p) === 'node3')).toHaveLength(linuxOnly);
    },
  );

  it('wakes, for a changed node, only the DaemonSets whose verdict on it changed (updateNode)', () => {
    h.driver.advance(60_000);
    const synced: string[] = [];
    const get = h.cluster.store.get.bind(h.cluster.store);
    const spy = jest.spyOn(h.cluster.store, 'get').mockImplementation((resource, namespace, name) => {
      if (resource === DAEMONSETS) synced.push(name);
      return get(resource, namespace, name);
    });
    const relabel = (change: (labels: Record<string, string>) => void): void => {
      const node = structuredClone(h.get<Node>(NODES, '', 'node2'));
      const labels = { ...node.metadata.labels };
      change(labels);
      h.cluster.store.update(NODES, { ...node, metadata: { ...node.metadata, labels } });
      h.driver.flush();
    };
    try {
      relabel((labels) => (labels['team'] = 'payments'));
      expect(synced).toEqual([]);
      relabel((labels) => delete labels['kubernetes.io/os']);
      expect(new Set(synced)).toEqual(new Set(['linux-only']));
    } finally {
      spy.mockRestore();
    }
    // Its pod there is on its way out (deleted gracefully: no kubelet here finishes it).
    expect(daemonPods(h, 'linux-only').map((p) => `${nodeOf(p)} ${p.metadata.deletionTimestamp ? 'terminating' : 'running'}`)).toEqual(['node2 terminating']);
  });

  it('removes the pod of a node that is gone', () => {
    h.cluster.store.delete(NODES, undefined, 'node2');
    h.driver.flush();
    expect(daemonPods(h, 'agent').map(nodeOf)).toEqual(['node1']);
    expect(agent(h).status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1 });
  });

  it('replaces the pods one node at a time when the template changes', () => {
    const ds = agent(h);
    const template = structuredClone(ds.spec?.template ?? {});
    (template.spec?.containers[0] ?? { name: '' }).image = 'registry.k8s.io/agent:2.0';
    h.put(DAEMONSETS, {
      ...ds,
      metadata: { ...ds.metadata, generation: 2, annotations: { 'deprecated.daemonset.template.generation': '2' } },
      spec: { ...ds.spec, selector: ds.spec?.selector ?? {}, template },
    });
    h.driver.flush();
    const [terminating, ...others] = daemonPods(h, 'agent').sort((a, b) => Number(!a.metadata.deletionTimestamp) - Number(!b.metadata.deletionTimestamp));
    expect(terminating?.metadata.deletionTimestamp).toBeDefined();
    expect(others.every((p) => !p.metadata.deletionTimestamp)).toBe(true);
    expect(agent(h).status).toMatchObject({ observedGeneration: 2 });
    expect(agent(h).status?.updatedNumberScheduled).toBeUndefined();

    // The kubelet removes the stopped pod; only then does its node get a pod of the new template.
    h.cluster.store.delete(PODS, 'kube-system', terminating?.metadata.name ?? '');
    h.driver.flush();
    const replacement = daemonPods(h, 'agent').find((p) => nodeOf(p) === nodeOf(terminating as Pod)) as Pod;
    expect(replacement.spec?.containers[0]?.image).toBe('registry.k8s.io/agent:2.0');
    expect(replacement.metadata.labels?.['pod-template-generation']).toBe('2');
    expect(replacement.metadata.labels?.['controller-revision-hash']).not.toBe(terminating?.metadata.labels?.['controller-revision-hash']);
    expect(agent(h).status?.updatedNumberScheduled).toBe(1);
  });
});
