import { SortedKeys } from './sorted-keys.js';

/**
 * The keys under each value of an index or a label. Many values belong to one object alone (a node's hostname
 * label, a job's controller-uid), so such a value keeps its key as a string and only a value shared by several keys
 * has a SortedKeys: a label unique to every object costs a map entry per object, not a sorted set per object.
 */
export class KeysByValue {
  private readonly values = new Map<string, string | SortedKeys>();
  private keyCount = 0;

  /** How many values hold keys. */
  get size(): number {
    return this.values.size;
  }

  /** How many keys are under `value`, or under any value when it is undefined. */
  count(value?: string): number {
    if (value === undefined) return this.keyCount;
    const held = this.values.get(value);
    return held === undefined ? 0 : typeof held === 'string' ? 1 : held.size;
  }

  add(value: string, key: string): void {
    this.keyCount++;
    const held = this.values.get(value);
    if (held === undefined) this.values.set(value, key);
    else if (typeof held === 'string') this.values.set(value, SortedKeys.of(held, key));
    else held.add(key);
  }

  remove(value: string, key: string): void {
    const held = this.values.get(value);
    if (held === undefined) return;
    if (typeof held === 'string') {
      if (held !== key) return;
      this.values.delete(value);
    } else {
      const before = held.size;
      held.remove(key);
      if (held.size === before) return;
      if (held.size === 0) this.values.delete(value);
    }
    this.keyCount--;
  }

  /** The keys under `value`, in order. */
  keys(value: string): SortedKeys | undefined {
    return asSorted(this.values.get(value));
  }

  /** The keys under every value, one sorted run per value. */
  all(): SortedKeys[] {
    const runs: SortedKeys[] = [];
    for (const held of this.values.values()) runs.push(asSorted(held) as SortedKeys);
    return runs;
  }
}

function asSorted(held: string | SortedKeys | undefined): SortedKeys | undefined {
  return typeof held === 'string' ? SortedKeys.of(held) : held;
}
