import type { KubeObject, Node, Pod } from '../../../../src/cluster/objects.js';
import { Kubelet } from '../../../../src/cluster/simulation/kubelet/kubelet.js';
import type { ContainerBehaviour } from '../../../../src/cluster/simulation/kubelet/kubelet-config.js';
import { eventsAbout, iso, nodes, type PodSpec, pods, START, testSimulation } from '../simulation-test-cluster.js';

function runKubelet(podSpecs: PodSpec[], options: { ready?: boolean; behaviour?: ContainerBehaviour; kubeletVersion?: string } = {}) {
  const sim = testSimulation([
    ...nodes({
      name: 'node1',
      ready: options.ready === false ? 'False' : 'True',
      ...(options.kubeletVersion ? { kubeletVersion: options.kubeletVersion } : {}),
    }),
    ...pods(...podSpecs),
  ]);
  const kubelet = new Kubelet({ nodeName: 'node1', ready: options.ready ?? true, behaviours: () => options.behaviour });
  kubelet.start(sim.context);
  const getPod = (name: string) => sim.store.get('/pods', 'default', name)?.object as Pod;
  const getNode = () => sim.store.get('/nodes', undefined, 'node1')?.object as Node;
  return { ...sim, kubelet, getPod, getNode };
}

/** What DELETE does to a bound pod: a deletionTimestamp at the end of its 30 s grace period. */
function markForDeletion(sim: ReturnType<typeof runKubelet>, name: string, atMs: number): void {
  const marked = structuredClone(sim.getPod(name));
  marked.metadata.deletionTimestamp = iso(atMs);
  marked.metadata.deletionGracePeriodSeconds = 30;
  sim.store.update('/pods', marked);
}

const lease = (sim: ReturnType<typeof runKubelet>) =>
  sim.store.get('coordination.k8s.io/leases', 'kube-node-lease', 'node1')?.object as KubeObject & { spec: Record<string, unknown> };

