import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ApiMetrics } from '../src/api/observability/index.js';
import { createApp } from '../src/api/server.js';
import { createLogger } from '../src/logging/logger.js';
import { loadCluster } from '../src/cluster/index.js';
import { syntheticCluster } from './synthetic-cluster.js';

/**
 * How fast kubefacade serves a large cluster, and what it costs in memory. Run: `npm run bench`
 * (options: --nodes N --pods N --namespaces N). Prints one line per measurement; medians of several runs.
 */
const args = new Map<string, number>();
for (let i = 2; i < process.argv.length; i += 2) args.set(String(process.argv[i]).replace(/^--/, ''), Number(process.argv[i + 1]));
const nodes = args.get('nodes') ?? 1000;
const pods = args.get('pods') ?? 50_000;
const namespaces = args.get('namespaces') ?? 100;
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

function fetchBytes(port: number, path: string, accept = 'application/json'): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { Accept: accept } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${path}: ${res.statusCode}`))));
    }).on('error', reject);
  });
}

async function median(runs: number, fn: () => Promise<number>): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] as number, bytes };
}

async function main(): Promise<void> {
  const heapBefore = heapMiB();
  const objects = syntheticCluster(nodes, pods, namespaces, Date.now());
  const loadStart = performance.now();
  const cluster = loadCluster({ objects });
  const loadMs = performance.now() - loadStart;
  objects.length = 0;
  const heapLoaded = heapMiB();
  console.log(`cluster: ${nodes} nodes, ${pods} pods, ${namespaces} namespaces`);
  console.log(`load: ${loadMs.toFixed(0)} ms, heap ${(heapLoaded - heapBefore).toFixed(0)} MiB for the cluster`);

  const app = createApp(cluster, { logger: createLogger('error'), metrics: new ApiMetrics(), serverAddress: () => '127.0.0.1' });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;

  const cases: [string, string, string?][] = [
    ['list all pods (JSON)', '/api/v1/pods'],
    ['list all pods, first page of 500 (Table)', '/api/v1/pods?limit=500', TABLE],
    ['list one namespace (JSON)', '/api/v1/namespaces/ns-7/pods'],
    ['pods on one node (describe node)', '/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-00042%2Cstatus.phase%21%3DSucceeded&limit=500'],
    ['pods by label in one namespace', '/api/v1/namespaces/ns-7/pods?labelSelector=app%3Dapp-7'],
    ['get one pod', `/api/v1/namespaces/ns-7/pods/app-0-${String(7).padStart(7, '0')}`],
    ['list nodes (Table)', '/api/v1/nodes?limit=500', TABLE],
  ];
  for (const [label, path, accept] of cases) {
    const runs = path === '/api/v1/pods' ? 3 : 15;
    await fetchBytes(port, path, accept);
    const { ms, bytes } = await median(runs, () => fetchBytes(port, path, accept));
    console.log(`${label.padEnd(42)} ${ms.toFixed(1).padStart(8)} ms  ${(bytes / 1024).toFixed(0).padStart(8)} KiB`);
  }
  console.log(`heap after requests: ${(heapMiB() - heapBefore).toFixed(0)} MiB`);
  server.close();
  cluster.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
