import type { Event, Pod } from '../../../../src/cluster/index.js';
import { createReplicaSetController } from '../../../../src/cluster/simulation/replicaset/replicaset-controller.js';
import type { ReplicaSet } from '../../../../src/cluster/simulation/replicaset/workload-objects.js';
import { type Harness, PODS, runningPod, sinceStart, startHarness, WEB_ON_TWO_NODES as CLUSTER } from './workload-harness.js';

const RS = 'apps/replicasets';

function webReplicaSet(h: Harness): ReplicaSet {
  const found = h.list<ReplicaSet>(RS, 'default').find((rs) => rs.metadata.name.startsWith('web-'));
  if (!found) throw new Error('no web ReplicaSet');
  return found;
}

const podsOf = (h: Harness, rs: ReplicaSet): Pod[] =>
  h.list<Pod>(PODS, 'default').filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === rs.metadata.uid));

const events = (h: Harness, reason: string): string[] =>
  h
    .list<Event>('/events', 'default')
    .filter((e) => sinceStart(e) && e.source?.component === 'replicaset-controller' && e.reason === reason)
    .map((e) => e.message ?? '');

describe('the ReplicaSet controller', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness(CLUSTER, [createReplicaSetController()]);
  });
  afterEach(() => h.stop());

  it('changes nothing when it starts over a loaded cluster that is already consistent', () => {
    h.driver.advance(60_000);
    expect(h.writes).toEqual([]);
  });

  it('replaces a pod that was deleted with a new Pending pod from the template, named after the ReplicaSet', () => {
    const rs = webReplicaSet(h);
    const [victim] = podsOf(h, rs);
    h.cluster.store.delete(PODS, 'default', victim?.metadata.name ?? '');
    h.driver.flush();

    const pods = podsOf(h, rs);
    expect(pods).toHaveLength(2);
    const created = pods.find((p) => !p.spec?.nodeName) as Pod;
    expect(created.metadata.name).toMatch(new RegExp(`^${rs.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(created.metadata.generateName).toBe(`${rs.metadata.name}-`);
    expect(created.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(created.metadata.labels).toEqual(rs.spec?.template?.metadata?.labels);
    expect(created.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(created.spec?.volumes?.[0]?.name).toMatch(/^kube-api-access-[a-z0-9]{5}$/);
    expect(created.spec?.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(events(h, 'SuccessfulCreate')).toEqual([`Created pod: ${created.metadata.name}`]);
    expect(webReplicaSet(h).status).toMatchObject({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 1, availableReplicas: 1 });
  });

  it('replaces a pod marked for deletion (an eviction) without waiting for it to go', () => {
    const rs = webReplicaSet(h);
    const [victim] = podsOf(h, rs) as [Pod];
    h.put(PODS, { ...victim, metadata: { ...victim.metadata, deletionTimestamp: '2026-01-01T12:00:30Z', deletionGracePeriodSeconds: 30 } });
    h.driver.flush();
    expect(podsOf(h, rs)).toHaveLength(3);
    expect(podsOf(h, rs).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
  });

  it.each([
    { from: 2, to: 4, pending: 2 },
    { from: 2, to: 3, pending: 1 },
  ])('scaled from $from to $to, creates $pending Pending pods without a node', ({ to, pending }) => {
    const rs = webReplicaSet(h);
    h.put(RS, { ...rs, metadata: { ...rs.metadata, generation: 2 }, spec: { ...rs.spec, selector: rs.spec?.selector ?? {}, replicas: to } });
    h.driver.flush();

    const unbound = podsOf(h, rs).filter((p) => !p.spec?.nodeName);
    expect(unbound).toHaveLength(pending);
    expect(unbound.every((p) => p.status?.phase === 'Pending')).toBe(true);
    expect(events(h, 'SuccessfulCreate')).toHaveLength(pending);
    expect(webReplicaSet(h).status).toEqual({ replicas: to, fullyLabeledReplicas: to, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 });
  });

  it('scaled down, deletes the pods that are not ready first and counts the rest', () => {
    const rs = webReplicaSet(h);
    const [first, second] = podsOf(h, rs) as [Pod, Pod];
    h.put(PODS, runningPod(second, second.spec?.nodeName ?? '', second.status?.podIP ?? '', false, h.clock.now()));
    h.put(RS, { ...rs, metadata: { ...rs.metadata, generation: 2 }, spec: { ...rs.spec, selector: rs.spec?.selector ?? {}, replicas: 1 } });
    h.driver.flush();

    expect(h.get<Pod>(PODS, 'default', second.metadata.name).metadata.deletionTimestamp).toBe('2026-01-01T12:00:30Z');
    expect(h.get<Pod>(PODS, 'default', first.metadata.name).metadata.deletionTimestamp).toBeUndefined();
    expect(events(h, 'SuccessfulDelete')).toEqual([`Deleted pod: ${second.metadata.name}`]);
    expect(webReplicaSet(h).status).toEqual({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 2 });
  });

  it('counts a pod available only once it has been Ready for minReadySeconds', () => {
    const rs = webReplicaSet(h);
    h.put(RS, { ...rs, spec: { ...rs.spec, selector: rs.spec?.selector ?? {}, minReadySeconds: 10 } });
    const [pod] = podsOf(h, rs) as [Pod];
    h.put(PODS, runningPod(pod, 'node1', '10.244.0.9', true, h.clock.now()));
    h.driver.flush();
    expect(webReplicaSet(h).status?.availableReplicas).toBe(1);
    h.driver.advance(10_000);
    expect(webReplicaSet(h).status?.availableReplicas).toBe(2);
  });
});
