import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * The ceiling: a bare node:http server answering each request the benchmark measures with the exact bytes
 * kubefacade answered it with (captured beforehand), read into memory at start. Nothing is parsed, routed or
 * serialised per request, so no server could answer the same bytes much faster on this machine; kubefacade's time
 * divided by its time is the price of being a real server.
 *
 * Run as a child of the benchmark: `node ceiling-server.js MANIFEST`; prints `listening <port>` when ready.
 */

export interface CeilingResponse {
  method: string;
  path: string;
  accept: string;
  status: number;
  contentType: string;
  /** `gzip` when kubefacade compressed the answer (kubectl asks for gzip): the ceiling sends the same compressed bytes. */
  contentEncoding?: string;
  file: string;
}

/** Watches of node Leases, renewed as the simulated kubelets renew them: every lease at once, every period. */
export interface CeilingWatch {
  /** Watch requests whose path starts so are held open and fed events. */
  pathPrefix: string;
  /** One event line as kubefacade sent it, `__NAME__` and `__RENEW__` standing for the lease's name and renewTime. */
  template: string;
  names: string[];
  periodMs: number;
}

export interface CeilingManifest {
  responses: CeilingResponse[];
  watch?: CeilingWatch;
}

export const keyOf = (method: string, path: string, accept: string): string => `${method} ${path}\n${accept}`;

function main(): void {
  const manifest = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as CeilingManifest;
  const answers = new Map<string, { status: number; headers: Record<string, string | number>; body: Buffer }>();
  const byPath = new Map<string, string>();
  for (const response of manifest.responses) {
    const body = readFileSync(response.file);
    const key = keyOf(response.method, response.path, response.accept);
    const encoding: Record<string, string> = response.contentEncoding === undefined ? {} : { 'Content-Encoding': response.contentEncoding };
    answers.set(key, { status: response.status, headers: { 'Content-Type': response.contentType, ...encoding, 'Content-Length': body.length }, body });
    if (!byPath.has(`${response.method} ${response.path}`)) byPath.set(`${response.method} ${response.path}`, key);
  }
  const watchers = new Map<string, Set<ServerResponse>>();
  const everything = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const watch = manifest.watch;
    if (watch && path.startsWith(watch.pathPrefix) && /[?&]watch=(1|true)/.test(path)) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      res.flushHeaders();
      const name = /fieldSelector=metadata\.name%3D([^&]+)/.exec(path)?.[1];
      const set = name === undefined ? everything : (watchers.get(name) ?? watchers.set(name, new Set()).get(name)!);
      set.add(res);
      req.on('close', () => set.delete(res));
      return;
    }
    const key = keyOf(method, path, req.headers.accept ?? '');
    const answer = answers.get(key) ?? answers.get(byPath.get(`${method} ${path}`) ?? '');
    if (!answer) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not captured\n');
      return;
    }
    res.writeHead(answer.status, answer.headers).end(answer.body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
    if (manifest.watch) renewLeases(manifest.watch, watchers, everything);
  });
  process.on('SIGTERM', () => process.exit(0));
}

/** Every lease renewed at the same instant each period, stamped with the instant it was due, as the simulation does. */
function renewLeases(watch: CeilingWatch, watchers: Map<string, Set<ServerResponse>>, everything: Set<ServerResponse>): void {
  const wallNow = (): number => performance.timeOrigin + performance.now();
  let due = Math.ceil(wallNow() / watch.periodMs) * watch.periodMs;
  const tick = (): void => {
    const renewTime = microTime(due);
    for (const name of watch.names) {
      const targets = watchers.get(name);
      if ((!targets || targets.size === 0) && everything.size === 0) continue;
      const line = watch.template.replaceAll('__NAME__', name).replace('__RENEW__', renewTime);
      for (const res of targets ?? []) res.write(line);
      for (const res of everything) res.write(line);
    }
    due += watch.periodMs;
    setTimeout(tick, Math.max(0, due - wallNow()));
  };
  setTimeout(tick, Math.max(0, due - wallNow()));
}

function microTime(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const micros = String(Math.floor((epochMs - Math.floor(whole / 1000) * 1000) * 1000)).padStart(6, '0');
  return `${new Date(whole).toISOString().slice(0, 19)}.${micros}Z`;
}

if (process.argv[1]?.endsWith('ceiling-server.js')) main();
