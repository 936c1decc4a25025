/** One scheduled piece of work: due at a simulation instant, ordered among equals by when it was scheduled. */
export interface QueuedTask {
  readonly due: number;
  readonly sequence: number;
  readonly label: string;
  readonly run: () => void;
  cancelled: boolean;
  /** Set on a heartbeat's firing (simulation-clock.ts): the periodic task it belongs to. */
  readonly beat?: unknown;
}

const before = (a: QueuedTask, b: QueuedTask): boolean => a.due < b.due || (a.due === b.due && a.sequence < b.sequence);

/**
 * A binary min-heap of tasks by (due, sequence). The sequence number is what makes a run reproducible: two
 * tasks due at the same instant always run in the order they were scheduled, whatever the timers did.
 */
export class TaskQueue {
  private readonly heap: QueuedTask[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(task: QueuedTask): void {
    const heap = this.heap;
    // The task moves up through a hole: each parent it passes moves down once (no swap, nothing allocated).
    let at = heap.length;
    heap.push(task);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const above = heap[parent] as QueuedTask;
      if (!before(task, above)) break;
      heap[at] = above;
      at = parent;
    }
    heap[at] = task;
  }

  /** The earliest task that is not cancelled, dropping cancelled ones on the way. */
  peek(): QueuedTask | undefined {
    while (this.heap[0]?.cancelled) this.pop();
    return this.heap[0];
  }

  pop(): QueuedTask | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    // The last task moves down from the root through a hole, the earlier child moving up at each level.
    const size = heap.length;
    let at = 0;
    for (;;) {
      const left = at * 2 + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && before(heap[right] as QueuedTask, heap[left] as QueuedTask) ? right : left;
      const below = heap[child] as QueuedTask;
      if (!before(below, last)) break;
      heap[at] = below;
      at = child;
    }
    heap[at] = last;
    return top;
  }
}
