import { type Cluster, type KubeObject, openCluster, type Pod } from '../../../../src/cluster/index.js';
import { EVENT_TTL_MS } from '../../../../src/cluster/simulation/event-recorder.js';
import { SETTLE_QUIET_MS } from '../../../../src/cluster/simulation/replay/settled-present.js';

/**
 * Workloads quiet for longer than the events' TTL have their present written at once, not lived through: what a
 * client reads must be what living through the past leaves, but for what chance and order decide (generated
 * names, uids, the node each pod landed on, pod IPs, container IDs and the instants of each step).
 */
const NOW = new Date('2026-01-01T12:00:00Z');

const cluster = (age: string, extra = ''): string => {
  const lines = ['apiVersion: kubefacade.dev/v1alpha1', 'kind: Cluster', 'metadata: { name: settled }', 'spec:', `  age: ${age}`, '  nodes:'];
  lines.push('    - { name: cp, roles: [control-plane], internalIP: 10.0.0.1 }');
  // Two workers joined later, two days ago in a month-old cluster.
  for (let i = 1; i <= 6; i++) lines.push(`    - { name: w${i}, internalIP: 10.0.0.${i + 1}${i > 4 && age === '30d' ? ', age: 2d' : ''} }`);
  lines.push('  namespaces:', '    - { name: shop }');
  lines.push('  workloads:');
  lines.push(
    '    - { name: proxy, namespace: kube-system, kind: DaemonSet, hostNetwork: true, labels: { k8s-app: proxy }, tolerations: [{ operator: Exists }], image: "registry.k8s.io/kube-proxy:v1.33.1" }',
  );
  lines.push(
    '    - { name: web, namespace: shop, replicas: 9, labels: { app: web }, image: "nginx:1.27", ports: [80], resources: { requests: { cpu: 250m, memory: 64Mi } } }',
  );
  lines.push(`    - { name: api, namespace: shop, replicas: 5, labels: { app: api }, image: "ghcr.io/example/api:2.1"${age === '30d' ? ', age: 3d' : ''} }`);
  lines.push(extra);
  lines.push('  services:', '    - { name: web, namespace: shop, selector: { app: web }, ports: [{ port: 80 }] }');
  return `${lines.join('\n')}\n`;
};

const open = (text: string, settle: boolean, live = false): ReturnType<typeof openCluster> =>
  openCluster({ text, fileName: 'settled.yaml' }, { now: NOW, simulate: live, seed: 3, settle, ...(live ? { driver: 'manual' as const } : {}) });

const pods = (c: Cluster): Pod[] => c.store.list('/pods').items.map((stored) => stored.object as Pod);

/**
 * An object with what chance and order decide put out of sight: instants, uids, versions, generated pod names,
 * node names, addresses, container IDs and the token volume's name; and an EndpointSlice's generation, which
 * counts the writes that led to it (one per pod turning ready as they are lived through, one when settled).
 */
function masked(object: KubeObject, podNames: ReadonlySet<string>): string {
  return JSON.stringify(object, (key, value: unknown) => {
    if (key === 'resourceVersion' || key === 'uid' || (key === 'generation' && object.kind === 'EndpointSlice')) return '*';
    if (typeof value !== 'string') return value;
    if (podNames.has(value)) return 'POD';
    return value
      .replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/, 'TIME')
      .replace(/^(containerd|docker|cri-o):\/\/[0-9a-f]{64}$/, 'CONTAINER')
      .replace(/^\d+\.\d+\.\d+\.\d+$/, 'IP')
      .replace(/^(cp|w\d)$/, 'NODE')
      .replace(/^kube-api-access-[a-z0-9]{5}$/, 'kube-api-access-*')
      .replace(/^(.+-)[a-z0-9]{5}$/, (whole, prefix: string) => (object.metadata.generateName === prefix ? `${prefix}*` : whole));
  });
}

/** Every object of the cluster, masked, sorted: what a client could tell apart. */
function whatClientsSee(c: Cluster): string[] {
  const podNames = new Set(pods(c).map((pod) => pod.metadata.name));
  return c.registry
    .storedResources()
    .flatMap((resource) => c.store.list(resource).items.map((stored) => `${resource} ${masked(stored.object, podNames)}`))
    .sort();
}

