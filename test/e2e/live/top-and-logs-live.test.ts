/**
 * `kubectl top` and `kubectl logs -f` on the living talk cluster: top prints what the metrics API serves (the
 * simulated metrics-server), with kubectl's own rounding; logs -f streams the lines a kubelet writes as
 * simulated time passes.
 */
import type { Node, Pod } from '../../../src/cluster/index.js';
import type { E2eServer } from '../../support/e2e-server.js';
import { useE2eServer } from '../../support/e2e-server.js';
import { describeEachKubectl, type KubectlBinary } from '../../support/kubectl.js';
import { cells, rows, rowsAfter } from './printed-rows.js';
import { advanceTo, crashesOf, nodeFailsAt, scaleAt } from './talk-scenario.js';

const DECIMAL_SUFFIX: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9 };
const BINARY_SUFFIX: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 };

/** A Kubernetes quantity (`284123456n`, `1382400Ki`, `2`) in billionths of its unit: exact for what metrics carry. */
function nanos(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(quantity);
  const factor = DECIMAL_SUFFIX[match?.[2] ?? '?'] ?? BINARY_SUFFIX[match?.[2] ?? '?'];
  if (match === null || factor === undefined) throw new Error(`not a quantity this test reads: ${quantity}`);
  return Math.round(Number(match[1]) * factor * 1e9);
}

/** Go's Quantity.MilliValue: thousandths, rounded up. */
const milli = (nano: number): number => Math.ceil(nano / 1e6);

/** kubectl's memory cell: whole mebibytes, rounded down (Value() / (1024 * 1024)). */
const mebibytes = (nano: number): string => `${Math.floor(nano / 1e9 / 2 ** 20)}Mi`;

type Usage = { cpu: string; memory: string };
interface MetricsList<T> {
  items: T[];
}
type NodeMetrics = { metadata: { name: string }; usage: Usage };
type PodMetrics = { metadata: { name: string; namespace: string }; containers: { usage: Usage }[] };

async function raw<T>(server: E2eServer, binary: KubectlBinary, path: string): Promise<T> {
  const { stdout, stderr, exitCode } = await server.kubectl(binary, ['get', '--raw', path]);
  if (exitCode !== 0) throw new Error(`kubectl get --raw ${path}: ${stderr}`);
  return JSON.parse(stdout) as T;
}

describeEachKubectl('kubectl top on the live cluster', (binary) => {
  const server = useE2eServer({ live: {} });
  beforeAll(() => advanceTo(server(), scaleAt('default/web') + 30_000));

  it('prints every node’s usage as the metrics API reports it, percentages of allocatable', async () => {
    const metrics = await raw<MetricsList<NodeMetrics>>(server(), binary, '/apis/metrics.k8s.io/v1beta1/nodes');
    const { stdout, stderr, exitCode } = await server().kubectl(binary, ['top', 'nodes']);
    expect({ stderr, exitCode }).toEqual({ stderr: '', exitCode: 0 });
    // kubectl 1.32 renamed the percentage columns (kubectl/pkg/metricsutil/metrics_printer.go).
    const percent = binary.minor >= 32 ? ['CPU(%)', 'MEMORY(%)'] : ['CPU%', 'MEMORY%'];
    const expected = metrics.items.map((item) => {
      const node = server().running.cluster.store.get('/nodes', undefined, item.metadata.name)?.object as Node | undefined;
      const allocatable = node?.status?.allocatable ?? {};
      const cpu = nanos(item.usage.cpu);
      const memory = nanos(item.usage.memory);
      const cpuPercent = Math.floor((milli(cpu) * 100) / milli(nanos(allocatable.cpu ?? '0')));
      const memoryPercent = Math.floor((milli(memory) * 100) / milli(nanos(allocatable.memory ?? '0')));
      return [item.metadata.name, `${milli(cpu)}m`, `${cpuPercent}%`, mebibytes(memory), `${memoryPercent}%`];
    });
    expect(metrics.items.map((item) => item.metadata.name)).toEqual(['node1', 'node2', 'node3', 'node4', 'node5']);
    expect(rows(stdout).map(cells)).toEqual([['NAME', 'CPU(cores)', percent[0], 'MEMORY(bytes)', percent[1]], ...expected]);
  });

  it('prints every pod’s usage in every namespace, its containers summed', async () => {
    const metrics = await raw<MetricsList<PodMetrics>>(server(), binary, '/apis/metrics.k8s.io/v1beta1/pods');
    const { stdout, stderr, exitCode } = await server().kubectl(binary, ['top', 'pods', '-A']);
    expect({ stderr, exitCode }).toEqual({ stderr: '', exitCode: 0 });
    const expected = metrics.items.map((item) => {
      const cpu = item.containers.reduce((sum, c) => sum + nanos(c.usage.cpu), 0);
      const memory = item.containers.reduce((sum, c) => sum + nanos(c.usage.memory), 0);
      return [item.metadata.namespace, item.metadata.name, `${milli(cpu)}m`, mebibytes(memory)];
    });
    // metrics-server reports Running pods only, and only once each container has two samples (a few scrapes
    // after it started): every long-running pod is there, a just-started one may not be yet.
    const running = server()
      .running.cluster.store.list('/pods', {})
      .items.map((stored) => stored.object as Pod)
      .filter((pod) => pod.status?.phase === 'Running');
    const name = (pod: { metadata: { namespace?: string; name: string } }): string => `${pod.metadata.namespace}/${pod.metadata.name}`;
    const reported = new Set(metrics.items.map(name));
    expect([...reported].every((key) => running.some((pod) => name(pod) === key))).toBe(true);
    const now = server().running.cluster.clock.now();
    const settled = running.filter((pod) => (pod.status?.containerStatuses ?? []).every((c) => now - Date.parse(c.state?.running?.startedAt ?? '') >= 60_000));
    expect(settled.length).toBeGreaterThan(10);
    for (const pod of settled) expect(reported).toContain(name(pod));
    expect(rows(stdout).map(cells)).toEqual([['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)'], ...expected]);
  });
});

