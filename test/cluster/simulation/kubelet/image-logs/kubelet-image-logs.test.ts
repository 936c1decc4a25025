import { Kubelet } from '../../../../../src/cluster/simulation/kubelet/kubelet.js';
import type { ContainerBehaviour } from '../../../../../src/cluster/simulation/kubelet/kubelet-config.js';
import { iso, nodes, pod, START, testSimulation } from '../../simulation-test-cluster.js';

const APISERVER = 'k8s.gcr.io/kube-apiserver:v1.14.2';

function run(options: { image?: string; behaviour?: ContainerBehaviour; seed?: number; running?: boolean } = {}) {
  const object = pod({ name: 'kube-apiserver-node1', namespace: 'kube-system', nodeName: 'node1', image: options.image ?? APISERVER });
  if (options.running) {
    object.status = {
      phase: 'Running',
      podIP: '192.168.0.18',
      containerStatuses: [
        { name: 'web', ready: true, restartCount: 0, image: APISERVER, imageID: '', state: { running: { startedAt: iso(START - 10 * 60_000) } } },
      ],
    };
  }
  const sim = testSimulation([...nodes({ name: 'node1', kubeletVersion: 'v1.14.2' }), { resource: '/pods', object }], options.seed ?? 7);
  const kubelet = new Kubelet({ nodeName: 'node1', behaviours: () => options.behaviour });
  kubelet.start(sim.context);
  const lines = () => sim.logs.read('kube-system', 'kube-apiserver-node1', 'web');
  return { ...sim, kubelet, lines };
}

describe('the kubelet writes what a container’s image prints', () => {
  test('from the instant the container starts: its banner, then its steady lines on the clock', () => {
    const sim = run();
    sim.driver.advance(10_000);
    const status = sim.store.get('/pods', 'kube-system', 'kube-apiserver-node1')?.object.status as {
      containerStatuses?: { state?: { running?: { startedAt?: string } } }[];
    };
    const started = Date.parse(status.containerStatuses?.[0]?.state?.running?.startedAt ?? '');
    expect(sim.lines()[0]?.text).toMatch(/^I0101 12:00:0\d\.\d{6} {7}1 server\.go:559\] external host was not specified, using /);
    expect(Date.parse(sim.lines()[0]?.time ?? '')).toBeGreaterThanOrEqual(started);
    sim.driver.advance(60 * 60_000);
    const compacted = sim.lines().filter((l) => l.text.endsWith('watch chan error: etcdserver: mvcc: required revision has been compacted'));
    expect(compacted.length).toBeGreaterThanOrEqual(5);
    const times = sim.lines().map((l) => l.time);
    expect([...times].sort()).toEqual(times);
  });

  test('the same seed writes the same lines; another seed other ones', () => {
    const texts = (seed: number): string[] => {
      const sim = run({ seed });
      sim.driver.advance(15 * 60_000);
      return sim.lines().map((l) => `${l.time} ${l.text}`);
    };
    expect(texts(3)).toEqual(texts(3));
    expect(texts(3)).not.toEqual(texts(4));
  });

  test('lines the cluster file gives (`logs:`) override the image’s', () => {
    const sim = run({ behaviour: { logScript: [{ afterMs: 0, text: 'only this' }] } });
    sim.driver.advance(10 * 60_000);
    expect(sim.lines().map((l) => l.text)).toEqual(['only this']);
  });

  test('configured repeating lines override them too', () => {
    const sim = run({ behaviour: { logLines: ['tick'], logIntervalMs: 60_000 } });
    sim.driver.advance(5 * 60_000);
    expect(new Set(sim.lines().map((l) => l.text))).toEqual(new Set(['tick']));
  });

  test('a container already running when its kubelet starts, with nothing logged, has its past filled in', () => {
    const sim = run({ running: true });
    sim.driver.advance(1_000);
    const lines = sim.lines();
    expect(lines[0]?.text).toMatch(/^I0101 11:50:0\d\.\d{6} {7}1 server\.go:559\] /);
    // Its whole start-up, ten minutes ago, then the steady lines since.
    expect(lines.filter((l) => Date.parse(l.time) < START - 9 * 60_000).length).toBeGreaterThan(50);
    expect(lines.at(-1)?.text).not.toMatch(/server\.go:559/);
  });

  test('a restarted container prints its banner again; the crashed instance’s lines stay as the previous ones', () => {
    const sim = run();
    sim.driver.advance(60_000);
    const before = sim.lines().length;
    sim.kubelet.failContainer('kube-system', 'kube-apiserver-node1', 'web');
    sim.driver.advance(5_000);
    expect(sim.logs.read('kube-system', 'kube-apiserver-node1', 'web', 'previous').length).toBe(before);
    expect(sim.lines()[0]?.text).toMatch(/server\.go:559\] external host was not specified/);
  });
});
