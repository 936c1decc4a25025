import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Target } from './http.js';
import type { OpenLoopOptions, RateResult } from './open-loop-load.js';

/** A load's result, and how long the load's own thread waited for a CPU while sending it (Linux only). */
export interface MeasuredRate extends RateResult {
  loadWaitedMs?: number;
}

/** Connections the load keeps open: enough that a stall of tens of milliseconds at 2,000/s queues nothing locally. */
const CONNECTIONS = 64;

/**
 * An open-loop GET load at a fixed rate (see `openLoopLoad`), run in a process of its own (`rate-load-process`)
 * over raw keep-alive sockets.
 */
export async function fixedRate(target: Target, path: string, rate: number, durationMs: number, headers: Record<string, string> = {}): Promise<MeasuredRate> {
  const options: OpenLoopOptions = {
    host: target.host,
    port: target.port,
    path,
    headers: { ...target.headers, ...headers },
    rate,
    durationMs,
    connections: CONNECTIONS,
    timeoutMs: 10_000,
  };
  const script = fileURLToPath(new URL('./rate-load-process.js', import.meta.url));
  const child = spawn(process.execPath, [script, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`the GET load ended with exit code ${code}: ${Buffer.concat(err).toString().trim().slice(-2000)}`);
  return JSON.parse(Buffer.concat(out).toString()) as MeasuredRate;
}
