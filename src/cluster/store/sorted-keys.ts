/**
 * A sorted set of keys in byte order (etcd's key order; names are ASCII, so UTF-16 order is the same).
 * Inserting in order appends; inserting out of order marks the set for one sort at the next read, so loading
 * a large cluster costs one sort, not a shift per object.
 */
export class SortedKeys {
  private keys: string[] = [];
  private sorted = true;

  get size(): number {
    return this.keys.length;
  }

  add(key: string): void {
    const last = this.keys[this.keys.length - 1];
    if (last !== undefined && key <= last) {
      if (this.sorted && this.keys.length < 1024) {
        this.keys.splice(this.lowerBound(key), 0, key);
        return;
      }
      this.sorted = false;
    }
    this.keys.push(key);
  }

  remove(key: string): void {
    this.ensureSorted();
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  /** Keys strictly greater than `after` (all keys when undefined), in order. */
  *from(after: string | undefined): Generator<string> {
    this.ensureSorted();
    let at = after === undefined ? 0 : this.upperBound(after);
    while (at < this.keys.length) {
      const key = this.keys[at++];
      if (key !== undefined) yield key;
    }
  }

  /** How many keys are strictly greater than `key`. */
  countAfter(key: string): number {
    this.ensureSorted();
    return this.keys.length - this.upperBound(key);
  }

  private ensureSorted(): void {
    if (!this.sorted) {
      this.keys.sort(compareKeys);
      this.sorted = true;
    }
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

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
