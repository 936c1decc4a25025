import { Writable } from 'node:stream';
import { generateCluster, type GenerateOptions, writeList } from '../../../src/cluster/generate/index.js';
import { type KubeObject, loadCluster, parseLabelSelector } from '../../../src/cluster/index.js';

const OPTIONS: GenerateOptions = { nodes: 12, pods: 400, namespaces: 3, seed: 7, capturedAt: new Date('2026-01-01T00:00:00Z') };

async function written(options: GenerateOptions): Promise<string> {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  await writeList(generateCluster(options).objects, out);
  return text;
}

function objectsOf(options: GenerateOptions): KubeObject[] {
  return [...generateCluster(options).objects];
}

const count = (objects: readonly KubeObject[], kind: string): number => objects.filter((object) => object.kind === kind).length;

describe('kubefacade generate', () => {
  it('writes the same bytes for the same seed', async () => {
    expect(await written(OPTIONS)).toBe(await written(OPTIONS));
  });

  it('writes another cluster for another seed', async () => {
    expect(await written({ ...OPTIONS, seed: 8 })).not.toBe(await written(OPTIONS));
  });

  it('writes one v1 List, as kubectl get -o json prints several objects', async () => {
    const list = JSON.parse(await written(OPTIONS)) as { apiVersion: string; kind: string; items: KubeObject[] };
    expect({ apiVersion: list.apiVersion, kind: list.kind }).toEqual({ apiVersion: 'v1', kind: 'List' });
    expect(list.items).toHaveLength(objectsOf(OPTIONS).length);
  });

  it.each([
    [1, 1, 1],
    [3, 20, 2],
    [12, 400, 3],
    [60, 1800, 4],
    [100, 3001, 5],
  ])('makes exactly %i nodes and %i pods in %i application namespaces', (nodes, pods, namespaces) => {
    const objects = objectsOf({ ...OPTIONS, nodes, pods, namespaces });
    expect(count(objects, 'Node')).toBe(nodes);
    expect(count(objects, 'Pod')).toBe(pods);
    expect(count(objects, 'Namespace')).toBe(namespaces + 4);
    expect(count(objects, 'Lease')).toBe(nodes);
  });

  it('runs kube-proxy on every node', () => {
    const objects = objectsOf(OPTIONS);
    const proxies = objects.filter((object) => object.kind === 'Pod' && object.metadata.labels?.['k8s-app'] === 'kube-proxy');
    expect(new Set(proxies.map((pod) => (pod.spec as { nodeName: string }).nodeName)).size).toBe(OPTIONS.nodes);
  });

  it('owns every pod by a ReplicaSet, DaemonSet or Job that exists, and every ReplicaSet by its Deployment', () => {
    const objects = objectsOf(OPTIONS);
    const uids = new Map(objects.map((object) => [object.metadata.uid, object]));
    for (const object of objects.filter((o) => o.kind === 'Pod' || o.kind === 'ReplicaSet')) {
      const owner = object.metadata.ownerReferences?.[0];
      expect(owner).toBeDefined();
      expect(uids.get(owner?.uid)).toMatchObject({ kind: owner?.kind, metadata: { name: owner?.name } });
    }
  });

  it('makes most pods Running, some Pending and some Succeeded', () => {
    const phases = new Map<string, number>();
    for (const pod of objectsOf({ ...OPTIONS, nodes: 60, pods: 6000 }).filter((o) => o.kind === 'Pod')) {
      const phase = (pod.status as { phase: string }).phase;
      phases.set(phase, (phases.get(phase) ?? 0) + 1);
    }
    expect(phases.get('Running')).toBeGreaterThan(5700);
    expect(phases.get('Pending')).toBeGreaterThan(0);
    expect(phases.get('Succeeded')).toBeGreaterThan(0);
  });

  it('gives a summary whose samples match the pods it made', () => {
    const cluster = generateCluster({ ...OPTIONS, nodes: 60, pods: 3000 });
    const pods = [...cluster.objects].filter((o) => o.kind === 'Pod');
    const { samples } = cluster.summary();
    const selector = parseLabelSelector(samples.labelSelector.selector);
    expect(samples.labelSelector.pods).toBe(100);
    expect(pods.filter((pod) => selector.matches(pod.metadata.labels))).toHaveLength(100);
    expect(pods.filter((pod) => pod.metadata.namespace === samples.namespace.name)).toHaveLength(samples.namespace.pods);
    const counted = new Map<string, number>();
    for (const pod of pods) counted.set(pod.metadata.namespace as string, (counted.get(pod.metadata.namespace as string) ?? 0) + 1);
    expect(cluster.summary().podsByNamespace).toEqual(Object.fromEntries(counted));
    expect(pods.filter((pod) => (pod.spec as { nodeName?: string }).nodeName === samples.node.name)).toHaveLength(samples.node.pods);
    expect(pods.find((pod) => pod.metadata.name === samples.pod.name)?.status).toMatchObject({ phase: 'Running' });
  });

  it('keeps every timestamp at or before the capture instant, whatever the clock says', () => {
    const text = JSON.stringify(objectsOf(OPTIONS));
    const instants = [...text.matchAll(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)"/g)].map((match) => Date.parse(match[1] as string));
    expect(instants.length).toBeGreaterThan(100);
    expect(instants.every((instant) => instant <= OPTIONS.capturedAt.getTime())).toBe(true);
  });

  it('loads through the real loader', () => {
    const cluster = loadCluster({ objects: objectsOf(OPTIONS) });
    try {
      expect(cluster.store.count('/pods')).toBe(OPTIONS.pods);
      expect(cluster.store.count('/nodes')).toBe(OPTIONS.nodes);
    } finally {
      cluster.close();
    }
  });
});

describe('kubefacade generate refuses', () => {
  it.each([
    ['no nodes', { nodes: 0 }, '--nodes must be a whole number of at least 1'],
    ['fewer pods than nodes', { nodes: 5, pods: 4 }, '--pods must be at least --nodes: every node runs a kube-proxy pod'],
    ['no namespaces', { namespaces: 0 }, '--namespaces must be a whole number of at least 1'],
    ['an instant that is not one', { capturedAt: new Date('no') }, '--captured-at must be an RFC 3339 instant such as 2026-01-01T00:00:00Z'],
  ])('%s', (_name, change, message) => {
    expect(() => generateCluster({ ...OPTIONS, ...change })).toThrow(message);
  });
});
