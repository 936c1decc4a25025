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
   * `length` lowercase hex digits (container IDs, image digests, event name suffixes), made at once from their
   * character codes: a string grown by `+=` is kept as a chain of its pieces, 16 of them in a 64-digit ID, and every
   * pod keeps two such IDs.
   */
  hex(length: number): string {
    return String.fromCharCode(...this.hexCodes(length));
  }

  /** A version-4 UUID, as the API server gives every object it creates a random uid: 32 digits drawn, then the variant. */
  uuid(): string {
    const digits = this.hexCodes(32);
    const variant = VARIANT_CODES[this.int(0, 3)] as number;
    const codes = new Array<number>(36);
    let from = 0;
    for (let at = 0; at < 36; at++) {
      if (at === 8 || at === 13 || at === 18 || at === 23) {
        codes[at] = DASH;
        continue;
      }
      const digit = digits[from++] as number;
      // The version and the variant take the place of the digits drawn there.
      codes[at] = at === 14 ? FOUR : at === 19 ? variant : digit;
    }
    return String.fromCharCode(...codes);
  }

  /** The character codes of `length` hex digits, four to a draw, the last draw cut short. */
  private hexCodes(length: number): number[] {
    const codes = new Array<number>(length);
    for (let digits = 0; digits < length; digits += 4) {
      const group = this.int(0, 0xffff);
      for (let at = 0; at < 4 && digits + at < length; at++) codes[digits + at] = HEX_CODES[(group >>> (12 - 4 * at)) & 0xf] as number;
    }
    return codes;
  }

  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`);
  }
}

/** The character codes of the hex digits 0-9a-f. */
const HEX_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const VARIANT_CODES = Array.from('89ab', (digit) => digit.charCodeAt(0));
const DASH = '-'.charCodeAt(0);
const FOUR = '4'.charCodeAt(0);

/** FNV-1a of the seed text: any string or number becomes a 32-bit starting state. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
