import { createWriteStream } from 'node:fs';
import { Agent, request } from 'node:http';
import { finished } from 'node:stream/promises';
import { now } from './child-process.js';

/** One keep-alive agent per target, as a client such as kubectl keeps its connections. */
export const keepAlive = new Agent({ keepAlive: true, maxSockets: 256 });

export interface Target {
  host: string;
  port: number;
  headers: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
  /** From sending the request to the last byte of the body. */
  ms: number;
  /** The body, when asked to keep it. */
  body?: Buffer;
}

export interface GetOptions {
  headers?: Record<string, string>;
  /** Keep the body in memory (small answers only). */
  keep?: boolean;
  /** Stream the body into this file (large answers captured for the ceiling). */
  file?: string;
  method?: string;
  timeoutMs?: number;
}

/** A GET (or another method) whose body is counted, kept or written to a file, never parsed. */
export function get(target: Target, path: string, options: GetOptions = {}): Promise<Answer> {
  const started = now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.host, port: target.port, path, method: options.method ?? 'GET', agent: keepAlive, headers: { ...target.headers, ...options.headers } },
      (res) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        const file = options.file === undefined ? undefined : createWriteStream(options.file);
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (options.keep) chunks.push(chunk);
          if (file) file.write(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const answer: Answer = {
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes,
            ms: now() - started,
            ...(options.keep ? { body: Buffer.concat(chunks) } : {}),
          };
          if (!file) return resolve(answer);
          file.end();
          finished(file).then(() => resolve(answer), reject);
        });
      },
    );
    req.setTimeout(options.timeoutMs ?? 300_000, () => req.destroy(new Error(`${path}: no answer after ${options.timeoutMs ?? 300_000} ms`)));
    req.on('error', reject);
    req.end();
  });
}
