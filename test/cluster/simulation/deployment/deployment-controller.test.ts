import type { Event, Pod } from '../../../../src/cluster/index.js';
import { createDeploymentController } from '../../../../src/cluster/simulation/deployment/deployment-controller.js';
import { createReplicaSetController } from '../../../../src/cluster/simulation/replicaset/replicaset-controller.js';
import type { Deployment, ReplicaSet } from '../../../../src/cluster/simulation/replicaset/workload-objects.js';
import { type Harness, PODS, runningPod, sinceStart, startHarness, WEB_ON_TWO_NODES as CLUSTER } from '../replicaset/workload-harness.js';

const DEPLOYMENTS = 'apps/deployments';
const RS = 'apps/replicasets';

const scalingEvents = (h: Harness): string[] =>
  h
    .list<Event>('/events', 'default')
    .filter((e) => sinceStart(e) && e.source?.component === 'deployment-controller' && e.reason === 'ScalingReplicaSet')
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => e.message ?? '');

const replicaSets = (h: Harness): ReplicaSet[] => h.list<ReplicaSet>(RS, 'default');
const web = (h: Harness): Deployment => h.get<Deployment>(DEPLOYMENTS, 'default', 'web');

/** Plays scheduler and kubelet: every pod not yet bound is bound and turns Running and Ready. */
function runPendingPods(h: Harness): number {
  const pending = h.list<Pod>(PODS, 'default').filter((p) => !p.spec?.nodeName);
  pending.forEach((pod, i) => h.put(PODS, runningPod(pod, `node${(i % 2) + 1}`, `10.244.9.${i + 10}`, true, h.clock.now())));
  h.driver.advance(1_000);
  return pending.length;
}

/** Plays the kubelet finishing terminating pods. */
function removeTerminatingPods(h: Harness): void {
  for (const pod of h.list<Pod>(PODS, 'default').filter((p) => p.metadata.deletionTimestamp)) h.cluster.store.delete(PODS, 'default', pod.metadata.name);
  h.driver.flush();
}

describe('the Deployment controller', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness(CLUSTER, [createDeploymentController(), createReplicaSetController()]);
  });
  afterEach(() => h.stop());

  it('changes nothing when it starts over a loaded cluster that is already consistent', () => {
    h.driver.advance(60_000);
    expect(h.writes).toEqual([]);
  });

  it('scaled from 2 to 4, scales its ReplicaSet up and gets two Pending pods', () => {
    const [rs] = replicaSets(h) as [ReplicaSet];
    const deployment = web(h);
    h.put(DEPLOYMENTS, {
      ...deployment,
      metadata: { ...deployment.metadata, generation: 2 },
      spec: { ...deployment.spec, selector: deployment.spec?.selector ?? {}, template: deployment.spec?.template ?? {}, replicas: 4 },
    });
    h.driver.flush();

    expect(scalingEvents(h)).toEqual([`Scaled up replica set ${rs.metadata.name} from 2 to 4`]);
    expect(h.get<ReplicaSet>(RS, 'default', rs.metadata.name).spec?.replicas).toBe(4);
    expect(h.get<ReplicaSet>(RS, 'default', rs.metadata.name).metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
    expect(h.list<Pod>(PODS, 'default').filter((p) => !p.spec?.nodeName && p.status?.phase === 'Pending')).toHaveLength(2);
    expect(web(h).status).toMatchObject({
      observedGeneration: 2,
      replicas: 4,
      updatedReplicas: 4,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 2,
    });

    runPendingPods(h);
    expect(web(h).status).toMatchObject({ replicas: 4, readyReplicas: 4, availableReplicas: 4 });
    expect(web(h).status?.unavailableReplicas).toBeUndefined();
  });

  it('rolls a new template out to a new ReplicaSet step by step and scales the old one to 0', () => {
    const [old] = replicaSets(h) as [ReplicaSet];
    const deployment = web(h);
    const template = structuredClone(deployment.spec?.template ?? {});
    (template.spec?.containers[0] ?? { name: '' }).image = 'nginx:1.27';
    h.put(DEPLOYMENTS, {
      ...deployment,
      metadata: { ...deployment.metadata, generation: 2 },
      spec: { ...deployment.spec, selector: deployment.spec?.selector ?? {}, template },
    });
    h.driver.flush();

    const created = replicaSets(h).find((rs) => rs.metadata.name !== old.metadata.name) as ReplicaSet;
    const hash = created.metadata.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(created.metadata.name).toBe(`web-${hash}`);
    expect(created.spec?.selector?.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(created.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
      'deployment.kubernetes.io/revision': '2',
    });
    expect(web(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    // maxSurge 25% of 2 rounds up to 1, maxUnavailable rounds down to 0: one new pod before any old one goes.
    expect(scalingEvents(h)).toEqual([`Scaled up replica set ${created.metadata.name} from 0 to 1`]);
    expect(web(h).status?.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'True',
      reason: 'ReplicaSetUpdated',
      message: `ReplicaSet "${created.metadata.name}" is progressing.`,
    });

    for (let step = 0; step < 5 && runPendingPods(h) > 0; step++) removeTerminatingPods(h);

    expect(scalingEvents(h)).toEqual([
      `Scaled up replica set ${created.metadata.name} from 0 to 1`,
      `Scaled down replica set ${old.metadata.name} from 2 to 1`,
      `Scaled up replica set ${created.metadata.name} from 1 to 2`,
      `Scaled down replica set ${old.metadata.name} from 1 to 0`,
    ]);
    expect(h.get<ReplicaSet>(RS, 'default', old.metadata.name).spec?.replicas).toBe(0);
    expect(h.get<ReplicaSet>(RS, 'default', created.metadata.name).status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
    const status = web(h).status;
    expect(status).toMatchObject({ observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
    expect(status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
    expect(h.list<Pod>(PODS, 'default').every((p) => p.metadata.labels?.['pod-template-hash'] === hash)).toBe(true);
  });

  it('names the new ReplicaSet after its template alone: the same template gives the same name', () => {
    const deployment = web(h);
    const template = structuredClone(deployment.spec?.template ?? {});
    (template.spec?.containers[0] ?? { name: '' }).image = 'nginx:1.27';
    const change = {
      ...deployment,
      metadata: { ...deployment.metadata, generation: 2 },
      spec: { ...deployment.spec, selector: deployment.spec?.selector ?? {}, template },
    };
    h.put(DEPLOYMENTS, change);
    h.driver.flush();
    const names = replicaSets(h).map((rs) => rs.metadata.name);

    const other = startHarness(CLUSTER, [createDeploymentController(), createReplicaSetController()]);
    other.put(DEPLOYMENTS, change);
    other.driver.flush();
    expect(other.list<ReplicaSet>(RS, 'default').map((rs) => rs.metadata.name)).toEqual(names);
    other.stop();
  });
});
