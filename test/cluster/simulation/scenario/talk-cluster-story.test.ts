import { type Cluster, openCluster, type Simulation } from '../../../../src/cluster/index.js';
import type { Node, Pod } from '../../../../src/cluster/objects.js';

/**
 * The default cluster's whole story on a manual clock: fixtures/talk-cluster.yaml loaded as the server loads
 * it, every default controller and the scenario running, time stepped in whole seconds.
 */
const NOW = new Date('2026-01-01T12:00:00Z');
const SECOND = 1000;

function openTalkCluster(seed = 1): { cluster: Cluster; simulation: Simulation; advanceTo: (seconds: number) => void } {
  const { cluster, simulation } = openCluster({ file: 'fixtures/talk-cluster.yaml' }, { now: NOW, simulate: 'auto', driver: 'manual', seed });
  if (!simulation?.manual) throw new Error('the talk cluster should be live');
  const manual = simulation.manual;
  return { cluster, simulation, advanceTo: (seconds) => void manual.runUntil(NOW.getTime() + seconds * SECOND) };
}

const ready = (node: Node | undefined): string | undefined => node?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
const nodeStates = (cluster: Cluster): string[] => cluster.store.list('/nodes').items.map((s) => `${s.name}=${ready(s.object as Node)}`);
const appPods = (cluster: Cluster, app: string): Pod[] =>
  cluster.store
    .list('/pods', { namespace: 'default' })
    .items.map((s) => s.object as Pod)
    .filter((pod) => pod.metadata.labels?.app === app);
const placement = (cluster: Cluster, app: string): string[] =>
  appPods(cluster, app)
    .map((pod) => `${pod.spec?.nodeName ?? '-'}:${pod.status?.phase}`)
    .sort();

