import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = () => void;
let collect: Collect | undefined;

/**
 * V8's full collection as a function: `gc` when node was started with --expose-gc, else the same function taken
 * from a context made while the flag is briefly on (what the `expose-gc` package does). The inspector's
 * HeapProfiler.collectGarbage would need no flag, but it reduces memory the way a heap near its limit does: it
 * shrinks the young generation to its least (32 MiB → 1 MiB), which then scavenges every few dozen requests and
 * grows back only as objects survive, which a server's requests hardly do.
 */
function fullCollection(): Collect {
  if (collect === undefined) {
    const exposed = (globalThis as { gc?: unknown }).gc;
    if (typeof exposed === 'function') {
      collect = exposed as Collect;
    } else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as Collect;
      setFlagsFromString('--no-expose-gc');
    }
  }
  return collect;
}

/**
 * Collects the whole heap and, when that leaves its pages mostly empty, compacts them and returns the freed ones to
 * the system. Replaying a compact cluster's past makes versions that are dead at the present and can leave the live
 * objects scattered over pages mostly freed: V8 would keep those pages resident until its memory reducer ran, long
 * after the server started, and a full collection moves at most a few MB of live objects out of fragmented pages
 * unless told to compact them all (`--compact-on-every-full-gc`, a flag read at each collection: set for that one
 * only). Compacting costs some 4 s per GB of live objects, so it is done when more than half the pages are free
 * (`compactionPays`), followed by one more that returns the pages it emptied (V8 unmaps them concurrently
 * otherwise, seconds later). Without compaction, one more follows only when the first shrank the young generation
 * (V8 does after a collection it sees little allocation before; one test run in four left it halved): the next
 * grows it back for what survived, so requests are not scavenged twice as often. Each costs ~1.5 s at 150,000 pods.
 */
export function releaseGarbage(options: { compact?: 'when it pays' | 'always' } = {}): void {
  const gc = fullCollection();
  const young = youngGenerationBytes();
  gc();
  if (options.compact === 'always' || compactionPays(process.memoryUsage())) {
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
    gc();
  } else if (youngGenerationBytes() < young) gc();
}

const youngGenerationBytes = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/** Whether compacting the heap after a full collection pays: more than half its pages hold nothing live. */
export function compactionPays(heap: { heapTotal: number; heapUsed: number }): boolean {
  return heap.heapTotal > 2 * heap.heapUsed;
}

/**
 * A heap this small costs little to keep as it is, and 100+ ms to compact whole (the talk cluster's replay leaves
 * some 60 MiB: its start went from 0.9 to 1.05 s).
 */
const LARGE_HEAP_BYTES = 256 * 2 ** 20;

/** `releaseGarbage` when the heap has grown large (a replay of thousands of pods), not for a small cluster's. */
export function releaseGarbageOfLargeHeap(): void {
  if (process.memoryUsage().heapTotal > LARGE_HEAP_BYTES) releaseGarbage();
}
