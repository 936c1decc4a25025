/**
 * nodes/<name>/proxy/stats/summary: the kubelet's Summary (k8s.io/kubelet pkg/apis/stats/v1alpha1), built from
 * the pods on the node and the simulated usage, so that it agrees with what metrics.k8s.io (kubectl top) says.
 */
import request from 'supertest';
import { testApp } from '../../support/test-app.js';
import { proxyObjects } from './proxy-objects.js';

const { app, clock } = testApp(proxyObjects());

/** Parsed JSON, read field by field as the test walks it. */
type Json = Record<string, any>;

const summary = async (node: string, query = ''): Promise<Json> => {
  const res = await request(app).get(`/api/v1/nodes/${node}/proxy/stats/summary${query}`).buffer(true).expect(200);
  expect(res.headers['content-type']).toBe('application/json');
  return JSON.parse(res.text) as Json;
};

/** Quantities of the metrics API back in the Summary's units. */
const nanocores = (cpu: string): number =>
  cpu.endsWith('n') ? Number(cpu.slice(0, -1)) : cpu.endsWith('m') ? Number(cpu.slice(0, -1)) * 1e6 : Number(cpu) * 1e9;
const bytes = (memory: string): number =>
  memory.endsWith('Ki') ? Number(memory.slice(0, -2)) * 1024 : memory.endsWith('Mi') ? Number(memory.slice(0, -2)) * 1024 ** 2 : Number(memory);

function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbersIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`));
  return [];
}

describe('the Summary of a node', () => {
  test('is written as go-restful writes it: indented by one space, without a final newline', async () => {
    const res = await request(app).get('/api/v1/nodes/node2/proxy/stats/summary').buffer(true).expect(200);
    expect(res.text.startsWith('{\n "node": {\n  "nodeName": "node2",\n  "systemContainers": [\n')).toBe(true);
    expect(res.text.endsWith('\n}')).toBe(true);
  });

  test('has the node’s statistics in the order of NodeStats, and the pods running on it', async () => {
    const { node, pods } = await summary('node2');
    expect(Object.keys(node)).toEqual(['nodeName', 'systemContainers', 'startTime', 'cpu', 'memory', 'network', 'fs', 'runtime', 'rlimit']);
    expect(node.systemContainers.map((c: Json) => c.name)).toEqual(['kubelet', 'runtime', 'pods']);
    expect(node.startTime).toBe('2026-01-01T11:59:03Z');
    expect(Object.keys(node.memory)).toEqual(['time', 'availableBytes', 'usageBytes', 'workingSetBytes', 'rssBytes', 'pageFaults', 'majorPageFaults']);
    expect(Object.keys(node.network)).toEqual(['time', 'name', 'rxBytes', 'rxErrors', 'txBytes', 'txErrors', 'interfaces']);
    expect(Object.keys(node.fs)).toEqual(['time', 'availableBytes', 'capacityBytes', 'usedBytes', 'inodesFree', 'inodes', 'inodesUsed']);
    expect(Object.keys(node.runtime)).toEqual(['imageFs', 'containerFs']);
    expect(node.rlimit).toMatchObject({ maxpid: 4194304 });
    expect(pods.map((p: Json) => p.podRef)).toEqual([
      { name: 'db-1', namespace: 'default', uid: 'uid-pod-default-db-1' },
      { name: 'web-1', namespace: 'default', uid: 'uid-pod-default-web-1' },
    ]);
    expect(Object.keys(pods[1])).toEqual(['podRef', 'startTime', 'containers', 'cpu', 'memory', 'network', 'ephemeral-storage', 'process_stats']);
    expect(Object.keys(pods[1].containers[0])).toEqual(['name', 'startTime', 'cpu', 'memory', 'rootfs', 'logs']);
  });

  test('every figure is a whole, non-negative number', async () => {
    for (const [path, value] of numbersIn(await summary('node1'))) {
      expect([path, Number.isInteger(value) && value >= 0]).toEqual([path, true]);
    }
  });

  test('agrees with the metrics API: the same usage for the node and for each container, at the same instant', async () => {
    const { node, pods } = await summary('node2');
    const nodeMetrics = (await request(app).get('/apis/metrics.k8s.io/v1beta1/nodes/node2').expect(200)).body;
    expect(node.cpu.usageNanoCores).toBe(nanocores(nodeMetrics.usage.cpu));
    expect(node.cpu.time).toBe(nodeMetrics.timestamp);
    expect(Math.abs(node.memory.workingSetBytes - bytes(nodeMetrics.usage.memory))).toBeLessThan(4096);
    const web = pods.find((p: Json) => p.podRef.name === 'web-1');
    const podMetrics = (await request(app).get('/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web-1').expect(200)).body;
    expect(web.containers[0].cpu.usageNanoCores).toBe(nanocores(podMetrics.containers[0].usage.cpu));
    expect(web.cpu.usageNanoCores).toBe(web.containers[0].cpu.usageNanoCores);
    const podsCgroup = node.systemContainers.find((c: Json) => c.name === 'pods');
    expect(podsCgroup.cpu.usageNanoCores).toBe(pods.reduce((sum: number, p: Json) => sum + p.cpu.usageNanoCores, 0));
  });

  test('a container with a memory limit has the bytes left under it; tmpfs volumes are sized by the node’s memory', async () => {
    const { pods } = await summary('node1');
    const api = pods.find((p: Json) => p.podRef.name === 'api-1');
    const memory = api.containers[0].memory;
    expect(memory.availableBytes).toBe(256 * 1024 ** 2 - memory.workingSetBytes);
    expect(api.volume.map((v: Json) => v.name)).toEqual(['cache', 'config', 'kube-api-access-x7k2p']);
    expect(api.volume[2].capacityBytes).toBe(4028852 * 1024);
    expect(api.volume[0].capacityBytes).toBe(api['ephemeral-storage'].capacityBytes);
  });

  test('cpu time only grows, at the rate of the usage beside it', async () => {
    const before = (await summary('node2')).node.cpu;
    clock.advance(60_000);
    const after = (await summary('node2')).node.cpu;
    const elapsed = (Date.parse(after.time) - Date.parse(before.time)) * 1e6;
    expect(after.usageCoreNanoSeconds - before.usageCoreNanoSeconds).toBeCloseTo((after.usageNanoCores * elapsed) / 1e9, -3);
  });

  test('only_cpu_and_memory=true keeps cpu and memory alone', async () => {
    const { node, pods } = await summary('node2', '?only_cpu_and_memory=true');
    expect(Object.keys(node)).toEqual(['nodeName', 'systemContainers', 'startTime', 'cpu', 'memory']);
    expect(Object.keys(pods[0])).toEqual(['podRef', 'startTime', 'containers', 'cpu', 'memory']);
    expect(Object.keys(pods[0].containers[0])).toEqual(['name', 'startTime', 'cpu', 'memory']);
  });

  test('a silent kubelet has no Summary to give', async () => {
    const res = await request(app).get('/api/v1/nodes/node4/proxy/stats/summary').expect(503);
    expect(res.body.message).toBe('error trying to reach service: dial tcp 192.168.0.15:10250: connect: no route to host');
  });
});
