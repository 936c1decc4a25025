import type { EncodableObject } from './resource-encoder.js';

/**
 * Each object's encodings, made once per object version and output form and kept beside it (a WeakMap keyed by
 * the stored or converted object, so a version no longer stored takes its encodings with it). A list of 150,000
 * pods is then the concatenation of bytes already made, and a watch event sent to a thousand watchers is encoded
 * once.
 */

const jsonOf = new WeakMap<EncodableObject, Buffer>();

/** The compact JSON of an item, as bytes: its own kept bytes, or made once from its JSON text. */
export function jsonBytesOf(item: EncodableObject): Buffer {
  return item.jsonBytes ? item.jsonBytes() : jsonAfterCommaOf(item).subarray(1);
}

/** The same after a comma, as the item follows another in a list. */
export function jsonAfterCommaOf(item: EncodableObject): Buffer {
  if (item.jsonAfterComma) return item.jsonAfterComma();
  let bytes = jsonOf.get(item);
  if (!bytes) {
    bytes = Buffer.from(`,${item.json()}`);
    jsonOf.set(item, bytes);
  }
  return bytes;
}

/** How a list writes its items: the first as it is, each later one after a comma (one piece per item). */
export interface ListedEncoding {
  first(item: EncodableObject): Buffer;
  following(item: EncodableObject): Buffer;
}

export const LISTED_JSON: ListedEncoding = { first: jsonBytesOf, following: jsonAfterCommaOf };

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

  constructor(private readonly encode: (item: EncodableObject, now: number) => { text: string; stableForMs: number }) {}

  get(item: EncodableObject, now: number): Buffer {
    return this.afterComma(item, now).subarray(1);
  }

  /** The encoding with a comma before it: what follows another item in a list. */
  afterComma(item: EncodableObject, now: number): Buffer {
    const kept = this.kept.get(item);
    if (kept && now >= kept.madeAt && now < kept.until) return kept.afterComma;
    const { text, stableForMs } = this.encode(item, now);
    const afterComma = Buffer.from(`,${text}`);
    if (stableForMs > 0) this.kept.set(item, { afterComma, madeAt: now, until: now + stableForMs });
    return afterComma;
  }
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
