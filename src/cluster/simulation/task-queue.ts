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
    heap.push(task);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(heap[at] as QueuedTask, heap[parent] as QueuedTask)) break;
      [heap[at], heap[parent]] = [heap[parent] as QueuedTask, heap[at] as QueuedTask];
      at = parent;
    }
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
    heap[0] = last;
    let at = 0;
    for (;;) {
      const left = at * 2 + 1;
      const right = left + 1;
      let smallest = at;
      if (left < heap.length && before(heap[left] as QueuedTask, heap[smallest] as QueuedTask)) smallest = left;
      if (right < heap.length && before(heap[right] as QueuedTask, heap[smallest] as QueuedTask)) smallest = right;
      if (smallest === at) break;
      [heap[at], heap[smallest]] = [heap[smallest] as QueuedTask, heap[at] as QueuedTask];
      at = smallest;
    }
    return top;
  }
}