describeEachKubectl('kubectl logs -f on the live cluster', (binary) => {
  const server = useE2eServer({ live: {} });

  it('streams the lines a web pod’s container writes as time passes', async () => {
    advanceTo(server(), scaleAt('default/web') + 10_000);
    const { store, logs } = server().running.cluster;
    const pod = store
      .list('/pods', { namespace: 'default' })
      .items.map((stored) => stored.object as Pod)
      .find((p) => p.metadata.labels?.app === 'web');
    const name = pod?.metadata.name ?? '';
    const written = (): string[] => logs.read('default', name, 'nginx').map((line) => line.text);
    const already = written();
    const kubectl = server().spawnKubectl(binary, ['logs', '-f', name]);
    try {
      const printed = await kubectl.waitForStdout((out) => rows(out).length >= already.length);
      expect(rows(printed)).toEqual(already);
      advanceTo(server(), scaleAt('default/web') + 60_000);
      const more = written().slice(already.length);
      expect(more.length).toBeGreaterThan(0);
      const streamed = await kubectl.waitForStdout((out) => rowsAfter(out, printed).length >= more.length);
      expect(rowsAfter(streamed, printed)).toEqual(more);
      expect(kubectl.stderr()).toBe('');
    } finally {
      await kubectl.stop();
    }
  });

  it('prints the restarted database’s current instance, --previous the crashed one, and -f ends with the next crash', async () => {
    const [first, second] = crashesOf('default/db', 'mysql');
    if (first === undefined || second === undefined) throw new Error('the talk scenario crashes default/db twice');
    advanceTo(server(), first + 5_000);
    const { store, logs } = server().running.cluster;
    const db = store
      .list('/pods', { namespace: 'default' })
      .items.map((stored) => stored.object as Pod)
      .find((p) => p.metadata.labels?.app === 'db');
    const name = db?.metadata.name ?? '';
    expect(db?.status?.containerStatuses?.[0]?.restartCount).toBe(1);
    const text = (instance: 'current' | 'previous'): string =>
      logs
        .read('default', name, 'mysql', instance)
        .map((line) => `${line.text}\n`)
        .join('');
    expect(text('previous')).not.toBe('');

    const current = await server().kubectl(binary, ['logs', name]);
    expect(current).toEqual({ stdout: text('current'), stderr: '', exitCode: 0 });
    const previous = await server().kubectl(binary, ['logs', name, '--previous']);
    expect(previous).toEqual({ stdout: text('previous'), stderr: '', exitCode: 0 });

    const kubectl = server().spawnKubectl(binary, ['logs', '-f', name]);
    try {
      await kubectl.waitForStdout((out) => out.length >= text('current').length);
      advanceTo(server(), second + 500);
      // The crash ends the instance: the stream closes and kubectl exits by itself, having printed every line.
      expect(await kubectl.waitForExit()).toBe(0);
      expect(kubectl.stdout()).toBe(text('current'));
      expect(kubectl.stderr()).toBe('');
    } finally {
      await kubectl.stop();
    }
  });
});

describeEachKubectl('kubectl top and logs once node2 has failed', (binary) => {
  const server = useE2eServer({ live: {} });
  // The node lifecycle controller has had its grace period: node2 is Unknown, its pods not yet evicted.
  beforeAll(() => advanceTo(server(), nodeFailsAt('node2') + 60_000));

  it('top nodes prints node2 last, <unknown>: metrics-server cannot scrape its kubelet', async () => {
    const { stdout, stderr, exitCode } = await server().kubectl(binary, ['top', 'nodes']);
    expect({ stderr, exitCode }).toEqual({ stderr: '', exitCode: 0 });
    const printed = rows(stdout).map(cells);
    expect(printed.map((c) => c[0])).toEqual(['NAME', 'node1', 'node3', 'node4', 'node5', 'node2']);
    expect(printed.at(-1)).toEqual(['node2', '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  });

  it('logs of a pod on node2 fail as the API server’s dial to its kubelet does', async () => {
    const { store } = server().running.cluster;
    const pod = store
      .list('/pods', { index: { name: 'spec.nodeName', value: 'node2' } })
      .items.map((stored) => stored.object as Pod)
      .find((p) => p.metadata.labels?.app === 'web');
    const name = pod?.metadata.name ?? '';
    const { stdout, stderr, exitCode } = await server().kubectl(binary, ['logs', name, '--tail=2']);
    expect({ stdout, exitCode }).toEqual({ stdout: '', exitCode: 1 });
    const url = `https://192.168.0.17:10250/containerLogs/default/${name}/nginx?tailLines=2`;
    expect(stderr).toBe(`Error from server: Get "${url}": dial tcp 192.168.0.17:10250: connect: no route to host\n`);
  });
});