describe('workloads settled for longer than the events TTL', () => {
  it('show clients what living through their past shows, but for names, placement, addresses, IDs and instants', () => {
    const settled = open(cluster('30d'), true).cluster;
    const lived = open(cluster('30d'), false).cluster;
    expect(whatClientsSee(settled)).toEqual(whatClientsSee(lived));
    expect(pods(settled).filter((pod) => pod.status?.phase === 'Running')).toHaveLength(14 + 7);
  });

  it('are placed by the scheduler: on the schedulable nodes there when they were created, within capacity, spread', () => {
    const settled = open(cluster('30d'), true).cluster;
    const onNode = new Map<string, Pod[]>();
    for (const pod of pods(settled)) onNode.set(pod.spec?.nodeName ?? '', [...(onNode.get(pod.spec?.nodeName ?? '') ?? []), pod]);
    // The control-plane node's taint keeps the Deployments off it; the DaemonSet tolerates everything.
    expect(onNode.get('cp')?.map((pod) => pod.metadata.labels?.['k8s-app'])).toEqual(['proxy']);
    const web = (node: string): number => (onNode.get(node) ?? []).filter((pod) => pod.metadata.labels?.app === 'web').length;
    // The DaemonSet runs on every node, those that joined later too.
    expect(['w5', 'w6'].map((node) => onNode.get(node)?.map((pod) => pod.metadata.labels?.['k8s-app']))).toEqual([['proxy'], ['proxy']]);
    // The scheduler met the pods when they were created, a month ago: w5 and w6 joined two days ago, with room to spare.
    const workers = ['w1', 'w2', 'w3', 'w4'];
    expect(['w5', 'w6'].map(web)).toEqual([0, 0]);
    // LeastAllocated spreads the 250m pods: no worker holds more than three of nine.
    expect(Math.max(...workers.map(web))).toBeLessThanOrEqual(3);
    expect(workers.map(web).reduce((a, b) => a + b, 0)).toBe(9);
    // Pod IPs are the node's, each once.
    const ips = pods(settled)
      .filter((pod) => !pod.spec?.hostNetwork)
      .map((pod) => pod.status?.podIP);
    expect(new Set(ips).size).toBe(ips.length);
  });

  it('are written at one instant after the last node and workload, at least the TTL before the present, with every step before it', () => {
    const { cluster: settled } = open(cluster('30d'), true);
    // The nodes w5 and w6 joined two days ago, the last of what settles.
    const settledAt = NOW.getTime() - 2 * 24 * 3_600_000 + SETTLE_QUIET_MS;
    expect(settledAt).toBeLessThanOrEqual(NOW.getTime() - EVENT_TTL_MS);
    for (const pod of pods(settled)) {
      const instants = [pod.metadata.creationTimestamp, pod.status?.startTime, ...(pod.status?.conditions ?? []).map((c) => c.lastTransitionTime)];
      for (const instant of instants) expect(Date.parse(String(instant))).toBeLessThanOrEqual(settledAt);
    }
    expect(settled.store.list('/events').items).toEqual([]);
  });

  it('carry the conditions their rollout left: available since enough pods were, progressed when the last one did', () => {
    const settled = open(cluster('30d'), true).cluster;
    const web = settled.store.get('apps/deployments', 'shop', 'web')?.object as KubeObject & {
      status: { conditions: { type: string; reason: string; lastUpdateTime: string; lastTransitionTime: string }[] };
    };
    const readyAt = pods(settled)
      .filter((pod) => pod.metadata.labels?.app === 'web')
      .map((pod) => Date.parse(String(pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime)))
      .sort((a, b) => a - b);
    const [available, progressing] = web.status.conditions;
    expect([available?.type, available?.reason, progressing?.type, progressing?.reason]).toEqual([
      'Available',
      'MinimumReplicasAvailable',
      'Progressing',
      'NewReplicaSetAvailable',
    ]);
    // 9 replicas, maxUnavailable 25% (2): available once the 7th pod was ready.
    expect(Date.parse(available?.lastTransitionTime ?? '')).toBe(readyAt[6]);
    expect(Date.parse(progressing?.lastUpdateTime ?? '')).toBe(readyAt[8]);
    // The Deployment was created a month ago and its nodes joined then, so it never stalled: progressing since created.
    expect(progressing?.lastTransitionTime).toBe(web.metadata.creationTimestamp);
  });

  it('leave their controllers, the scheduler and the kubelets nothing to do once live', () => {
    const { cluster: live, simulation } = open(cluster('30d'), true, true);
    try {
      const writes: string[] = [];
      for (const resource of ['/pods', 'apps/replicasets', 'apps/deployments', 'apps/daemonsets', '/endpoints', '/events'] as const) {
        live.store.watch(resource, undefined, (event) => writes.push(`${event.type} ${resource} ${event.object.key}`));
      }
      simulation?.manual?.advance(10 * 60_000);
      expect(writes).toEqual([]);
      // Their containers log, from their start, as a lived-through container's do.
      const pod = pods(live).find((p) => p.metadata.labels?.app === 'api') as Pod;
      expect(live.logs.read('shop', pod.metadata.name, 'api').length).toBeGreaterThan(0);
    } finally {
      simulation?.stop();
    }
  });

  it('have logs made when first read, from their start up to the present of a frozen cluster, as lived ones have', () => {
    const { cluster: frozen } = open(cluster('30d'), true);
    const pod = pods(frozen).find((p) => p.metadata.labels?.app === 'api') as Pod;
    const lines = frozen.logs.read('shop', pod.metadata.name, 'api');
    expect(lines.length).toBeGreaterThan(0);
    const started = Date.parse(pod.status?.containerStatuses?.[0]?.state?.running?.startedAt ?? '');
    for (const line of lines) {
      expect(Date.parse(line.time)).toBeGreaterThanOrEqual(started);
      expect(Date.parse(line.time)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('leave fewer dead versions than living through the same month does (what the server weighs before a full collection)', () => {
    const settled = open(cluster('30d'), true);
    const lived = open(cluster('30d'), false);
    expect(settled.cluster.store.size).toBe(lived.cluster.store.size);
    // Each lived pod leaves its creation, binding and statuses dead; a settled one is written once. The nodes' month
    // (Leases, statuses) is lived through in both.
    expect(settled.deadVersions).toBeGreaterThan(0);
    expect(lived.deadVersions).toBeGreaterThan(2 * settled.deadVersions);
  });

  it('leave a pod no node can take to the scheduler, which says why from then on', () => {
    const extra = '    - { name: gpu, namespace: shop, replicas: 1, labels: { app: gpu }, image: "nginx:1.27", nodeSelector: { gpu: "true" } }';
    const { cluster: settled } = open(cluster('30d', extra), true);
    const gpu = pods(settled).find((pod) => pod.metadata.labels?.app === 'gpu');
    expect(gpu?.spec?.nodeName).toBeUndefined();
    expect(gpu?.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
    const failed = settled.store.list('/events').items.map((stored) => stored.object as KubeObject & { reason?: string; count?: number });
    expect(failed.filter((event) => event.reason === 'FailedScheduling')).toEqual([expect.objectContaining({ count: expect.any(Number) })]);
  });

  it('do not include what the file says more of: a workload with log lines is lived through, as one younger than the TTL is', () => {
    const extra = ['    - name: chatty', '      namespace: shop', '      labels: { app: chatty }', '      image: "busybox:1.36"', '      logs: ["hello"]'].join(
      '\n',
    );
    const names = (c: Cluster, app: string): string[] =>
      pods(c)
        .filter((pod) => pod.metadata.labels?.app === app)
        .map((pod) => pod.metadata.name)
        .sort();
    const settled = open(cluster('30d', extra), true).cluster;
    const lived = open(cluster('30d', extra), false).cluster;
    expect(names(settled, 'chatty')).toEqual(names(lived, 'chatty'));
    expect(names(settled, 'web')).not.toEqual(names(lived, 'web'));
    const young = (settle: boolean): string[] => names(open(cluster('50m'), settle).cluster, 'web');
    expect(young(true)).toEqual(young(false));
  });
});
