/**
 * The simulation's only source of chance: a seeded PRNG (mulberry32 over a 32-bit state), so the same seed and
 * cluster give the same sequence of changes. `fork(label)` derives an independent stream, so adding a controller
 * (or a node) does not shift the numbers every other controller draws.
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number | string) {
    this.state = hashSeed(String(seed));
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A duration in [min, max) milliseconds, whole milliseconds. */
  between(minMs: number, maxMs: number): number {
    return Math.floor(minMs + this.next() * (maxMs - minMs));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.pickIndex(items.length)] as T;
  }

  /** The position `pick` takes among `count` items, for a caller that keeps them otherwise than in an array. */
  pickIndex(count: number): number {
    if (count === 0) throw new Error('pick from an empty list');
    return this.int(0, count - 1);
  }

  /**
   * `length` lowercase hex digits (container IDs, image digests, event name suffixes). Joined once rather than
   * appended to: a string grown by `+=` is kept as a chain of its pieces, 16 of them in a 64-digit ID, and every
   * pod keeps two such IDs.
   */
  hex(length: number): string {
    const codes = new Array<number>(length);
    for (let digits = 0; digits < length; digits += 4) {
      const group = this.int(0, 0xffff);
      for (let at = 0; at < 4 && digits + at < length; at++) codes[digits + at] = HEX_CODES[(group >>> (12 - 4 * at)) & 0xf] as number;
    }
    return String.fromCharCode(...codes);
  }

  /** A version-4 UUID, as the API server gives every object it creates a random uid. */
  uuid(): string {
    const hex = this.hex(32);
    const variant = '89ab'[this.int(0, 3)] as string;
    return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `${variant}${hex.slice(17, 20)}`, hex.slice(20, 32)].join('-');
  }

  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`);
  }
}

/** The character codes of the hex digits 0-9a-f. */
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/** FNV-1a of the seed text: any string or number becomes a 32-bit starting state. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
