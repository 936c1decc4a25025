import type { Response } from 'express';
import type { BodyPiece, EncodedBody } from '../encoding/resource-encoder.js';
import { adjacentRun, viewOfRun } from '../encoding/adjacent-pieces.js';
import { dumpYaml } from '../encoding/yaml-encoder.js';
import { protobufObject } from '../encoding/protobuf-encoder.js';
import { PROTOBUF_MEDIA_TYPE } from '../protobuf/index.js';
import { ChunkPool } from './chunk-pool.js';

/** Pieces are written gathered into chunks of about this size: few writes, and no giant buffer. */
const CHUNK_BYTES = 1024 * 1024;
/** A body up to this size is written at once, from a buffer of its own. */
const SMALL_BODY_BYTES = 64 * 1024;
const NEWLINE = Buffer.from('\n');

/**
 * Writes a JSON body made of pieces, most of them bytes made once per object version and kept (encoding/
 * item-encodings.ts), so a list is the concatenation of what is already encoded. Its Content-Length is known up
 * front, so the gzip filter applies the real server's threshold. Pieces are gathered into chunks of about 1 MiB
 * and written as the client takes them ('drain'), so a list of 150,000 objects never becomes one giant buffer
 * nor piles up in memory when the client reads slowly. It ends with a newline, as Go's json.Encoder writes a
 * compact body (apimachinery serializer/json doEncode).
 */
export function writeJsonPieces(res: Response, status: number, pieces: Iterable<BodyPiece>): void {
  writeKeptPieces(res, status, 'application/json', pieces, NEWLINE);
}

/** A body of kept pieces in any media type (protobuf's envelope and messages), `ending` after them. */
function writeKeptPieces(res: Response, status: number, contentType: string, pieces: Iterable<BodyPiece>, ending?: Buffer): void {
  const chunks: Buffer[] = [];
  let length = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    chunks.push(bytes);
    length += bytes.length;
  }
  if (ending) {
    chunks.push(ending);
    length += ending.length;
  }
  res.status(status);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(length));
  // A small body (a GET, a page) is one write of its own: a pooled chunk is for bodies that need several.
  if (length <= SMALL_BODY_BYTES) res.end(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length));
  else writeChunks(res, chunks);
}

/** Chunks of the bodies being written; 64 idle ones (64 MiB) are kept between responses. */
const chunkPool = new ChunkPool(CHUNK_BYTES, 64);

/** A run of pieces that already lie one after another in memory is written from there when it is at least this long. */
const IN_PLACE_RUN_BYTES = 64 * 1024;

/**
 * Writes `chunks` gathered into pooled chunks of CHUNK_BYTES (a piece that large is written as it is), waiting for
 * 'drain' whenever the socket is full. A chunk goes back to the pool when its write's callback says the socket has
 * taken it; a write whose callback never comes (a compressing filter holds the bytes) keeps its chunk for good.
 * Pieces that are consecutive bytes of one memory (objects encoded one after another into a slab, as a table's
 * first full list encodes its objects in key order) are written as one view of that memory, copied nowhere.
 */
function writeChunks(res: Response, chunks: readonly Buffer[]): void {
  let next = 0;
  const gather = (): { chunk: Buffer; release?: () => void } => {
    const first = chunks[next] as Buffer;
    if (chunks.length - next === 1 || first.length >= CHUNK_BYTES) {
      next++;
      return { chunk: first };
    }
    const run = adjacentRun(chunks, next, CHUNK_BYTES);
    if (run.bytes >= IN_PLACE_RUN_BYTES) {
      const chunk = viewOfRun(chunks, next, run.bytes);
      next = run.end;
      return { chunk };
    }
    const target = chunkPool.take();
    let size = 0;
    while (next < chunks.length) {
      const piece = chunks[next] as Buffer;
      if (size + piece.length > CHUNK_BYTES) break;
      size += piece.copy(target, size);
      next++;
    }
    return { chunk: target.subarray(0, size), release: () => chunkPool.give(target) };
  };
  pump(res, () => ({ ...gather(), last: next === chunks.length }));
}

/** A chunk to write, what gives it back to the pool once the socket has taken it, and whether it ends the body. */
interface Gathered {
  chunk: Buffer;
  release?: () => void;
  last: boolean;
}

