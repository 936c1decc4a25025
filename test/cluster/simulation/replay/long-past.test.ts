import { type Cluster, type Event, type KubeObject, openCluster } from '../../../../src/cluster/index.js';
import { EVENT_TTL_MS } from '../../../../src/cluster/simulation/event-recorder.js';

/**
 * A cluster whose past is hours or days long: its heartbeats collapse through the quiet stretches, and its
 * events expire as the apiserver's --event-ttl makes them, so the present is the one every heartbeat would have
 * left, at a cost that does not grow with the age.
 */
const NOW = new Date('2026-01-01T12:00:00Z');

/** Three nodes, a Deployment, a DaemonSet, a Service, and a pod no node can take (the scheduler keeps retrying it). */
const longPast = (age: string): string => `
apiVersion: kubefacade.dev/v1alpha1
kind: Cluster
metadata: { name: long-past }
spec:
  age: ${age}
  nodes:
    - { name: cp, roles: [control-plane], internalIP: 10.0.0.1 }
    - { name: w1, internalIP: 10.0.0.2 }
    - { name: w2, internalIP: 10.0.0.3 }
  workloads:
    - name: proxy
      namespace: kube-system
      kind: DaemonSet
      labels: { k8s-app: proxy }
      hostNetwork: true
      tolerations: [{ operator: Exists }]
      image: registry.k8s.io/kube-proxy:v1.33.1
    - { name: web, replicas: 4, labels: { app: web }, image: "nginx:1.27", ports: [80] }
    - { name: gpu, replicas: 1, labels: { app: gpu }, image: "nginx:1.27", nodeSelector: { gpu: "true" } }
  services:
    - { name: web, selector: { app: web }, ports: [{ port: 80 }] }
`;

const open = (age: string, coalesceHeartbeats: boolean): Cluster =>
  openCluster({ text: longPast(age), fileName: 'long-past.yaml' }, { now: NOW, simulate: false, seed: 5, coalesceHeartbeats }).cluster;

/**
 * Every object without resourceVersions: how many writes led to an object is what collapsing changes, nothing
 * else. The uids of an Event and an EndpointSlice go too: the store derives the uid of an object created without
 * one from the resourceVersion of its creation, and both are created after a quiet stretch (the event kept fresh
 * by the scheduler's retries when a retry carries it past the present, the Service's slice when the settled
 * workloads' pods appear), which is not the same write in both replays.
 */
const UID_FROM_WRITE = new Set(['Event', 'EndpointSlice']);

function present(cluster: Cluster): unknown[] {
  const comparable = (value: KubeObject): unknown =>
    JSON.parse(JSON.stringify(value), (key, inner: unknown) =>
      key === 'resourceVersion' || (key === 'uid' && UID_FROM_WRITE.has(value.kind)) ? undefined : inner,
    );
  return cluster.registry.storedResources().flatMap((resource) => cluster.store.list(resource).items.map((stored) => comparable(stored.object)));
}

const events = (cluster: Cluster): Event[] => cluster.store.list('/events').items.map((stored) => stored.object as Event);

describe('a replayed past with quiet stretches', () => {
  it.each(['2h', '1d'])('collapsed or fired one by one, %s of heartbeats leave the same Leases, Nodes and everything else', (age) => {
    const collapsed = open(age, true);
    const fired = open(age, false);
    expect(present(collapsed)).toEqual(present(fired));
    // Fewer writes got there: the Leases were renewed once per quiet stretch, not every 10 s.
    expect(collapsed.store.resourceVersion).toBeLessThan(fired.store.resourceVersion);
  });

  it('renews each Lease and posts each node status up to the present, as the kubelet does every 10 s and 5 min', () => {
    const cluster = open('1d', true);
    for (const stored of cluster.store.list('coordination.k8s.io/leases', { namespace: 'kube-node-lease' }).items) {
      const renewed = Date.parse(String((stored.object as KubeObject & { spec: { renewTime: string } }).spec.renewTime));
      expect(NOW.getTime() - renewed).toBeGreaterThanOrEqual(0);
      expect(NOW.getTime() - renewed).toBeLessThan(10_000);
    }
    for (const stored of cluster.store.list('/nodes').items) {
      const ready = (stored.object as KubeObject & { status: { conditions: { type: string; lastHeartbeatTime: string }[] } }).status.conditions.find(
        (c) => c.type === 'Ready',
      );
      expect(NOW.getTime() - Date.parse(ready?.lastHeartbeatTime ?? '')).toBeLessThanOrEqual(5 * 60_000);
    }
  });

  it('counts every retry of the pod no node takes in its FailedScheduling event, collapsed or not', () => {
    const failedScheduling = (cluster: Cluster): Event[] => events(cluster).filter((e) => e.reason === 'FailedScheduling');
    const [collapsed] = failedScheduling(open('2h', true));
    expect(collapsed?.count).toBeGreaterThan(10);
    expect(failedScheduling(open('2h', false))).toEqual([expect.objectContaining({ count: collapsed?.count, lastTimestamp: collapsed?.lastTimestamp })]);
  });
});

