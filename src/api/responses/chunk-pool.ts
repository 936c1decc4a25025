/**
 * Buffers a response body is gathered into before it is written, reused once the socket has taken them. A list
 * of 150,000 pods is 400 MB: gathered into fresh buffers it would add 400 MB of external memory per request,
 * which makes V8 run full collections over the whole cluster's heap while the list is written.
 */
export class ChunkPool {
  private readonly free: Buffer[] = [];
  private takes = 0;

  constructor(
    readonly chunkBytes: number,
    /** How many idle chunks are kept; a chunk given back beyond that is left to the collector. */
    private readonly keep: number,
  ) {}

  /** An idle chunk, or a new one: its content is whatever the last body left. */
  take(): Buffer {
    this.takes++;
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.chunkBytes);
  }

  /** A chunk the socket no longer reads. */
  give(chunk: Buffer): void {
    if (chunk.length === this.chunkBytes && this.free.length < this.keep) this.free.push(chunk);
  }

  /** How many chunks were ever taken. */
  get taken(): number {
    return this.takes;
  }

  get idle(): number {
    return this.free.length;
  }
}
