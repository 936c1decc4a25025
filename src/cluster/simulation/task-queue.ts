import { BinaryHeap } from '../binary-heap.js';

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
  private readonly heap = new BinaryHeap<QueuedTask>(before);

  get size(): number {
    return this.heap.size;
  }

  push(task: QueuedTask): void {
    this.heap.push(task);
  }

  /** The earliest task that is not cancelled, dropping cancelled ones on the way. */
  peek(): QueuedTask | undefined {
    while (this.heap.peek()?.cancelled) this.heap.pop();
    return this.heap.peek();
  }

  pop(): QueuedTask | undefined {
    return this.heap.pop();
  }
}
