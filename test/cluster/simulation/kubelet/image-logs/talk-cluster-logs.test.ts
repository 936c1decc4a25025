import { openCluster } from '../../../../../src/cluster/index.js';
import type { Pod } from '../../../../../src/cluster/objects.js';

const NOW = new Date('2026-12-03T00:40:00Z');
const KLOG = /^[IWE]\d{4} \d\d:\d\d:\d\d\.\d{6} {7}1 \S+:\d+\] /;

/** The talk cluster as served: its past replayed up to NOW, every container's lines written by then. */
function talkCluster(seed = 1) {
  return openCluster({ file: 'fixtures/talk-cluster.yaml' }, { driver: 'manual', seed, now: NOW });
}

describe('the talk cluster’s containers have written their lines by the time it serves', () => {
  test('the control plane’s static pods show their start-up, each in its own format', () => {
    const { cluster, simulation } = talkCluster();
    try {
      const read = (pod: string, container: string) => cluster.logs.read('kube-system', pod, container);
      const apiserver = read('kube-apiserver-node1', 'kube-apiserver');
      expect(apiserver[0]?.text).toBe('Flag --insecure-port has been deprecated, This flag will be removed in a future version.');
      expect(apiserver.slice(1).every((line) => KLOG.test(line.text))).toBe(true);
      expect(apiserver.map((l) => l.text)).toContainEqual(expect.stringMatching(/server\.go:146\] Version: v1\.14\.2$/));
      expect(read('etcd-node1', 'etcd')[0]?.text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} I \| etcdmain: etcd Version: 3\.3\.10$/);
      expect(read('kube-controller-manager-node1', 'kube-controller-manager').map((l) => l.text)).toContainEqual(
        expect.stringMatching(/leaderelection\.go:227\] successfully acquired lease kube-system\/kube-controller-manager$/),
      );
      expect(read('kube-scheduler-node1', 'kube-scheduler').length).toBeGreaterThan(5);
      // Every line was written before the present, and the klog header agrees with the runtime's timestamp.
      for (const line of apiserver) {
        expect(Date.parse(line.time)).toBeLessThanOrEqual(NOW.getTime());
        const header = /^.(\d\d)(\d\d) (\d\d:\d\d:\d\d\.\d{6})/.exec(line.text);
        if (header) expect(line.time.slice(5, 26)).toBe(`${header[1]}-${header[2]}T${header[3]}`);
      }
    } finally {
      simulation?.stop();
    }
  });

  test('coredns keeps the lines the cluster file gives it; kube-proxy and weave write their own', () => {
    const { cluster, simulation } = talkCluster();
    try {
      const pods = cluster.store.list('/pods', { namespace: 'kube-system' }).items.map((s) => s.object as Pod);
      const logsOf = (prefix: string, container: string) =>
        pods
          .filter((p) => p.metadata.name.startsWith(prefix) && p.status?.phase === 'Running')
          .map((p) => cluster.logs.read('kube-system', p.metadata.name, container).map((l) => l.text));
      for (const lines of logsOf('coredns-', 'coredns')) expect(lines).toEqual(['.:53', 'CoreDNS-1.3.1', 'linux/amd64, go1.11.4, 6b56a9c']);
      const proxies = logsOf('kube-proxy-', 'kube-proxy');
      expect(proxies.length).toBeGreaterThanOrEqual(2);
      for (const lines of proxies) expect(lines).toContainEqual(expect.stringMatching(/server_others\.go:146\] Using iptables Proxier\.$/));
      for (const lines of logsOf('weave-net-', 'weave'))
        expect(lines).toContainEqual(expect.stringMatching(/^INFO: \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} weave {2}2\.5\.2$/));
    } finally {
      simulation?.stop();
    }
  });

  test('the same seed writes the same lines', () => {
    const lines = (seed: number): string[] => {
      const { cluster, simulation } = talkCluster(seed);
      simulation?.stop();
      return cluster.logs.read('kube-system', 'kube-apiserver-node1', 'kube-apiserver').map((l) => `${l.time} ${l.text}`);
    };
    expect(lines(5)).toEqual(lines(5));
  });

  test('generating lines stays a small part of an hour of virtual time', () => {
    const { cluster, simulation } = talkCluster();
    try {
      const started = performance.now();
      simulation?.manual?.advance(60 * 60_000);
      const elapsed = performance.now() - started;
      const containers = cluster.store
        .list('/pods')
        .items.flatMap((s) =>
          ((s.object as Pod).spec?.containers ?? []).map((c) => [s.object.metadata.namespace ?? '', s.object.metadata.name, c.name] as const),
        );
      const lines = containers.reduce((sum, [ns, pod, c]) => sum + cluster.logs.read(ns, pod, c).length, 0);
      expect(containers.length).toBeGreaterThanOrEqual(18);
      expect(lines).toBeGreaterThan(1_000);
      // The whole simulation (controllers, kubelets, metrics and logs) lives the hour in well under real time.
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      simulation?.stop();
    }
  });
});
