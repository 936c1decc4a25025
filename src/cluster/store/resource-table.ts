import type { KubeObject } from '../objects.js';
import { KeysByValue } from './keys-by-value.js';
import { SortedKeys } from './sorted-keys.js';
import type { StoredObject } from './stored-object.js';

/**
 * Computes the value an object is indexed under (e.g. a pod's spec.nodeName); undefined leaves it out. An index a
 * field selector reads must give every object the value its selectable field set gives it, "" included.
 */
export type IndexFunction = (object: Readonly<KubeObject>) => string | undefined;

/**
 * Keys a table can find without reading every object: those under one value of a declared index; those carrying a
 * label (with one of `values`, or with any value when `values` is absent); those of one name, in any namespace.
 */
export type KeySet = { index: string; value: string } | { label: string; values?: readonly string[] } | { name: string };

type Labels = Readonly<Record<string, string>>;

/**
 * The objects of one resource: by key, in key order, by namespace, by any declared index and by label, so that a
 * list scoped by namespace, index value or label touches only what it returns.
 */
export class ResourceTable {
  readonly objects = new Map<string, StoredObject>();
  readonly keys = new SortedKeys();
  private readonly byNamespace = new Map<string, SortedKeys>();
  private readonly indexes = new Map<string, { fn: IndexFunction; values: KeysByValue }>();
  /** Label key → value → keys. Every kind has labels, so every table keeps them. */
  private readonly labels = new Map<string, KeysByValue>();
  /** Every object in key order, kept from one full read to the next write. */
  private inKeyOrder: readonly StoredObject[] | undefined;
  /** Every object of a namespace in key order, kept from one read of the namespace to the next write in it. */
  private readonly namespaceInKeyOrder = new Map<string, readonly StoredObject[]>();

  constructor(indexes: Readonly<Record<string, IndexFunction>> = {}) {
    for (const [name, fn] of Object.entries(indexes)) this.indexes.set(name, { fn, values: new KeysByValue() });
  }

  hasIndex(name: string): boolean {
    return this.indexes.has(name);
  }

  /**
   * Every object in key order. A quiet table (a capture served as it is) answers its full lists from one array,
   * without a lookup per key; any write drops it. The array is frozen: what it holds never changes, so what is
   * made from it (a list's encoded body) can be kept with it.
   */
  all(): readonly StoredObject[] {
    this.inKeyOrder ??= this.frozenObjectsOf(this.keys);
    return this.inKeyOrder;
  }

  /** Every object of a namespace in key order, kept (frozen) as `all()` is, until a write in the namespace. */
  allIn(namespace: string): readonly StoredObject[] {
    let all = this.namespaceInKeyOrder.get(namespace);
    if (!all) {
      all = this.frozenObjectsOf(this.namespaceKeys(namespace));
      this.namespaceInKeyOrder.set(namespace, all);
    }
    return all;
  }

  /** The objects of a set of keys, in key order, as a frozen array. */
  private frozenObjectsOf(keys: SortedKeys | undefined): readonly StoredObject[] {
    const objects: StoredObject[] = [];
    for (const key of keys?.from(undefined) ?? []) objects.push(this.objects.get(key) as StoredObject);
    return Object.freeze(objects);
  }

  put(stored: StoredObject): StoredObject | undefined {
    this.inKeyOrder = undefined;
    this.namespaceInKeyOrder.delete(stored.namespace);
    const previous = this.objects.get(stored.key);
    this.objects.set(stored.key, stored);
    if (!previous) {
      this.keys.add(stored.key);
      if (stored.namespace) this.namespaceKeys(stored.namespace, true)?.add(stored.key);
    }
    for (const index of this.indexes.values()) {
      const before = previous ? previous.read(index.fn) : undefined;
      const after = stored.read(index.fn);
      if (before === after) continue;
      if (before !== undefined) index.values.remove(before, stored.key);
      if (after !== undefined) index.values.add(after, stored.key);
    }
    this.relabel(stored.key, previous ? previous.read(objectLabels) : undefined, stored.read(objectLabels));
    return previous;
  }

