import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';

/**
 * Runs V8's fullest collection (the inspector's HeapProfiler.collectGarbage: every round a heap under pressure
 * would run, then its empty pages returned to the system), compacting every fragmented page, and resolves once it
 * is done. Replaying a compact cluster's past makes gigabytes of versions that are dead at the present, and leaves
 * the live objects scattered over pages mostly freed: V8 would keep those pages resident until its memory reducer
 * ran, long after the server started, and even its fullest collection moves at most 12 MB of live objects out of
 * fragmented pages per round unless told to compact them all (`--compact-on-every-full-gc`, a flag read at each
 * collection: set for this one only). A 150,000-pod replay's heap: 943 MiB live on 2,233 MiB of pages after the
 * collection without the flag. Only an optimisation: where the inspector is not built in, it does nothing.
 */
export async function releaseGarbage(): Promise<void> {
  let session: Session;
  try {
    session = new Session();
    session.connect();
  } catch {
    return;
  }
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    await session.post('HeapProfiler.collectGarbage');
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
    session.disconnect();
  }
}

/**
 * A heap this small costs little to keep as it is, and 100+ ms to compact whole (the talk cluster's replay leaves
 * some 60 MiB: its start went from 0.9 to 1.05 s).
 */
const LARGE_HEAP_BYTES = 256 * 2 ** 20;

/** `releaseGarbage` when the heap has grown large (a replay of thousands of pods), not for a small cluster's. */
export async function releaseGarbageOfLargeHeap(): Promise<void> {
  if (process.memoryUsage().heapTotal > LARGE_HEAP_BYTES) await releaseGarbage();
}
