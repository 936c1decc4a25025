/**
 * A sorted set of keys in byte order (etcd's key order; names are ASCII, so UTF-16 order is the same).
 * Inserting appends; keys appended out of order are put in place at the next read: a few each into its place by a
 * binary search (a live cluster creates an event, then deletes an expired one: no sort of the whole set between
 * them), many by one sort (loading a large cluster costs one sort, not a shift per object).
 */
export class SortedKeys {
  private keys: string[] = [];
  /** How many keys, from the first, are in order: those after were appended since. */
  private inOrder = 0;

  /** A set of a few keys. */
  static of(...keys: string[]): SortedKeys {
    const set = new SortedKeys();
    for (const key of keys) set.add(key);
    return set;
  }

  get size(): number {
    return this.keys.length;
  }

  add(key: string): void {
    if (this.inOrder === this.keys.length) {
      const last = this.keys[this.keys.length - 1];
      if (last === undefined || key > last) this.inOrder++;
    }
    this.keys.push(key);
  }

  remove(key: string): void {
    this.ensureSorted();
    const at = this.lowerBound(key);
    if (this.keys[at] === key) {
      this.keys.splice(at, 1);
      this.inOrder--;
    }
  }

  /**
   * Keys strictly greater than `after` (all keys when undefined) that start with `prefix` (all when undefined), in
   * order. The keys of one prefix are one run of the order, so this reads only what it returns.
   */
  *from(after: string | undefined, prefix?: string): Generator<string> {
    if (prefix === '') prefix = undefined;
    this.ensureSorted();
    let at = this.start(after, prefix);
    while (at < this.keys.length) {
      const key = this.keys[at++] as string;
      if (prefix !== undefined && !key.startsWith(prefix)) return;
      yield key;
    }
  }

  /** How many keys `from(after, prefix)` yields, found by two binary searches. */
  countFrom(after: string | undefined, prefix?: string): number {
    if (prefix === '') prefix = undefined;
    this.ensureSorted();
    const end = prefix === undefined ? this.keys.length : this.lowerBound(prefixEnd(prefix));
    return Math.max(0, end - this.start(after, prefix));
  }

  private start(after: string | undefined, prefix: string | undefined): number {
    const afterAt = after === undefined ? 0 : this.upperBound(after);
    return prefix === undefined ? afterAt : Math.max(afterAt, this.lowerBound(prefix));
  }

  private ensureSorted(): void {
    const appended = this.keys.length - this.inOrder;
    if (appended === 0) return;
    if (appended > PLACED_ONE_BY_ONE) this.keys.sort(compareKeys);
    else {
      for (const key of this.keys.splice(this.inOrder)) this.keys.splice(this.lowerBound(key), 0, key);
    }
    this.inOrder = this.keys.length;
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) <= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Up to this many keys appended out of order are each put in place; more are sorted in with the rest at once. */
const PLACED_ONE_BY_ONE = 32;

/** The least string greater than every string starting with `prefix` (which is not empty). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
