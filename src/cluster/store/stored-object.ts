import type { KubeObject } from '../objects.js';
import { ByteSlabs } from './byte-slabs.js';

/** Where the JSON of the objects a store was loaded with is kept: they live, and go, together. */
const loadedObjectBytes = new ByteSlabs();

/**
 * One version of one object, as the store keeps it. Objects are never changed in place: a write makes a new
 * StoredObject. Its JSON is computed once, on first use, and kept as UTF-8 bytes (the one copy, ready to write),
 * so a list of thousands of objects or an event sent to many watchers is serialized once per version, not once
 * per reader.
 */
export class StoredObject {
  /** The JSON after a comma: `,{...}`. */
  private serialized: Buffer | undefined;

  constructor(
    /** `namespace/name` for namespaced resources, `name` otherwise: etcd's key order. */
    readonly key: string,
    readonly resourceVersion: number,
    readonly object: Readonly<KubeObject>,
    /** One of the objects the store was loaded with: its JSON is packed with theirs. */
    private readonly loaded = false,
  ) {}

  get namespace(): string {
    return this.object.metadata.namespace ?? '';
  }

  get name(): string {
    return this.object.metadata.name;
  }

  /**
   * What a selection reads of the object (its labels, an index's value, a resource's selectable fields): the one
   * way the store, the list filters and the watchers look into an object, so that an object kept as its bytes can
   * answer the reads it was stored with without being parsed.
   */
  read<T>(selection: (object: Readonly<KubeObject>) => T): T {
    return selection(this.object);
  }

  /** The compact JSON of the object, as bytes; made on first use and kept. */
  jsonBytes(): Buffer {
    return this.jsonAfterComma().subarray(1);
  }

  /**
   * The same bytes after a comma, as the object follows another in a JSON array: kept as one buffer, so that a
   * list is one piece per object.
   */
  jsonAfterComma(): Buffer {
    if (!this.serialized) {
      const text = `,${JSON.stringify(this.object)}`;
      this.serialized = this.loaded ? loadedObjectBytes.encode(text) : Buffer.from(text);
    }
    return this.serialized;
  }

  json(): string {
    return this.jsonBytes().toString();
  }
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
