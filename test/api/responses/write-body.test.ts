import express from 'express';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chunksTaken, idleChunks, writeAsMade, writeJsonPieces } from '../../../src/api/responses/write-body.js';

/**
 * A body of many pieces is gathered into pooled 1 MiB chunks, each given back once the socket has taken it: the
 * bytes a client reads are exactly the pieces in order, whatever reuse happened while other bodies were written.
 */
const MIB = 1024 * 1024;

/** Pieces of varied sizes (one over a chunk), each filled with its own byte so a misplaced copy shows. */
function pieces(seed: number): Buffer[] {
  const sizes = [3, 2_700, 900_000, 150_000, 1, MIB + 17, 64, 2 * MIB - 5, 80_000, 12];
  return Array.from({ length: 40 }, (_, i) => Buffer.alloc(sizes[(i + seed) % sizes.length] as number, (i * 7 + seed) % 251));
}

const expected = (seed: number): Buffer => Buffer.concat([...pieces(seed), Buffer.from('\n')]);

let server: Server;
let port: number;
beforeAll(async () => {
  const app = express();
  app.get('/body/:seed', (req, res) => writeJsonPieces(res, 200, pieces(Number(req.params.seed))));
  app.get('/in-place', (_req, res) => writeJsonPieces(res, 200, inPlacePieces()));
  app.get('/made/:pieces', (req, res) => {
    const made = { pieces: 0, whenBlocked: 0 };
    madeBodies.push(made);
    writeAsMade(res, 200, 'application/yaml', madePieces(Number(req.params.pieces), made));
    // The writer waits for 'drain' once the socket is full: how far it had got then is what it made ahead.
    const watch = (): void => {
      if (res.writableNeedDrain) made.whenBlocked = made.pieces;
      else if (!res.writableEnded) setImmediate(watch);
    };
    watch();
  });
  app.get('/failing/:at', (req, res) => writeAsMade(res, 200, 'application/yaml', failingPieces(Number(req.params.at))));
  // What the API's error handler does with a failure: its Status (here, a plain 500).
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(500).type('application/json').send('{"kind":"Status","code":500}');
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Memory holding 3 MiB of distinct bytes, in the pieces of a list: a separate head, then 3,000-byte slices of it in order. */
const slab = Buffer.from(Array.from({ length: 3 * MIB }, (_, i) => (i * 31 + (i >> 12)) % 251));
function inPlacePieces(): Buffer[] {
  const items: Buffer[] = [Buffer.from('{"items":[')];
  for (let at = 0; at < slab.length; at += 3_000) items.push(slab.subarray(at, Math.min(at + 3_000, slab.length)));
  return items;
}

/** Text pieces of 64 KiB made one at a time, each of its own letter, counting how many were made. */
const MADE_PIECE = 64 * 1024;
const madeBodies: { pieces: number; whenBlocked: number }[] = [];
function* madePieces(count: number, made: { pieces: number }): Generator<string> {
  for (let i = 0; i < count; i++) {
    made.pieces++;
    yield String.fromCharCode(97 + (i % 26)).repeat(MADE_PIECE - 1) + '\n';
  }
}
const madeText = (count: number): string => [...madePieces(count, { pieces: 0 })].join('');

/** Made pieces, the one at `at` failing to be made. */
function* failingPieces(at: number): Generator<string> {
  for (let i = 0; ; i++) {
    if (i === at) throw new Error(`piece ${i} cannot be made`);
    yield 'x'.repeat(MADE_PIECE - 1) + '\n';
  }
}

/** The status, headers and bytes a client got, and whether the connection ended before the body did. */
function readUntilEnd(path: string): Promise<{ status: number | undefined; bytes: number; cutOff: boolean; body: string }> {
  return new Promise((resolve) => {
    let status: number | undefined;
    const chunks: Buffer[] = [];
    const done = (cutOff: boolean): void => resolve({ status, bytes: Buffer.concat(chunks).length, cutOff, body: Buffer.concat(chunks).toString() });
    const req = httpRequest({ host: '127.0.0.1', port, path }, (res) => {
      status = res.statusCode;
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(false));
      res.on('aborted', () => done(true));
      res.on('error', () => done(true));
    });
    req.on('error', () => done(true));
    req.end();
  });
}

/** Reads a body; until `start` settles the socket stays unread, so the server's writes wait for 'drain'. */
function read(
  seed: number | string,
  start: Promise<unknown> = Promise.resolve(),
): Promise<{ body: Buffer; length: string | undefined; chunked: boolean; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: typeof seed === 'string' ? `/${seed}` : `/body/${seed}` }, (res) => {
      const chunks: Buffer[] = [];
      res.pause();
      void start.then(() => {
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            body: Buffer.concat(chunks),
            length: res.headers['content-length'],
            chunked: res.headers['transfer-encoding'] === 'chunked',
            type: res.headers['content-type'],
          }),
        );
        res.resume();
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a body written from pieces through pooled chunks', () => {
  it('is the pieces in order, with its Content-Length, and its chunks return to the pool', async () => {
    const { body, length } = await read(1);
    expect(body.equals(expected(1))).toBe(true);
    expect(length).toBe(String(expected(1).length));
    expect(idleChunks()).toBeGreaterThan(0);
  });

  it('stays exact while bodies written at the same time reuse one another’s chunks', async () => {
    // Three read at once; three more are held unread until those are done, their writes waiting on 'drain'.
    const fast = Promise.all([2, 3, 4].map((seed) => read(seed)));
    const held = Promise.all([5, 6, 7].map((seed) => read(seed, fast)));
    const bodies = [...(await fast), ...(await held)];
    bodies.forEach(({ body }, i) => expect(body.equals(expected(i + 2))).toBe(true));
    const again = await read(2);
    expect(again.body.equals(expected(2))).toBe(true);
  });

  it('writes pieces that lie one after another in one memory from there, gathering only the rest', async () => {
    const before = chunksTaken();
    const { body } = await read('in-place');
    expect(body.equals(Buffer.concat([...inPlacePieces(), Buffer.from('\n')]))).toBe(true);
    // The head and the slices after it up to one chunk are gathered; the 2 MiB of slices beyond are written in place.
    expect(chunksTaken() - before).toBe(1);
  });
});

