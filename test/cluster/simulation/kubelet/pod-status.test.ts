import type { Pod } from '../../../../src/cluster/objects.js';
import { ContainerRun } from '../../../../src/cluster/simulation/kubelet/container-run.js';
import { podStatus } from '../../../../src/cluster/simulation/kubelet/pod-status.js';

const EARLIER = '2026-01-01T11:59:00Z';
const NOW = '2026-01-01T12:00:00Z';

function container(name: string, progress: { started?: boolean; ready?: boolean } = {}): ContainerRun {
  const run = new ContainerRun({ name, image: 'nginx:1.17' }, {}, 'docker-pullable://nginx@sha256:0', undefined);
  if (progress.started) {
    run.started = true;
    run.state = { running: { startedAt: EARLIER } };
    run.containerID = `docker://${name}`;
  }
  run.ready = progress.ready ?? false;
  return run;
}

const pending: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default' }, spec: { containers: [], nodeName: 'node1' } };
const facts = { now: NOW, hostIP: '192.168.0.18', podIP: undefined, startTime: EARLIER };
const conditions = (status: ReturnType<typeof podStatus>): string[] =>
  (status.conditions ?? []).map((c) => `${c.type}=${c.status}${c.reason ? `(${c.reason})` : ''}`);

describe('the pod status the kubelet posts', () => {
  test('while a container is being created: Pending, not Ready, no pod IP yet', () => {
    const status = podStatus(pending, [container('web')], facts);
    expect(status.phase).toBe('Pending');
    expect(conditions(status)).toEqual([
      'Initialized=True',
      'Ready=False(ContainersNotReady)',
      'ContainersReady=False(ContainersNotReady)',
      'PodScheduled=True',
    ]);
    expect(status.conditions?.[1]).toMatchObject({ message: 'containers with unready status: [web]', lastProbeTime: null, lastTransitionTime: NOW });
    expect(status).toMatchObject({ hostIP: '192.168.0.18', hostIPs: [{ ip: '192.168.0.18' }], startTime: EARLIER, qosClass: 'BestEffort' });
    expect(status.podIP).toBeUndefined();
    expect(status.containerStatuses?.[0]).toMatchObject({
      name: 'web',
      ready: false,
      started: false,
      state: { waiting: { reason: 'ContainerCreating' } },
      imageID: '',
    });
  });

  test('once every container runs and is ready: Running and Ready, with the pod IP', () => {
    const status = podStatus(pending, [container('web', { started: true, ready: true }), container('sidecar', { started: true, ready: true })], {
      ...facts,
      podIP: '10.244.1.2',
    });
    expect(status.phase).toBe('Running');
    expect(conditions(status)).toEqual(['Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(status).toMatchObject({ podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }] });
  });

  test('a condition keeps its transition time while its status holds, and takes now when it flips', () => {
    const before = podStatus(pending, [container('web', { started: true, ready: true })], { ...facts, now: EARLIER });
    const stillReady = podStatus({ ...pending, status: before }, [container('web', { started: true, ready: true })], facts);
    expect(stillReady.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime).toBe(EARLIER);
    const notReady = podStatus({ ...pending, status: before }, [container('web', { started: true, ready: false })], facts);
    expect(notReady.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', lastTransitionTime: NOW });
    // A running pod stays Running while a container restarts.
    expect(notReady.phase).toBe('Running');
  });

  test('leaves the pod it is given unchanged', () => {
    const pod = structuredClone(pending);
    podStatus(pod, [container('web')], facts);
    expect(pod).toEqual(pending);
  });
});
