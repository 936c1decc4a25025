import type { KubeObject } from '../objects.js';
import { SortedKeys } from './sorted-keys.js';
import type { StoredObject } from './stored-object.js';

/** Computes the value an object is indexed under (e.g. a pod's spec.nodeName); undefined leaves it out. */
export type IndexFunction = (object: Readonly<KubeObject>) => string | undefined;

/**
 * The objects of one resource: by key, in key order, by namespace and by any declared index, so that a list
 * scoped by namespace or index value touches only what it returns.
 */
export class ResourceTable {
  readonly objects = new Map<string, StoredObject>();
  readonly keys = new SortedKeys();
  private readonly byNamespace = new Map<string, SortedKeys>();
  private readonly indexes = new Map<string, { fn: IndexFunction; values: Map<string, Set<string>> }>();

  constructor(indexes: Readonly<Record<string, IndexFunction>> = {}) {
    for (const [name, fn] of Object.entries(indexes)) this.indexes.set(name, { fn, values: new Map() });
  }

  hasIndex(name: string): boolean {
    return this.indexes.has(name);
  }

  indexValue(name: string, object: Readonly<KubeObject>): string | undefined {
    return this.indexes.get(name)?.fn(object);
  }

  put(stored: StoredObject): StoredObject | undefined {
    const previous = this.objects.get(stored.key);
    this.objects.set(stored.key, stored);
    if (!previous) {
      this.keys.add(stored.key);
      if (stored.namespace) this.namespaceKeys(stored.namespace, true)?.add(stored.key);
    }
    for (const index of this.indexes.values()) {
      const before = previous ? index.fn(previous.object) : undefined;
      const after = index.fn(stored.object);
      if (before === after) continue;
      if (before !== undefined) this.unindex(index.values, before, stored.key);
      if (after !== undefined) this.indexSet(index.values, after).add(stored.key);
    }
    return previous;
  }

  remove(key: string): StoredObject | undefined {
    const previous = this.objects.get(key);
    if (!previous) return undefined;
    this.objects.delete(key);
    this.keys.remove(key);
    if (previous.namespace) this.namespaceKeys(previous.namespace, false)?.remove(key);
    for (const index of this.indexes.values()) {
      const value = index.fn(previous.object);
      if (value !== undefined) this.unindex(index.values, value, key);
    }
    return previous;
  }

  namespaceKeys(namespace: string, create = false): SortedKeys | undefined {
    let keys = this.byNamespace.get(namespace);
    if (!keys && create) {
      keys = new SortedKeys();
      this.byNamespace.set(namespace, keys);
    }
    return keys;
  }

  /** Keys under an index value, unsorted. */
  indexKeys(name: string, value: string): ReadonlySet<string> {
    return this.indexes.get(name)?.values.get(value) ?? new Set();
  }

  private indexSet(values: Map<string, Set<string>>, value: string): Set<string> {
    let set = values.get(value);
    if (!set) {
      set = new Set();
      values.set(value, set);
    }
    return set;
  }

  private unindex(values: Map<string, Set<string>>, value: string, key: string): void {
    const set = values.get(value);
    if (!set) return;
    set.delete(key);
    if (set.size === 0) values.delete(value);
  }
}
