import { SeededRandom } from '../../../src/cluster/simulation/random.js';
import { type QueuedTask, TaskQueue } from '../../../src/cluster/simulation/task-queue.js';

const task = (due: number, sequence: number, cancelled = false): QueuedTask => ({ due, sequence, label: `t${sequence}`, run: () => undefined, cancelled });

/** The order the queue must give: earliest due first, then the earlier scheduled. */
const byDueThenSequence = (a: QueuedTask, b: QueuedTask): number => a.due - b.due || a.sequence - b.sequence;

describe('TaskQueue', () => {
  test('pops tasks by due instant, tasks due together in the order they were scheduled', () => {
    const queue = new TaskQueue();
    for (const [due, sequence] of [
      [30, 0],
      [10, 1],
      [20, 2],
      [10, 3],
      [30, 4],
    ] as const)
      queue.push(task(due, sequence));
    const order: string[] = [];
    for (let next = queue.pop(); next; next = queue.pop()) order.push(next.label);
    expect(order).toEqual(['t1', 't3', 't2', 't0', 't4']);
    expect(queue.size).toBe(0);
  });

  test('peek drops cancelled tasks on the way to the earliest live one', () => {
    const queue = new TaskQueue();
    queue.push(task(1, 0, true));
    queue.push(task(2, 1, true));
    queue.push(task(3, 2));
    expect(queue.peek()?.label).toBe('t2');
    expect(queue.size).toBe(1);
  });

  test('agrees with a sort over random pushes and pops interleaved (ties on due included)', () => {
    const random = new SeededRandom(7);
    for (let round = 0; round < 200; round++) {
      const queue = new TaskQueue();
      const reference: QueuedTask[] = [];
      let sequence = 0;
      for (let step = 0; step < 300; step++) {
        if (reference.length > 0 && random.chance(0.4)) {
          reference.sort(byDueThenSequence);
          expect(queue.pop()).toBe(reference.shift());
        } else {
          const queued = task(random.int(0, 50), sequence++);
          queue.push(queued);
          reference.push(queued);
        }
        expect(queue.size).toBe(reference.length);
      }
      reference.sort(byDueThenSequence);
      for (const expected of reference) expect(queue.pop()).toBe(expected);
      expect(queue.pop()).toBeUndefined();
    }
  });
});
