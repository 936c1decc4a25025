/**
 * A sorted set of keys in byte order (etcd's key order; names are ASCII, so UTF-16 order is the same).
 *
 * The keys lie in runs ("chunks") of at most `chunkSize`, each in order and each below the next, so that adding or
 * removing one key moves at most a chunk's worth of keys, not the whole set: a 150,000-pod cluster moves its pods
 * between the indexes of their phases and nodes one write at a time, and a single array would shift half of
 * each index per write. Keys added in order go straight to the end; keys added out of order wait and are put in
 * place at the next read or removal: a few each by a binary search, many by one merge (loading a large cluster
 * costs one sort, not a search per object).
 */
export class SortedKeys {
  /** The runs, none empty; every key of one is below every key of the next. */
  private chunks: string[][] = [];
  /** Keys in the runs. */
  private placed = 0;
  /** Keys added out of order since the last read, not yet in a run. */
  private pending: string[] | undefined;

  constructor(private readonly chunkSize = CHUNK_SIZE) {}

  /** A set of a few keys. */
  static of(...keys: string[]): SortedKeys {
    const set = new SortedKeys();
    for (const key of keys) set.add(key);
    return set;
  }

  get size(): number {
    return this.placed + (this.pending?.length ?? 0);
  }

  /** Adds a key that is not in the set. */
  add(key: string): void {
    const last = this.chunks[this.chunks.length - 1];
    if (this.pending === undefined && (last === undefined || key > (last[last.length - 1] as string))) {
      if (last === undefined || last.length >= this.chunkSize) this.chunks.push([key]);
      else last.push(key);
      this.placed++;
    } else (this.pending ??= []).push(key);
  }

  remove(key: string): void {
    this.ensurePlaced();
    const [c, at] = this.lowerBound(key);
    const chunk = this.chunks[c];
    if (chunk?.[at] !== key) return;
    chunk.splice(at, 1);
    this.placed--;
    if (chunk.length === 0) this.chunks.splice(c, 1);
    else {
      const next = this.chunks[c + 1];
      // Two neighbours that fit in one become one, so removals never leave a trail of tiny runs.
      if (next !== undefined && chunk.length + next.length <= this.chunkSize / 2) {
        for (const moved of next) chunk.push(moved);
        this.chunks.splice(c + 1, 1);
      }
    }
  }

  /**
   * Keys strictly greater than `after` (all keys when undefined) that start with `prefix` (all when undefined), in
   * order. The keys of one prefix are one run of the order, so this reads only what it returns.
   */
  *from(after: string | undefined, prefix?: string): Generator<string> {
    if (prefix === '') prefix = undefined;
    this.ensurePlaced();
    let [c, at] = this.start(after, prefix);
    for (; c < this.chunks.length; c++, at = 0) {
      const chunk = this.chunks[c] as string[];
      for (; at < chunk.length; at++) {
        const key = chunk[at] as string;
        if (prefix !== undefined && !key.startsWith(prefix)) return;
        yield key;
      }
    }
  }

  /** How many keys `from(after, prefix)` yields, found by binary searches and the runs' lengths. */
  countFrom(after: string | undefined, prefix?: string): number {
    if (prefix === '') prefix = undefined;
    this.ensurePlaced();
    const end = prefix === undefined ? this.placed : this.indexOf(this.lowerBound(prefixEnd(prefix)));
    return Math.max(0, end - this.indexOf(this.start(after, prefix)));
  }

  private start(after: string | undefined, prefix: string | undefined): Position {
    const afterAt = after === undefined ? FIRST : this.upperBound(after);
    if (prefix === undefined) return afterAt;
    const prefixAt = this.lowerBound(prefix);
    return comparePositions(afterAt, prefixAt) >= 0 ? afterAt : prefixAt;
  }

  /** Where a position is counting from the first key. */
  private indexOf([c, at]: Position): number {
    let index = at;
    for (let i = 0; i < c; i++) index += (this.chunks[i] as string[]).length;
    return index;
  }

  private ensurePlaced(): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    pending.sort(compareKeys);
    if (pending.length > PLACED_ONE_BY_ONE && pending.length * MERGE_RATIO > this.placed) this.merge(pending);
    else for (const key of pending) this.insert(key);
  }

  /** Puts one key in its place, splitting its run in two when it is full. */
  private insert(key: string): void {
    let [c, at] = this.lowerBound(key);
    if (c === this.chunks.length) {
      if (c === 0) {
        this.chunks.push([key]);
        this.placed++;
        return;
      }
      c--;
      at = (this.chunks[c] as string[]).length;
    }
    const chunk = this.chunks[c] as string[];
    chunk.splice(at, 0, key);
    this.placed++;
    if (chunk.length > this.chunkSize) this.chunks.splice(c + 1, 0, chunk.splice(chunk.length >>> 1));
  }

  /** Merges sorted keys with the runs into new full runs. */
  private merge(sorted: readonly string[]): void {
    const chunks: string[][] = [];
    let current: string[] = [];
    const put = (key: string): void => {
      if (current.length === this.chunkSize) {
        chunks.push(current);
        current = [];
      }
      current.push(key);
    };
    let i = 0;
    for (const chunk of this.chunks) {
      for (const key of chunk) {
        while (i < sorted.length && (sorted[i] as string) < key) put(sorted[i++] as string);
        put(key);
      }
    }
    while (i < sorted.length) put(sorted[i++] as string);
    if (current.length > 0) chunks.push(current);
    this.chunks = chunks;
    this.placed += sorted.length;
  }

  /** The position of the first key not below `key`. */
  private lowerBound(key: string): Position {
    return this.bound(key, (a, b) => a < b);
  }

  /** The position of the first key above `key`. */
  private upperBound(key: string): Position {
    return this.bound(key, (a, b) => a <= b);
  }

  /** The position of the first key k for which `before(k, key)` is false (keys before it are all `before`). */
  private bound(key: string, before: (a: string, b: string) => boolean): Position {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid] as string[];
      if (before(chunk[chunk.length - 1] as string, key)) lo = mid + 1;
      else hi = mid;
    }
    const chunk = this.chunks[lo];
    if (chunk === undefined) return [lo, 0];
    let from = 0;
    let to = chunk.length;
    while (from < to) {
      const mid = (from + to) >>> 1;
      if (before(chunk[mid] as string, key)) from = mid + 1;
      else to = mid;
    }
    return [lo, from];
  }
}

/** A place in the order: a run and an offset in it (the end is one past the last run, offset 0). */
type Position = readonly [chunk: number, at: number];

const FIRST: Position = [0, 0];

function comparePositions(a: Position, b: Position): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** The longest a run grows before it is split in two. */
const CHUNK_SIZE = 1024;

/** Up to this many keys added out of order are each put in place by a search. */
const PLACED_ONE_BY_ONE = 32;

/**
 * More keys than this fraction of those placed are merged in at once: placing one moves half a run, merging moves
 * every key once.
 */
const MERGE_RATIO = 256;

/** The least string greater than every string starting with `prefix` (which is not empty). */
function prefixEnd(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