describe('kubelet: the node', () => {
  /** What a kubelet knows of its machine and flags before it registers: no creation time, conditions or registration taints. */
  const registration = (options: { unschedulable?: boolean } = {}): Node => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node9', uid: 'uid-node9', labels: { 'kubernetes.io/hostname': 'node9' } },
    spec: {
      podCIDR: '10.244.9.0/24',
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      ...(options.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [{ type: 'InternalIP', address: '10.0.0.9' }],
      nodeInfo: { containerRuntimeVersion: 'docker://18.9.6' } as NonNullable<Node['status']>['nodeInfo'],
    },
  });

  test.each([
    ['a Ready node', true, {}, ['node-role.kubernetes.io/control-plane', 'node.kubernetes.io/not-ready'], 'Ready=True KubeletReady'],
    [
      'a cordoned node whose network is not up',
      false,
      { unschedulable: true },
      ['node-role.kubernetes.io/control-plane', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unschedulable'],
      'Ready=False KubeletNotReady',
    ],
  ])('registers %s in one create carrying its first conditions and the taints it registers with', (_, ready, options, taints, readyCondition) => {
    const sim = testSimulation([]);
    new Kubelet({ nodeName: 'node9', ready, registration: registration(options) }).start(sim.context);
    sim.driver.flush();
    const writes = sim.changes.filter((c) => c.resource === '/nodes');
    expect(writes.map((c) => c.type)).toEqual(['ADDED']);
    const node = writes[0]?.object.object as Node;
    expect(node.metadata.creationTimestamp).toBe(iso(START));
    expect(node.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(taints.map((key) => `${key}:NoSchedule`));
    expect(node.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'MemoryPressure=False KubeletHasSufficientMemory',
      'DiskPressure=False KubeletHasNoDiskPressure',
      'PIDPressure=False KubeletHasSufficientPID',
      readyCondition,
    ]);
    expect(node.status?.addresses).toEqual([{ type: 'InternalIP', address: '10.0.0.9' }]);
    // The Ready setter records NodeReady or NodeNotReady only when an existing condition changes (setters.go).
    expect(eventsAbout(sim.store, 'node9').map((e) => e.split(':')[0])).toEqual([
      'Starting',
      'NodeHasSufficientMemory',
      'NodeHasNoDiskPressure',
      'NodeHasSufficientPID',
    ]);
  });

  test('words its NotReady condition after its container runtime', () => {
    const sim = testSimulation([]);
    new Kubelet({ nodeName: 'node9', ready: false, registration: registration() }).start(sim.context);
    sim.driver.flush();
    const node = sim.store.get('/nodes', undefined, 'node9')?.object as Node;
    expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.message).toMatch(/docker: network plugin is not ready: cni config uninitialized$/);
  });

  test('registers nothing when its Node exists', () => {
    const sim = runKubelet([]);
    const kubelet = new Kubelet({ nodeName: 'node1', registration: { ...registration(), metadata: { name: 'node1' } } });
    sim.kubelet.stop();
    kubelet.start(sim.context);
    sim.driver.flush();
    expect(sim.getNode().metadata.uid).toBe('uid-node1');
    expect(sim.getNode().status?.addresses).not.toEqual([{ type: 'InternalIP', address: '10.0.0.9' }]);
  });

  test('creates its Lease in kube-node-lease and renews it every 10 s', () => {
    const sim = runKubelet([]);
    sim.driver.flush();
    expect(lease(sim)).toMatchObject({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'node1', namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node1', uid: 'uid-node1' }] },
      spec: { holderIdentity: 'node1', leaseDurationSeconds: 40, renewTime: '2026-01-01T12:00:00.000000Z' },
    });
    sim.driver.advance(25_000);
    expect(lease(sim).spec.renewTime).toBe('2026-01-01T12:00:20.000000Z');
    const renewals = sim.changes.filter((c) => c.resource === 'coordination.k8s.io/leases').map((c) => c.type);
    expect(renewals).toEqual(['ADDED', 'MODIFIED', 'MODIFIED']);
  });

  test('posts the pressure conditions and Ready, with the events the real kubelet records', () => {
    const sim = runKubelet([]);
    sim.driver.flush();
    const conditions = sim.getNode().status?.conditions ?? [];
    expect(conditions.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'MemoryPressure=False KubeletHasSufficientMemory',
      'DiskPressure=False KubeletHasNoDiskPressure',
      'PIDPressure=False KubeletHasSufficientPID',
      'Ready=True KubeletReady',
    ]);
    expect(conditions.every((c) => c.lastHeartbeatTime === iso(START))).toBe(true);
    expect(eventsAbout(sim.store, 'node1')).toEqual([
      'Starting: Starting kubelet.',
      'NodeHasSufficientMemory: Node node1 status is now: NodeHasSufficientMemory',
      'NodeHasNoDiskPressure: Node node1 status is now: NodeHasNoDiskPressure',
      'NodeHasSufficientPID: Node node1 status is now: NodeHasSufficientPID',
    ]);
  });

  test('an unchanged node status is posted only every 5 minutes', () => {
    const sim = runKubelet([]);
    sim.driver.advance(4 * 60_000);
    const nodeWrites = () => sim.changes.filter((c) => c.resource === '/nodes').length;
    expect(nodeWrites()).toBe(1);
    sim.driver.advance(60_000);
    expect(nodeWrites()).toBe(2);
    expect(sim.getNode().status?.conditions?.find((c) => c.type === 'Ready')?.lastHeartbeatTime).toBe(iso(START + 5 * 60_000));
  });

  test('a node whose network is not up reports NotReady until a scenario brings it up', () => {
    const sim = runKubelet([], { ready: false });
    sim.driver.advance(30_000);
    expect(sim.getNode().status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'KubeletNotReady' });
    sim.kubelet.setReady(true);
    expect(sim.getNode().status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
      status: 'True',
      reason: 'KubeletReady',
      lastTransitionTime: iso(START + 30_000),
    });
    expect(eventsAbout(sim.store, 'node1').at(-1)).toBe('NodeReady: Node node1 status is now: NodeReady');
  });
});