describe('a body written as it is made', () => {
  it('is sent at once with its Content-Length when it fits in a chunk', async () => {
    const { body, length, chunked, type } = await read('made/3');
    expect(body.toString()).toBe(madeText(3));
    expect([length, chunked, type]).toEqual([String(3 * MADE_PIECE), false, 'application/yaml']);
  });

  it('is sent chunked when larger, every piece in order', async () => {
    const { body, length, chunked } = await read('made/100');
    expect(body.toString()).toBe(madeText(100));
    expect([length, chunked]).toEqual([undefined, true]);
  });

  it('that fails before anything is sent gets the Status of the failure', async () => {
    expect(await readUntilEnd('/failing/0')).toEqual({ status: 500, bytes: 28, cutOff: false, body: '{"kind":"Status","code":500}' });
  });

  it('that fails once part of it is out ends the connection, as the real server can only do then', async () => {
    // 40 pieces of 64 KiB: two chunks are out when the 40th cannot be made.
    const answer = await readUntilEnd('/failing/40');
    expect(answer.status).toBe(200);
    expect(answer.cutOff).toBe(true);
    expect(answer.bytes).toBeGreaterThan(0);
    expect(answer.bytes).toBeLessThan(40 * MADE_PIECE);
  });

  it('is made only as fast as the client reads: a client that does not read holds back what is made', async () => {
    // 1,024 pieces are 64 MiB; the socket's buffers on loopback hold a few MiB of it until the client reads.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const index = madeBodies.length;
    const reading = read('made/1024', held);
    await new Promise<void>((resolve) => {
      const check = (): void => (madeBodies[index]?.whenBlocked ? resolve() : void setImmediate(check));
      check();
    });
    const made = madeBodies[index] as { pieces: number; whenBlocked: number };
    expect(made.whenBlocked).toBeLessThan(1024 / 2);
    release();
    const { body } = await reading;
    expect(made.pieces).toBe(1024);
    expect(body.equals(Buffer.from(madeText(1024)))).toBe(true);
  });
});
