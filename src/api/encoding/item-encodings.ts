import { joinAdjacent } from './adjacent-pieces.js';
import type { EncodableObject } from './resource-encoder.js';

/**
 * Each object's encodings, made once per object version and output form and kept beside it (a WeakMap keyed by
 * the stored or converted object, so a version no longer stored takes its encodings with it). A list of 150,000
 * pods is then the concatenation of bytes already made, and a watch event sent to a thousand watchers is encoded
 * once.
 */

/** The compact JSON of an item, as bytes: its own kept bytes, or made from its JSON text. */
export function jsonBytesOf(item: EncodableObject): Buffer {
  return item.jsonBytes ? item.jsonBytes() : Buffer.from(item.json());
}

/**
 * The same after a comma, as the item follows another in a list. An item without kept bytes is made for one
 * answer (a Scale, a metrics sample, an object leaving a watch): its bytes are made for it, not kept in a WeakMap
 * keyed by it, which would keep it and all it holds alive through V8's young-generation collections.
 */
export function jsonAfterCommaOf(item: EncodableObject): Buffer {
  return item.jsonAfterComma ? item.jsonAfterComma() : Buffer.from(`,${item.json()}`);
}

/** How a list writes its items: the first as it is, each later one after a comma (one piece per item). */
export interface ListedEncoding {
  first(item: EncodableObject): Buffer;
  following(item: EncodableObject): Buffer;
}

export const LISTED_JSON: ListedEncoding = { first: jsonBytesOf, following: jsonAfterCommaOf };

/** The items of lists that never change, encoded, per form: see listedItems. */
const listedOnce = new WeakMap<readonly EncodableObject[], Map<ListedEncoding, readonly Buffer[]>>();

/**
 * A list's items encoded one after another (the first as it is, each later one after a comma). The items of a
 * frozen array — a table's objects in key order, kept unchanged from one full read to the table's next write — are
 * encoded once per form and kept with the array, in the fewest pieces: items that lie one after another in memory
 * (loaded objects, encoded in key order into one slab by the first full list) as one view of it. A later full list
 * of 150,000 objects is then a few hundred pieces.
 */
export function listedItems(items: readonly EncodableObject[], encoding: ListedEncoding): readonly Buffer[] {
  const frozen = Object.isFrozen(items);
  let forms = frozen ? listedOnce.get(items) : undefined;
  const kept = forms?.get(encoding);
  if (kept) return kept;
  const pieces = items.map((item, i) => (i === 0 ? encoding.first(item) : encoding.following(item)));
  if (!frozen) return pieces;
  const joined = joinAdjacent(pieces);
  if (!forms) {
    forms = new Map();
    listedOnce.set(items, forms);
  }
  forms.set(encoding, joined);
  return joined;
}

/**
 * An encoding that depends on the clock (a Table row's ages): valid from when it was made until `until`. Kept with
 * the comma that separates it from the one before in a list, as one buffer: a list is then one piece per item.
 */
interface TimedEncoding {
  afterComma: Buffer;
  madeAt: number;
  until: number;
}

/**
 * The encodings of one output form whose text may change as time passes (Table rows: AGE, RESTARTS' "ago"):
 * each is kept with how long its text stays the same (printing/human-duration.ts withDurationStability) and made
 * again once that has passed.
 */
export class TimedEncodings {
  private readonly kept = new WeakMap<EncodableObject, TimedEncoding>();
  /** The encodings of frozen lists' items, packed, with when they all hold. */
  private readonly listedOnce = new WeakMap<readonly EncodableObject[], PackedSegment[]>();

  constructor(private readonly encode: (item: EncodableObject, now: number) => { text: string; stableForMs: number }) {}

  get(item: EncodableObject, now: number): Buffer {
    return this.afterComma(item, now).subarray(1);
  }

  /** The encoding with a comma before it: what follows another item in a list. */
  afterComma(item: EncodableObject, now: number): Buffer {
    return this.timed(item, now).afterComma;
  }

  /**
   * A list's items encoded (the first as it is, each later one after a comma), every one as of `now`. For a frozen
   * array (a table's objects in key order, unchanged until its next write) the encodings are also kept together,
   * packed into segments of about 1 MiB, each packed again only once one of its rows no longer holds (with 150,000
   * pods created at different instants, some age ticks over every second): a later full Table of 150,000 rows is
   * then a few hundred pieces, not a row at a time.
   */
  listed(items: readonly EncodableObject[], now: number): readonly Buffer[] {
    if (!Object.isFrozen(items)) return items.map((item, i) => this.inList(item, i, now).bytes);
    let segments = this.listedOnce.get(items);
    if (!segments) {
      segments = this.segmented(items, now);
      this.listedOnce.set(items, segments);
    }
    for (const segment of segments) {
      if (now < segment.madeAt || now >= segment.until) this.pack(items, segment, now);
    }
    return segments.map((segment) => segment.packed);
  }