  remove(key: string): StoredObject | undefined {
    const previous = this.objects.get(key);
    if (!previous) return undefined;
    this.inKeyOrder = undefined;
    this.namespaceInKeyOrder.delete(previous.namespace);
    this.objects.delete(key);
    this.keys.remove(key);
    const namespaceKeys = previous.namespace ? this.namespaceKeys(previous.namespace) : undefined;
    namespaceKeys?.remove(key);
    if (namespaceKeys?.size === 0) this.byNamespace.delete(previous.namespace);
    for (const index of this.indexes.values()) {
      const value = previous.read(index.fn);
      if (value !== undefined) index.values.remove(value, key);
    }
    this.relabel(key, previous.read(objectLabels), undefined);
    return previous;
  }

  /** A namespace's keys: the run of the table's keys it prefixes, kept apart so it is sorted apart. */
  namespaceKeys(namespace: string, create = false): SortedKeys | undefined {
    let keys = this.byNamespace.get(namespace);
    if (!keys && create) {
      keys = new SortedKeys();
      this.byNamespace.set(namespace, keys);
    }
    return keys;
  }

  /** The sorted runs of keys whose union is `set` (disjoint: an object has one value per index and per label). */
  keySets(set: KeySet): SortedKeys[] {
    if ('name' in set) return this.named(set.name);
    const values = 'index' in set ? this.indexes.get(set.index)?.values : this.labels.get(set.label);
    if (!values) return [];
    if ('index' in set || set.values !== undefined) {
      const runs: SortedKeys[] = [];
      for (const value of 'index' in set ? [set.value] : new Set(set.values)) {
        const keys = values.keys(value);
        if (keys) runs.push(keys);
      }
      return runs;
    }
    return values.all();
  }

  /** How many keys `keySets(set)` holds at most, found without reading them. */
  keySetSize(set: KeySet): number {
    if ('name' in set) return this.named(set.name).reduce((sum, keys) => sum + keys.size, 0);
    const values = 'index' in set ? this.indexes.get(set.index)?.values : this.labels.get(set.label);
    if (!values) return 0;
    if ('index' in set) return values.count(set.value);
    if (set.values === undefined) return values.count();
    let size = 0;
    for (const value of new Set(set.values)) size += values.count(value);
    return size;
  }

  /** Whether an object is in a key set, read from the object itself (for versions the table no longer holds). */
  holds(set: KeySet, stored: StoredObject): boolean {
    if ('name' in set) return stored.name === set.name;
    if ('index' in set) {
      const index = this.indexes.get(set.index);
      return index !== undefined && stored.read(index.fn) === set.value;
    }
    const value = labelOf(stored.read(objectLabels), set.label);
    return value !== undefined && (set.values === undefined || set.values.includes(value));
  }

  /**
   * The keys of a name: one lookup per namespace holding objects (and one without), as a key is `namespace/name`.
   * Cheaper than an index of every name, which would cost a map entry per object for what a few lookups find.
   */
  private named(name: string): SortedKeys[] {
    const keys = new SortedKeys();
    if (this.objects.has(name)) keys.add(name);
    for (const namespace of this.byNamespace.keys()) {
      const key = `${namespace}/${name}`;
      if (this.objects.has(key)) keys.add(key);
    }
    return keys.size > 0 ? [keys] : [];
  }

  private relabel(key: string, before: Labels | undefined, after: Labels | undefined): void {
    if (before === after) return;
    for (const name in before) {
      const value = labelOf(before, name);
      if (value === undefined || labelOf(after, name) === value) continue;
      const values = this.labels.get(name);
      values?.remove(value, key);
      if (values?.size === 0) this.labels.delete(name);
    }
    for (const name in after) {
      const value = labelOf(after, name);
      if (value === undefined || labelOf(before, name) === value) continue;
      let values = this.labels.get(name);
      if (!values) {
        values = new KeysByValue();
        this.labels.set(name, values);
      }
      values.add(value, key);
    }
  }
}

/** An object's labels as a label selector reads them; objects from files do not always honour their types. */
export function objectLabels(object: Readonly<KubeObject>): Labels | undefined {
  const labels: unknown = object.metadata.labels;
  return typeof labels === 'object' && labels !== null ? (labels as Labels) : undefined;
}

function labelOf(labels: Labels | undefined, name: string): string | undefined {
  return labels !== undefined && Object.hasOwn(labels, name) ? labels[name] : undefined;
}