describe('the talk cluster, live', () => {
  it('is live by default, and starts exactly as loaded', () => {
    const { cluster } = openTalkCluster();
    try {
      expect(nodeStates(cluster)).toEqual(['node1=True', 'node2=True', 'node3=False', 'node4=False']);
      expect(placement(cluster, 'web')).toEqual(['node2:Running', 'node2:Running']);
    } finally {
      cluster.close();
    }
  });

  it('brings node3 and node4 up within the first minute and lets node5 join', () => {
    const { cluster, advanceTo } = openTalkCluster();
    try {
      advanceTo(40);
      expect(nodeStates(cluster)).toEqual(['node1=True', 'node2=True', 'node3=True', 'node4=True']);
      advanceTo(55);
      expect(nodeStates(cluster)).toEqual(['node1=True', 'node2=True', 'node3=True', 'node4=True', 'node5=False']);
      advanceTo(70);
      expect(nodeStates(cluster)).toEqual(['node1=True', 'node2=True', 'node3=True', 'node4=True', 'node5=True']);
    } finally {
      cluster.close();
    }
  });

  it('spreads the scaled-up web over the workers', () => {
    const { cluster, advanceTo } = openTalkCluster();
    try {
      advanceTo(110);
      const web = appPods(cluster, 'web');
      expect(web).toHaveLength(4);
      expect(web.every((pod) => pod.status?.phase === 'Running')).toBe(true);
      expect(new Set(web.map((pod) => pod.spec?.nodeName)).size).toBeGreaterThan(1);
    } finally {
      cluster.close();
    }
  });

  it('marks node2 NotReady once its kubelet falls silent, then moves its web pods to the others', () => {
    const { cluster, advanceTo } = openTalkCluster();
    try {
      advanceTo(3 * 60);
      expect(ready(cluster.store.get('/nodes', undefined, 'node2')?.object as Node)).toBe('Unknown');
      advanceTo(8 * 60 + 50);
      const web = appPods(cluster, 'web');
      const serving = web.filter((pod) => !pod.metadata.deletionTimestamp);
      expect(serving).toHaveLength(4);
      expect(serving.some((pod) => pod.spec?.nodeName === 'node2')).toBe(false);
      // The evicted pods stay Terminating on node2: only its kubelet can confirm they stopped.
      const evicted = web.filter((pod) => pod.metadata.deletionTimestamp);
      expect(evicted.length).toBeGreaterThan(0);
      expect(evicted.every((pod) => pod.spec?.nodeName === 'node2')).toBe(true);
    } finally {
      cluster.close();
    }
  });

  it('lets node2’s returning kubelet finish the evicted pods, and set its daemon pods Ready again', () => {
    const { cluster, advanceTo } = openTalkCluster();
    try {
      advanceTo(8 * 60 + 50);
      const evicted = appPods(cluster, 'web')
        .filter((pod) => pod.metadata.deletionTimestamp)
        .map((pod) => pod.metadata.name);
      expect(evicted.length).toBeGreaterThan(0);
      advanceTo(9 * 60 + 20);
      const left = new Set(appPods(cluster, 'web').map((pod) => pod.metadata.name));
      expect(evicted.filter((name) => left.has(name))).toEqual([]);
      const onNode2 = cluster.store.list('/pods', { index: { name: 'spec.nodeName', value: 'node2' } }).items.map((s) => s.object as Pod);
      const daemons = onNode2.filter((pod) => pod.metadata.ownerReferences?.[0]?.kind === 'DaemonSet');
      expect(daemons.length).toBe(2);
      for (const pod of daemons) expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    } finally {
      cluster.close();
    }
  });

  it('ends with every web and db pod Running and Ready on a live node', () => {
    const { cluster, advanceTo } = openTalkCluster();
    try {
      advanceTo(12 * 60);
      const liveNodes = new Set(
        cluster.store
          .list('/nodes')
          .items.filter((s) => ready(s.object as Node) === 'True')
          .map((s) => s.name),
      );
      expect([...liveNodes].sort()).toEqual(['node1', 'node2', 'node3', 'node4', 'node5']);
      const pods = [...appPods(cluster, 'web'), ...appPods(cluster, 'db')];
      expect(pods.map((pod) => pod.metadata.labels?.app).sort()).toEqual(['db', 'web', 'web', 'web', 'web']);
      for (const pod of pods) {
        expect(pod.status?.phase).toBe('Running');
        expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
        expect(liveNodes.has(pod.spec?.nodeName ?? '')).toBe(true);
      }
      expect(appPods(cluster, 'web').every((pod) => pod.spec?.containers?.[0]?.image === 'nginx:1.17.1')).toBe(true);
    } finally {
      cluster.close();
    }
  });

  it('tells the same story, metrics included, whatever the wall clock said at its start', () => {
    const at = (start: Date): { pods: string[]; usage: string[] } => {
      const { cluster, simulation } = openCluster({ file: 'fixtures/talk-cluster.yaml' }, { now: start, simulate: 'auto', driver: 'manual', seed: 3 });
      try {
        simulation?.manual?.runUntil(start.getTime() + 150 * SECOND);
        const pods = cluster.store.list('/pods').items.map((s) => `${s.namespace}/${s.name}@${(s.object as Pod).spec?.nodeName}`);
        const usage = (cluster.metrics?.listPodMetrics() ?? []).map(
          (m) => `${m.metadata.name} ${m.containers.map((c) => `${c.usage.cpu}/${c.usage.memory}`).join(',')}`,
        );
        return { pods, usage };
      } finally {
        cluster.close();
      }
    };
    const first = at(NOW);
    expect(first.usage.length).toBeGreaterThan(10);
    // Whole seconds apart: objects carry whole-second timestamps, so a sub-second shift would move ages a little.
    expect(at(new Date(NOW.getTime() + 7_000))).toEqual(first);
  });

  it('tells the same story twice with the same seed', () => {
    const story = (): string[] => {
      const { cluster, advanceTo } = openTalkCluster(7);
      try {
        advanceTo(12 * 60);
        return cluster.store.list('/pods').items.map((s) => `${s.namespace}/${s.name}@${(s.object as Pod).spec?.nodeName}`);
      } finally {
        cluster.close();
      }
    };
    expect(story()).toEqual(story());
  });
});