describe('kubelet: a pod', () => {
  test('goes Pending/ContainerCreating → Running and Ready, with pull, create and start events', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }]);
    sim.driver.flush();
    expect(sim.getPod('web-1').status).toMatchObject({
      phase: 'Pending',
      hostIP: '192.168.0.1',
      startTime: iso(START),
      containerStatuses: [{ name: 'web', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } }],
    });
    sim.driver.advance(10_000);
    const status = sim.getPod('web-1').status;
    expect(status).toMatchObject({ phase: 'Running', podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }] });
    // A current kubelet (v1.29+) reports the sandbox's readiness first.
    expect(status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(status?.containerStatuses?.[0]).toMatchObject({
      ready: true,
      started: true,
      state: { running: {} },
      imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
    });
    const events = eventsAbout(sim.store, 'web-1');
    expect(events).toHaveLength(4);
    expect(events[0]).toBe('Pulling: Pulling image "nginx:1.17"');
    expect(events[1]).toMatch(/^Pulled: Successfully pulled image "nginx:1\.17" in (\d+ms|\d+(\.\d+)?s) \(\1 including waiting\)\. Image size: \d+ bytes\.$/);
    expect(events.slice(2)).toEqual(['Created: Created container: web', 'Started: Started container web']);
  });

  test.each([
    ['v1.33.1', 'Created container: web'],
    ['v1.32.4', 'Created container web'],
    ['v1.14.2', 'Created container web'],
  ])('a kubelet %s says "%s"', (kubeletVersion, message) => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }], { kubeletVersion });
    sim.driver.advance(10_000);
    expect(eventsAbout(sim.store, 'web-1')).toContain(`Created: ${message}`);
  });

  test('a second pod with the same image finds it already present and gets the next IP', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }]);
    sim.driver.advance(10_000);
    sim.store.create('/pods', (pods({ name: 'web-2', nodeName: 'node1' })[0] as { object: KubeObject }).object);
    sim.driver.advance(10_000);
    expect(eventsAbout(sim.store, 'web-2')[0]).toBe('Pulled: Container image "nginx:1.17" already present on machine');
    expect(sim.getPod('web-2').status?.podIP).toBe('10.244.1.3');
  });

  test('with a readiness probe the pod runs before it is Ready', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1', readinessProbe: true }], { behaviour: { readyAfterMs: 20_000 } });
    sim.driver.advance(8_000);
    expect(sim.getPod('web-1').status).toMatchObject({
      phase: 'Running',
      conditions: expect.arrayContaining([
        expect.objectContaining({ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]' }),
      ]),
    });
    sim.driver.advance(30_000);
    expect(sim.getPod('web-1').status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  test('writes container log lines over time, from the configured list', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }], { behaviour: { logLines: ['one', 'two'], logIntervalMs: 1_000 } });
    sim.driver.advance(60_000);
    const lines = sim.logs.read('default', 'web-1', 'web');
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.slice(0, 4).map((l) => l.text)).toEqual(['one', 'two', 'one', 'two']);
    expect(lines[0]?.time).toMatch(/^2026-01-01T12:00:0\d\.\d{9}Z$/);
    const times = lines.map((l) => l.time);
    expect([...times].sort()).toEqual(times);
  });

  test('an image without configured lines writes what the image prints, stamped when the container started', () => {
    const sim = runKubelet([{ name: 'cache', nodeName: 'node1', image: 'redis:5' }]);
    sim.driver.advance(10_000);
    const lines = sim.logs.read('default', 'cache', 'web');
    expect(lines[0]?.text).toMatch(/^1:C 01 Jan 2026 12:00:0\d\.\d{3} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo$/);
    expect(lines.at(-1)?.text).toMatch(/^1:M .* \* Ready to accept connections$/);
  });

  test('a crashing container restarts with CrashLoopBackOff doubling from 10 s', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }], { behaviour: { crash: { afterMs: 2_000, exitCode: 1 } } });
    const restarts: { at: number; count: number }[] = [];
    sim.store.watch('/pods', undefined, (event) => {
      const count = (event.object.object as Pod).status?.containerStatuses?.[0]?.restartCount ?? 0;
      if (count > (restarts.at(-1)?.count ?? 0)) restarts.push({ at: sim.clock.now() - START, count });
    });
    sim.driver.advance(10_000);
    const crashed = sim.getPod('web-1').status?.containerStatuses?.[0];
    expect(crashed?.restartCount).toBe(1);
    sim.driver.advance(4_500);
    const waiting = sim.getPod('web-1').status?.containerStatuses?.[0];
    expect(waiting).toMatchObject({
      restartCount: 1,
      ready: false,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=web pod=web-1_default(uid-web-1)' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error' } },
    });
    expect(sim.getPod('web-1').status?.phase).toBe('Running');
    sim.driver.advance(10 * 60_000);
    const gaps = restarts.slice(1).map((r, i) => r.at - (restarts[i] as { at: number }).at - 2_000);
    // After the immediate first restart, each wait roughly doubles (a restart lands up to 1.5 s after its back-off).
    expect(gaps.slice(0, 5).map((g) => Math.round(g / 10_000) * 10)).toEqual([10, 20, 40, 80, 160]);
    expect(gaps.slice(5).every((g) => g >= 300_000 && g < 302_000)).toBe(true);
    const backOff = sim.store
      .list('/events')
      .items.map((s) => s.object as KubeObject & { reason: string; message: string; count: number })
      .find((e) => e.reason === 'BackOff');
    expect(backOff).toMatchObject({ message: 'Back-off restarting failed container web in pod web-1_default(uid-web-1)', type: 'Warning' });
    expect(backOff?.count).toBeGreaterThan(5);
  });

  test('a scenario can make a running container fail once', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }]);
    sim.driver.advance(10_000);
    expect(sim.kubelet.failContainer('default', 'web-1', 'web', { exitCode: 137 })).toBe(true);
    expect(sim.getPod('web-1').status?.containerStatuses?.[0]?.state).toMatchObject({ terminated: { exitCode: 137, reason: 'OOMKilled' } });
    sim.driver.advance(5_000);
    expect(sim.getPod('web-1').status?.containerStatuses?.[0]).toMatchObject({
      restartCount: 1,
      ready: true,
      state: { running: {} },
      lastState: { terminated: { exitCode: 137 } },
    });
    expect(sim.kubelet.failContainer('default', 'nope', 'web')).toBe(false);
  });

  test('a restarted container logs afresh; the crashed instance’s lines are kept as the previous ones', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }], { behaviour: { logLines: ['serving'], logIntervalMs: 1_000 } });
    sim.driver.advance(10_000);
    const firstRun = sim.logs.read('default', 'web-1', 'web').map((l) => l.text);
    expect(firstRun.length).toBeGreaterThan(3);
    const ended: string[] = [];
    sim.logs.follow('default', 'web-1', 'web', { line: (l) => ended.push(l.text), end: () => ended.push('<end>') });
    sim.kubelet.failContainer('default', 'web-1', 'web');
    expect(ended).toEqual(['<end>']);
    sim.driver.advance(5_000);
    expect(sim.getPod('web-1').status?.containerStatuses?.[0]?.restartCount).toBe(1);
    expect(sim.logs.read('default', 'web-1', 'web', 'previous').map((l) => l.text)).toEqual(firstRun);
    const secondRun = sim.logs.read('default', 'web-1', 'web');
    expect(secondRun.length).toBeGreaterThan(0);
    const finishedAt = Date.parse(sim.getPod('web-1').status?.containerStatuses?.[0]?.lastState?.terminated?.finishedAt ?? '');
    expect(secondRun.every((l) => Date.parse(l.time) >= finishedAt)).toBe(true);
  });

  test('a removed pod’s container logs go with it', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1', image: 'redis:5' }]);
    sim.driver.advance(10_000);
    expect(sim.logs.read('default', 'web-1', 'web').length).toBeGreaterThan(0);
    sim.store.delete('/pods', 'default', 'web-1');
    sim.driver.flush();
    expect(sim.logs.read('default', 'web-1', 'web')).toEqual([]);
  });

  test('a pod marked for deletion has its containers stopped and is removed', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }]);
    sim.driver.advance(10_000);
    markForDeletion(sim, 'web-1', START + 40_000);
    sim.driver.advance(3_000);
    expect(sim.store.get('/pods', 'default', 'web-1')).toBeUndefined();
    expect(eventsAbout(sim.store, 'web-1').at(-1)).toBe('Killing: Stopping container web');
  });

  test('pods already running when the kubelet starts are adopted, not restarted', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }]);
    sim.driver.advance(10_000);
    sim.kubelet.stop();
    const before = sim.getPod('web-1');
    const again = new Kubelet({ nodeName: 'node1' });
    again.start(sim.context);
    sim.driver.advance(30_000);
    expect(sim.getPod('web-1').status?.containerStatuses).toEqual(before.status?.containerStatuses);
  });

  describe('a running pod adopted while it asks nothing of its kubelet (no worker until it changes)', () => {
    /** web-1 run by one kubelet for 10 s, then a second kubelet that finds it running. */
    const adopted = () => {
      const sim = runKubelet([{ name: 'web-1', nodeName: 'node1', image: 'redis:5' }]);
      sim.driver.advance(10_000);
      sim.kubelet.stop();
      const again = new Kubelet({ nodeName: 'node1' });
      again.start(sim.context);
      sim.driver.advance(5_000);
      return { ...sim, again };
    };

    test('logs from its start, and goes on with the same lines once a change wakes it', () => {
      const sim = adopted();
      const before = sim.logs.read('default', 'web-1', 'web').map((l) => l.text);
      expect(before.length).toBeGreaterThan(0);
      const annotated = structuredClone(sim.getPod('web-1'));
      annotated.metadata.annotations = { note: 'woken' };
      sim.store.update('/pods', annotated);
      // Redis saves in the background at most every hour (its `save 3600 1` policy).
      sim.driver.advance(2 * 3_600_000);
      const after = sim.logs.read('default', 'web-1', 'web').map((l) => l.text);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length).toBeGreaterThan(before.length);
      // Woken, it wrote no status: nothing about the pod changed for the kubelet.
      expect(sim.getPod('web-1').metadata.annotations).toEqual({ note: 'woken' });
    });

    test('is woken by a scenario’s crash, and restarts the container as a worker does', () => {
      const sim = adopted();
      expect(sim.again.failContainer('default', 'web-1', 'web')).toBe(true);
      sim.driver.advance(5_000);
      const status = sim.getPod('web-1').status?.containerStatuses?.[0];
      expect(status?.restartCount).toBe(1);
      expect(status?.lastState?.terminated?.reason).toBe('Error');
      expect(sim.logs.read('default', 'web-1', 'web', 'previous').length).toBeGreaterThan(0);
    });

    test('is stopped and removed when marked for deletion, and its logs go with it', () => {
      const sim = adopted();
      markForDeletion(sim, 'web-1', START + 45_000);
      sim.driver.advance(3_000);
      expect(sim.store.get('/pods', 'default', 'web-1')).toBeUndefined();
      expect(eventsAbout(sim.store, 'web-1').at(-1)).toBe('Killing: Stopping container web');
      expect(sim.logs.read('default', 'web-1', 'web')).toEqual([]);
    });

    test('deleted at once, leaves no log behind', () => {
      const sim = adopted();
      sim.store.delete('/pods', 'default', 'web-1');
      sim.driver.flush();
      expect(sim.logs.read('default', 'web-1', 'web')).toEqual([]);
    });
  });

  test('stop() ends every lease renewal and pod task', () => {
    const sim = runKubelet([{ name: 'web-1', nodeName: 'node1' }]);
    sim.driver.advance(10_000);
    sim.kubelet.stop();
    const count = sim.changes.length;
    sim.driver.advance(10 * 60_000);
    expect(sim.changes.length).toBe(count);
  });
});