describe('events of a long past', () => {
  it('are gone an hour after their last write: only the last hour is left after the replay', () => {
    const cluster = open('1d', true);
    const left = events(cluster);
    // The scheduler's retries keep its FailedScheduling event fresh; everything else happened a day ago.
    expect(left.map((e) => e.reason)).toEqual(['FailedScheduling']);
    for (const event of left) expect(NOW.getTime() - Date.parse(event.lastTimestamp ?? '')).toBeLessThan(EVENT_TTL_MS);
  });

  it('are all there in a past shorter than the TTL', () => {
    const reasons = new Set(events(open('30m', true)).map((e) => e.reason));
    for (const reason of [
      'Starting',
      'RegisteredNode',
      'NodeHasSufficientMemory',
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
      'SuccessfulCreate',
    ]) {
      expect([reason, reasons.has(reason)]).toEqual([reason, true]);
    }
  });

  it('are deleted in a live cluster an hour after their last write', () => {
    const { cluster, simulation } = openCluster({ text: longPast('30m'), fileName: 'long-past.yaml' }, { now: NOW, seed: 5, driver: 'manual' });
    try {
      const before = events(cluster).filter((e) => e.reason === 'Scheduled');
      expect(before.length).toBeGreaterThan(0);
      const lastWrite = Math.max(...before.map((e) => Date.parse(e.lastTimestamp ?? '')));
      simulation?.manual?.runUntil(lastWrite + EVENT_TTL_MS - 1);
      expect(events(cluster).filter((e) => e.reason === 'Scheduled').length).toBeGreaterThan(0);
      simulation?.manual?.runUntil(lastWrite + EVENT_TTL_MS);
      expect(events(cluster).filter((e) => e.reason === 'Scheduled')).toEqual([]);
    } finally {
      simulation?.stop();
    }
  });
});

/** The generator of the benchmark clusters, smaller: nodes, Deployments of many replicas, a month old. */
function monthOld(nodes: number, deployments: number, replicas: number): string {
  const lines = ['apiVersion: kubefacade.dev/v1alpha1', 'kind: Cluster', 'metadata: { name: month-old }', 'spec:', '  age: 30d', '  nodes:'];
  for (let i = 0; i < nodes; i++) lines.push(`    - { name: node-${String(i).padStart(5, '0')}, internalIP: 10.0.${i >> 8}.${i & 255}, age: 29d }`);
  lines.push('  namespaces:', ...Array.from({ length: 10 }, (_, n) => `    - name: team-${n}`), '  workloads:');
  for (let d = 0; d < deployments; d++) {
    const name = `app-${String(d).padStart(4, '0')}`;
    lines.push(`    - { name: ${name}, namespace: team-${d % 10}, replicas: ${replicas}, image: "nginx:1.27", labels: { app: ${name} } }`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a month-old cluster of 200 nodes and 2,000 pods', () => {
  // Generous: the suite may share the machine; `npm run bench` is what measures how fast it loads.
  const TIMEOUT = 240_000;

  it(
    'loads with every pod running, its Leases renewed at the present and no month-old event left',
    () => {
      const { cluster } = openCluster({ text: monthOld(200, 20, 100), fileName: 'month-old.yaml' }, { now: NOW, simulate: false, seed: 1 });
      const pods = cluster.store.list('/pods').items.map((stored) => stored.object as KubeObject & { status?: { phase?: string } });
      expect(pods.filter((p) => p.metadata.namespace?.startsWith('team-'))).toHaveLength(2_000);
      expect(pods.every((p) => p.status?.phase === 'Running')).toBe(true);
      expect(cluster.store.count('coordination.k8s.io/leases')).toBe(200);
      expect(events(cluster)).toEqual([]);
      // A log is made when it is read, from the container's start a month ago to the present.
      const pod = pods.find((p) => p.metadata.namespace === 'team-0') as KubeObject;
      const lines = cluster.logs.read('team-0', pod.metadata.name, 'nginx');
      expect(lines.length).toBeGreaterThan(0);
      expect(Date.parse(lines.at(-1)?.time ?? '')).toBeLessThanOrEqual(NOW.getTime());
    },
    TIMEOUT,
  );
});
