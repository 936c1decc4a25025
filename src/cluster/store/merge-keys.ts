interface Head {
  key: string;
  run: Iterator<string>;
}

/**
 * The union of sorted runs of keys, in order, each key once: a k-way merge over a binary heap of the runs' next
 * keys, so reading the first n keys of k runs costs n·log k, whatever the runs hold after them.
 */
export function* mergeKeys(runs: readonly Iterator<string>[]): Generator<string> {
  const heap: Head[] = [];
  for (const run of runs) {
    const first = run.next();
    if (!first.done) heap.push({ key: first.value, run });
  }
  for (let i = (heap.length >>> 1) - 1; i >= 0; i--) siftDown(heap, i);
  let last: string | undefined;
  let head = heap[0];
  while (head) {
    if (head.key !== last) {
      last = head.key;
      yield head.key;
    }
    const next = head.run.next();
    if (!next.done) head.key = next.value;
    else {
      const tail = heap.pop() as Head;
      if (heap.length > 0) heap[0] = tail;
    }
    siftDown(heap, 0);
    head = heap[0];
  }
}

function siftDown(heap: Head[], from: number): void {
  let at = from;
  for (;;) {
    const left = 2 * at + 1;
    let least = at;
    if (left < heap.length && key(heap, left) < key(heap, least)) least = left;
    if (left + 1 < heap.length && key(heap, left + 1) < key(heap, least)) least = left + 1;
    if (least === at) return;
    const moved = heap[at] as Head;
    heap[at] = heap[least] as Head;
    heap[least] = moved;
    at = least;
  }
}

const key = (heap: readonly Head[], at: number): string => (heap[at] as Head).key;
