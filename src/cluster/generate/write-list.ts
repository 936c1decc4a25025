import type { Writable } from 'node:stream';
import type { KubeObject } from '../objects.js';

/** Serialised objects are gathered up to this size before each write: fewer, larger writes, bounded memory. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes objects as one `v1 List`, what `kubectl get -o json` prints for several objects (one item per line
 * rather than indented, which keeps a 150,000-pod cluster well under V8's largest string when it is read back).
 * Streams: each object is serialised as it comes and the output's backpressure is respected, so memory stays flat
 * whatever the count. Resolves with the number of objects written.
 */
export async function writeList(objects: Iterable<KubeObject>, out: Writable): Promise<number> {
  let count = 0;
  let chunk = '{"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":""},"items":[\n';
  for (const object of objects) {
    chunk += `${count === 0 ? '' : ',\n'}${JSON.stringify(object)}`;
    count += 1;
    if (chunk.length >= CHUNK_CHARS) {
      await write(out, chunk);
      chunk = '';
    }
  }
  await write(out, `${chunk}\n]}\n`);
  return count;
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    out.once('error', onError);
    const flushed = out.write(text, (error) => {
      if (error) reject(error);
    });
    const done = (): void => {
      out.off('error', onError);
      resolve();
    };
    if (flushed) done();
    else out.once('drain', done);
  });
}
