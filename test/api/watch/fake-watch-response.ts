import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import type { WatchEvent } from '../../support/watch-client.js';

/**
 * A response a watch writes to and a test reads from, by hand: what is written waits until `read()` takes it, and
 * `write` says "full" once `highWaterMark` bytes wait, as a socket does; `read()` then empties it and emits
 * 'drain'. Nothing depends on the network or on time.
 */
export class FakeWatchResponse extends EventEmitter {
  statusCode = 0;
  readonly headers = new Map<string, string>();
  writableEnded = false;
  writableLength = 0;
  /** Every chunk taken by `read()`, in order. */
  readonly received: Buffer[] = [];
  private waiting: Buffer[] = [];
  private full = false;

  constructor(private readonly highWaterMark = 16 * 1024) {
    super();
  }

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }

  flushHeaders(): void {}

  write(chunk: Buffer): boolean {
    if (this.writableEnded) throw new Error('write after end');
    this.waiting.push(chunk);
    this.writableLength += chunk.length;
    this.full = this.writableLength >= this.highWaterMark;
    return !this.full;
  }

  end(): void {
    this.writableEnded = true;
  }

  /** The client reads all that waits: the stream drains (and says so if a write found it full). */
  read(): Buffer[] {
    const taken = this.waiting;
    this.waiting = [];
    this.writableLength = 0;
    this.received.push(...taken);
    if (this.full) {
      this.full = false;
      this.emit('drain');
    }
    return taken;
  }

  /** Reads until nothing more comes (each drain may pull more frames in). */
  readAll(): void {
    while (this.read().length > 0);
  }

  /** The events received so far, parsed. */
  events(): WatchEvent[] {
    return Buffer.concat(this.received)
      .toString('utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as WatchEvent);
  }

  asResponse(): Response {
    return this as unknown as Response;
  }
}

/** A request that only tells when its client goes away. */
export function fakeRequest(): { req: Request; disconnect: () => void } {
  const emitter = new EventEmitter();
  return { req: emitter as unknown as Request, disconnect: () => emitter.emit('close') };
}
