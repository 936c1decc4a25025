import { execFile } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CeilingResponse } from './ceiling-server.js';
import { now } from './child-process.js';

/** A kubeconfig like `from`, pointed at another server (the recording proxy, the ceiling). */
export function kubeconfigFor(from: string, fromUrl: string, toUrl: string, file: string): string {
  writeFileSync(file, readFileSync(from, 'utf8').replaceAll(fromUrl, toUrl));
  return file;
}

export interface KubectlRun {
  ms: number;
  code: number;
  stdoutBytes: number;
  stderr: string;
}

export function runKubectl(kubeconfig: string, cacheDir: string, args: readonly string[], timeoutMs = 300_000): Promise<KubectlRun> {
  const started = now();
  return new Promise((resolve) => {
    execFile('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', cacheDir, ...args], { maxBuffer: 1 << 30, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ ms: now() - started, code, stdoutBytes: stdout.length, stderr: stderr.slice(-2000) });
    });
  });
}

/**
 * A pass-through proxy in front of kubefacade that keeps every answer (headers' content type, status, body) as a
 * file: kubectl run through it once leaves what the ceiling needs to answer the same kubectl command.
 */
export async function recordingProxy(
  upstream: { host: string; port: number },
  dir: string,
): Promise<{ url: string; responses: CeilingResponse[]; close(): Promise<void> }> {
  const responses: CeilingResponse[] = [];
  const server = createServer((req, res) => {
    const forward = request({ host: upstream.host, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const file = join(dir, `kubectl-${responses.length}-${Math.random().toString(36).slice(2, 8)}.body`);
      const out = createWriteStream(file);
      responses.push({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        accept: req.headers.accept ?? '',
        status: answer.statusCode ?? 0,
        contentType: String(answer.headers['content-type'] ?? 'application/json'),
        ...(answer.headers['content-encoding'] === undefined ? {} : { contentEncoding: answer.headers['content-encoding'] }),
        file,
      });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(out);
      answer.pipe(res);
    });
    forward.on('error', (error) => res.writeHead(502).end(error.message));
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    responses,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
