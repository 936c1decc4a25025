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
   * `length` lowercase hex digits (container IDs, image digests, event name suffixes), four to a draw, the last draw
   * cut short. Written as bytes and read once as a string: a string grown by `+=` is kept as a chain of its pieces,
   * 16 of them in a 64-digit ID, and every pod keeps two such IDs.
   */
  hex(length: number): string {
    const bytes = scratch(length);
    this.writeHex(bytes, 0, length);
    return bytes.toString('latin1', 0, length);
  }

  /** A version-4 UUID, as the API server gives every object it creates a random uid: 32 digits drawn, then the variant. */
  uuid(): string {
    const bytes = scratch(36);
    // The digits go where they show, the version and the variant over two of them, as on a 36-character text.
    this.writeHex(bytes, 0, 8);
    this.writeHex(bytes, 9, 4);
    this.writeHex(bytes, 14, 4);
    this.writeHex(bytes, 19, 4);
    this.writeHex(bytes, 24, 12);
    bytes[8] = bytes[13] = bytes[18] = bytes[23] = DASH;
    bytes[14] = FOUR;
    bytes[19] = VARIANT_CODES[this.int(0, 3)] as number;
    return bytes.toString('latin1', 0, 36);
  }

  /** Draws `length` hex digits into `bytes` from `at`, four to a draw. */
  private writeHex(bytes: Buffer, at: number, length: number): void {
    for (let digits = 0; digits < length; digits += 4) {
      const group = this.int(0, 0xffff);
      for (let shift = 0; shift < 4 && digits + shift < length; shift++) bytes[at + digits + shift] = HEX_CODES[(group >>> (12 - 4 * shift)) & 0xf] as number;
    }
  }

  fork(label: string): SeededRandom {
    return new SeededRandom(`${this.seed}/${label}`);
  }
}

/** Where hex digits are written before they are read as a string: one buffer, grown when a longer text is drawn. */
let scratchBytes = Buffer.alloc(64);

function scratch(length: number): Buffer {
  if (scratchBytes.length < length) scratchBytes = Buffer.alloc(length);
  return scratchBytes;
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