  /** Items cut into runs of about PACKED_BYTES of encodings, each packed. */
  private segmented(items: readonly EncodableObject[], now: number): PackedSegment[] {
    const segments: PackedSegment[] = [];
    let start = 0;
    let bytes = 0;
    for (let i = 0; i < items.length; i++) {
      bytes += this.inList(items[i] as EncodableObject, i, now).bytes.length;
      if (bytes >= PACKED_BYTES || i === items.length - 1) {
        const segment = { start, end: i + 1, packed: Buffer.alloc(0), madeAt: 0, until: 0 };
        this.pack(items, segment, now);
        segments.push(segment);
        start = i + 1;
        bytes = 0;
      }
    }
    return segments;
  }

  /**
   * Packs a segment's encodings as of `now`, with when they all hold. Each kept encoding is then a view of the packed
   * bytes, so a row is held once, not once on its own and again packed (at 150,000 pods, 100 MiB of rows).
   */
  private pack(items: readonly EncodableObject[], segment: PackedSegment, now: number): void {
    const pieces: Buffer[] = [];
    const timedPieces: TimedEncoding[] = [];
    segment.madeAt = -Infinity;
    segment.until = Infinity;
    for (let i = segment.start; i < segment.end; i++) {
      const { bytes, timed } = this.inList(items[i] as EncodableObject, i, now);
      pieces.push(bytes);
      timedPieces.push(timed);
      segment.madeAt = Math.max(segment.madeAt, timed.madeAt);
      segment.until = Math.min(segment.until, timed.until);
    }
    const packed = Buffer.concat(pieces);
    segment.packed = packed;
    // The first item of the list sits in it without its comma: its kept encoding keeps its own bytes.
    let offset = 0;
    timedPieces.forEach((timed, i) => {
      const length = (pieces[i] as Buffer).length;
      if (length === timed.afterComma.length) timed.afterComma = packed.subarray(offset, offset + length);
      offset += length;
    });
  }

  /** An item's encoding as it sits at `index` in a list: the first without the comma. */
  private inList(item: EncodableObject, index: number, now: number): { bytes: Buffer; timed: TimedEncoding } {
    const timed = this.timed(item, now);
    return { bytes: index === 0 ? timed.afterComma.subarray(1) : timed.afterComma, timed };
  }

  /** An item's encoding as of `now`: the one kept if it still holds, or a new one (kept if it holds for a while). */
  private timed(item: EncodableObject, now: number): TimedEncoding {
    const kept = this.kept.get(item);
    if (kept && now >= kept.madeAt && now < kept.until) return kept;
    const { text, stableForMs } = this.encode(item, now);
    const made = { afterComma: Buffer.from(`,${text}`), madeAt: now, until: now + stableForMs };
    if (stableForMs > 0) this.kept.set(item, made);
    return made;
  }
}

/** About how many bytes of a kept list's encodings are packed together. */
const PACKED_BYTES = 1024 * 1024;

/** Items `start` to `end` of a kept list, their encodings packed into one buffer, which holds from `madeAt` until `until`. */
interface PackedSegment {
  readonly start: number;
  readonly end: number;
  packed: Buffer;
  madeAt: number;
  until: number;
}

/** The encodings of one output form that depend on the object alone (PartialObjectMetadata), kept after a comma. */
export class ObjectEncodings implements ListedEncoding {
  private readonly kept = new WeakMap<EncodableObject, Buffer>();

  constructor(private readonly encode: (item: EncodableObject) => string) {}

  get(item: EncodableObject): Buffer {
    return this.following(item).subarray(1);
  }

  first(item: EncodableObject): Buffer {
    return this.get(item);
  }

  following(item: EncodableObject): Buffer {
    let bytes = this.kept.get(item);
    if (!bytes) {
      bytes = Buffer.from(`,${this.encode(item)}`);
      this.kept.set(item, bytes);
    }
    return bytes;
  }
}

/**
 * One set of encodings per output form, found by the parts that make the form: objects (a resource type, a
 * printer) held weakly, then a text for the rest (a version, an includeObject policy). Made on first use.
 */
export class EncodingsByForm<T> {
  private readonly root = new WeakMap<object, unknown>();

  get(parts: readonly [object, ...object[]], variant: string, make: () => T): T {
    let level = this.root;
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1) break;
      let next = level.get(part) as WeakMap<object, unknown> | undefined;
      if (!next) {
        next = new WeakMap();
        level.set(part, next);
      }
      level = next;
    }
    const last = parts[parts.length - 1] as object;
    let variants = level.get(last) as Map<string, T> | undefined;
    if (!variants) {
      variants = new Map();
      level.set(last, variants);
    }
    let encodings = variants.get(variant);
    if (encodings === undefined) {
      encodings = make();
      variants.set(variant, encodings);
    }
    return encodings;
  }
}
