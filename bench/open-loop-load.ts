import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { HttpResponseReader } from './http-response-reader.js';

export interface OpenLoopOptions {
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  /** Requests per second. */
  rate: number;
  durationMs: number;
  /** Keep-alive connections, opened before the first request is due. */
  connections: number;
  /** A request unanswered this long counts as an error and its connection is dropped. */
  timeoutMs: number;
}

export interface RateResult {
  /** Latency of each answered request from the instant it was due (open loop: a slow answer delays no later request). */
  latencies: number[];
  /** Requests that failed, timed out or answered other than 200. */
  errors: number;
  sent: number;
}

interface Connection {
  socket: Socket;
  reader: HttpResponseReader;
  /** When the request in flight was due, or undefined when idle. */
  due: number | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * An open-loop load at a fixed rate, as wrk2 makes it: request i is due at start + i/rate whatever became of the
 * others, and its latency counts from then, so a stall shows in the percentiles instead of slowing the load down.
 * Requests go over a pool of keep-alive connections, used in turn (none sits idle long enough for the server to
 * close it); a request due while every connection waits for an answer waits for the first one free, its latency
 * still counted from its due instant.
 */
export async function openLoopLoad(options: OpenLoopOptions): Promise<RateResult> {
  const request = Buffer.from(
    `GET ${options.path} HTTP/1.1\r\nHost: ${options.host}:${options.port}\r\n${Object.entries(options.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}\r\n`,
    'latin1',
  );
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  let settled = 0;
  let stopped = false;
  const idle: Connection[] = [];
  const all = new Set<Connection>();
  const waiting: number[] = [];
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const settle = (connection: Connection, ok: boolean): void => {
    if (connection.due === undefined) return;
    if (ok) latencies.push(performance.now() - connection.due);
    else errors += 1;
    connection.due = undefined;
    clearTimeout(connection.timer);
    settled += 1;
    if (settled === total) finish();
  };
  const send = (connection: Connection, due: number): void => {
    connection.due = due;
    connection.timer = setTimeout(() => {
      settle(connection, false);
      connection.socket.destroy();
    }, options.timeoutMs);
    connection.socket.write(request);
  };
  const release = (connection: Connection): void => {
    const due = waiting.shift();
    if (due === undefined) idle.push(connection);
    else send(connection, due);
  };
  const open = (): Promise<Connection> =>
    new Promise((resolve, reject) => {
      const socket = connect({ host: options.host, port: options.port, noDelay: true });
      const connection: Connection = { socket, reader: new HttpResponseReader(), due: undefined, timer: undefined };
      all.add(connection);
      socket.once('connect', () => resolve(connection));
      // Before the connection is up an error fails the open; after, 'close' follows it and replaces the connection.
      // Listened for on every error, not once: a socket may report more than one, and an unheard one ends the load.
      socket.on('error', reject);
      socket.on('data', (data: Buffer) =>
        connection.reader.feed(data, (status) => {
          settle(connection, status === 200);
          release(connection);
        }),
      );
      // A connection the server closed (or that failed) is replaced; what it had in flight is an error.
      socket.on('close', () => {
        settle(connection, false);
        all.delete(connection);
        const at = idle.indexOf(connection);
        if (at >= 0) idle.splice(at, 1);
        if (!stopped && settled < total) open().then(release, () => undefined);
      });
    });

  for (let i = 0; i < options.connections; i++) idle.push(await open());
  const start = performance.now() + 10;
  const fire = (): void => {
    const elapsed = performance.now() - start;
    while (sent < total && (sent * 1000) / options.rate <= elapsed) {
      const due = start + (sent * 1000) / options.rate;
      sent += 1;
      const connection = idle.shift();
      if (connection) send(connection, due);
      else waiting.push(due);
    }
    if (sent < total) setTimeout(fire, 1);
    // What is still unanswered a timeout after the last request was due (a server gone, a connection not reopened) failed.
    else setTimeout(finish, options.timeoutMs).unref();
  };
  setTimeout(fire, 10);
  await done;
  stopped = true;
  errors += total - settled;
  for (const connection of all) connection.socket.destroy();
  return { latencies, errors, sent };
}