/**
 * Writes the chunks `gather` hands out (`first` before them, when already gathered), waiting for 'drain' whenever
 * the socket is full; the last one ends the response. A failure to make the first chunk is thrown to the caller (its
 * Status is still to be sent); once part of the body is out, a failure to make the next one can only end the
 * connection, as the real server's does.
 */
function pump(res: Response, gather: () => Gathered, first?: Gathered): void {
  let pending = first;
  const run = (): void => {
    try {
      for (;;) {
        const { chunk, release, last } = pending ?? gather();
        pending = undefined;
        if (last) {
          res.end(chunk, release);
          return;
        }
        if (!res.write(chunk, release)) {
          res.once('drain', run);
          return;
        }
      }
    } catch (error: unknown) {
      // Nothing sent yet: the failure gets its Status like any other. Part of the body out: only the connection can end.
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  };
  run();
}

/** How many gathered chunks wait for reuse (tests). */
export const idleChunks = (): number => chunkPool.idle;

/** How many chunks bodies were ever gathered into (tests). */
export const chunksTaken = (): number => chunkPool.taken;

/** A resource response as its encoder made it (encoding/): kept JSON pieces, or text made as it is written. */
export function writeEncoded(res: Response, status: number, body: EncodedBody): void {
  if (!('kept' in body)) writeAsMade(res, status, body.mediaType, body.made);
  else if (body.mediaType === 'application/json') writeJsonPieces(res, status, body.kept);
  else writeKeptPieces(res, status, body.mediaType, body.kept);
}

/**
 * Writes a body whose pieces are made as they are written (YAML, indented JSON), holding about a chunk of it at a
 * time: pieces are gathered into a pooled chunk, written, and the next ones made once the socket has taken it
 * ('drain'). A body that fits in its first chunk is written at once with its Content-Length; a larger one is sent
 * chunked (Transfer-Encoding), as the real server sends a list it streams. The first chunk is made before anything
 * is written, so a failure there still gets its Status; a later one can only end the connection.
 */
export function writeAsMade(res: Response, status: number, contentType: string, pieces: Iterable<string>): void {
  const iterator = pieces[Symbol.iterator]();
  let pending: Buffer | undefined;
  let ended = false;
  /** The next pieces, up to a chunk (a piece larger than a chunk is a chunk of its own). */
  const gather = (): Gathered => {
    const first = pending ?? nextBytes();
    pending = undefined;
    if (first === undefined) return { chunk: Buffer.alloc(0), last: true };
    const following = first.length < CHUNK_BYTES ? nextBytes() : undefined;
    if (following === undefined) return { chunk: first, last: ended };
    const target = chunkPool.take();
    let size = first.copy(target);
    for (let piece: Buffer | undefined = following; piece !== undefined; piece = nextBytes()) {
      if (size + piece.length > CHUNK_BYTES) {
        pending = piece;
        break;
      }
      size += piece.copy(target, size);
    }
    return { chunk: target.subarray(0, size), release: () => chunkPool.give(target), last: ended && pending === undefined };
  };
  const nextBytes = (): Buffer | undefined => {
    if (ended) return undefined;
    const next = iterator.next();
    if (next.done) {
      ended = true;
      return undefined;
    }
    return Buffer.from(next.value);
  };

  const first = gather();
  res.status(status);
  res.setHeader('Content-Type', contentType);
  if (first.last) res.setHeader('Content-Length', String(first.chunk.length));
  pump(res, gather, first);
}

/** A body as the client negotiated it: compact JSON, indented JSON, YAML, or protobuf (a kind's message). */
export function writeObject(
  res: Response,
  status: number,
  body: Readonly<{ apiVersion: string; kind: string }> & object,
  format: 'json' | 'pretty' | 'yaml' | 'protobuf',
): void {
  if (format === 'protobuf') writeRaw(res, status, PROTOBUF_MEDIA_TYPE, protobufObject(body));
  else if (format === 'yaml') writeAsMade(res, status, 'application/yaml', [dumpYaml(body)]);
  else if (format === 'pretty') writeAsMade(res, status, 'application/json', [JSON.stringify(body, null, 2)]);
  else writeJsonPieces(res, status, [JSON.stringify(body)]);
}

/**
 * A body with exactly the Content-Type given: Express's `send` would append `; charset=utf-8` and re-space
 * parameters, which changes media types clients compare literally (aggregated discovery's).
 */
export function writeRaw(res: Response, status: number, contentType: string, body: string | Buffer): void {
  res.status(status);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(Buffer.byteLength(body)));
  res.end(body);
}
