import { createHash } from 'node:crypto';
import { withFields } from '../meta/index.js';
import type { KubeObject } from '../objects.js';
import type { ResourceKey } from '../resources/resource-type.js';
import { EventHistory } from './event-history.js';
import { type IndexFunction, ResourceTable } from './resource-table.js';
import { countAfter, type ListOptions, type ScanCount, scan, stateAt, wholeScope } from './list-scan.js';
import type { StoreEvent, StoreEventType } from './store-event.js';
import { StoreError } from './store-error.js';
import { objectKey, StoredObject } from './stored-object.js';

export interface StoreOptions {
  /** Every resource the store keeps. */
  resources: readonly ResourceKey[];
  /** Secondary indexes per resource, e.g. pods by spec.nodeName. */
  indexes?: Partial<Record<ResourceKey, Readonly<Record<string, IndexFunction>>>>;
  /** How many recent changes are kept for watches and paginated lists to resume from. */
  historyCapacity?: number;
}

export interface ListResult {
  items: readonly StoredObject[];
  /** The resourceVersion the list reflects. */
  resourceVersion: number;
  /** Set when more matching objects follow: the key of the last item returned. */
  lastKey?: string;
  /** How many objects follow in scope; only known for lists without a filter, and told unless `countRemaining` is false. */
  remaining?: number;
  /** How many objects the list looked at to find its items: what it cost, which an index keeps near what it returns. */
  examined: number;
}

export type StoreListener = (event: StoreEvent) => void;

const DEFAULT_HISTORY = 10_000;

/**
 * The simulated cluster's etcd and watch cache in one: objects by resource, namespace and name, one
 * cluster-wide resourceVersion counter, list/get/watch, and a bounded history of changes. It knows nothing
 * of HTTP; what it refuses it refuses with a StoreError.
 */
export class ClusterStore {
  private revision = 0;
  private readonly tables = new Map<ResourceKey, ResourceTable>();
  private readonly listeners = new Map<ResourceKey, Set<StoreListener>>();
  private readonly history: EventHistory;

  constructor(options: StoreOptions) {
    for (const resource of options.resources) {
      this.tables.set(resource, new ResourceTable(options.indexes?.[resource] ?? {}));
    }
    this.history = new EventHistory(options.historyCapacity ?? DEFAULT_HISTORY, 0);
  }

  /** The resourceVersion of the newest write. */
  get resourceVersion(): number {
    return this.revision;
  }

  /** The oldest resourceVersion a watch or a paginated list can still start from. */
  get oldestResourceVersion(): number {
    return this.history.compactedThrough;
  }

  /**
   * Keeps no history of changes until the function returned is called: what no one can watch (a compact cluster's
   * past, replayed before the server listens) is not kept for watches to resume from. Every resourceVersion up to
   * the newest write when history resumes is then too old to start from, as on an apiserver started then.
   */
  suspendHistory(): () => void {
    this.history.suspend();
    return () => this.history.resume();
  }

  hasIndex(resource: ResourceKey, name: string): boolean {
    return this.table(resource).hasIndex(name);
  }

  count(resource: ResourceKey): number {
    return this.table(resource).objects.size;
  }

  /** How many objects the store holds, of every resource. */
  get size(): number {
    let objects = 0;
    for (const table of this.tables.values()) objects += table.objects.size;
    return objects;
  }

  /**
   * Puts a whole cluster in at once: no events are published and the history starts after the load (a watch from
   * before it is Expired, as after an etcd compaction). An object that comes with a numeric resourceVersion (a
   * captured one) keeps it, as its API server showed it; the others take the versions after the highest kept.
   */
  load(entries: Iterable<{ resource: ResourceKey; object: KubeObject }>, onProgress?: (stored: number) => void): void {
    const all = [...entries];
    let highest = this.revision;
    for (const { object } of all) {
      const kept = capturedResourceVersion(object);
      if (kept !== undefined && kept > highest) highest = kept;
    }
    let next = highest;
    let stored = 0;
    for (const { resource, object } of all) {
      const table = this.table(resource);
      const key = objectKey(object.metadata.namespace, object.metadata.name);
      if (table.objects.has(key)) throw this.alreadyExists(resource, key);
      table.put(this.stamp(resource, key, object, capturedResourceVersion(object) ?? ++next, true));
      if (++stored % 10_000 === 0) onProgress?.(stored);
    }
    this.revision = next;
    this.history.compactedThrough = this.revision;
  }

  get(resource: ResourceKey, namespace: string | undefined, name: string): StoredObject | undefined {
    return this.table(resource).objects.get(objectKey(namespace, name));
  }

  /** The object stored under `key` (a StoredObject's key: `namespace/name`, or the name of a cluster-scoped one). */
  getByKey(resource: ResourceKey, key: string): StoredObject | undefined {
    return this.table(resource).objects.get(key);
  }

  create(resource: ResourceKey, object: KubeObject): StoredObject {
    const table = this.table(resource);
    const key = objectKey(object.metadata.namespace, object.metadata.name);
    if (table.objects.has(key)) throw this.alreadyExists(resource, key);
    return this.write(resource, table, 'ADDED', this.stamp(resource, key, object, this.revision + 1));
  }

  update(resource: ResourceKey, object: KubeObject): StoredObject {
    const table = this.table(resource);
    const key = objectKey(object.metadata.namespace, object.metadata.name);
    const current = table.objects.get(key);
    if (!current) throw new StoreError('NotFound', `${resource} ${key} not found`);
    // The uid stays the stored one, whatever the update carries: the object is copied once, with it and its resourceVersion.
    return this.write(resource, table, 'MODIFIED', this.stamp(resource, key, object, this.revision + 1, false, current.object.metadata.uid));
  }

  /** Creates the object, or updates it if it exists. */
  put(resource: ResourceKey, object: KubeObject): StoredObject {
    return this.get(resource, object.metadata.namespace, object.metadata.name) ? this.update(resource, object) : this.create(resource, object);
  }

  delete(resource: ResourceKey, namespace: string | undefined, name: string): StoredObject {
    const table = this.table(resource);
    const key = objectKey(namespace, name);
    const current = table.objects.get(key);
    if (!current) throw new StoreError('NotFound', `${resource} ${key} not found`);
    const last = this.stamp(resource, key, current.object, this.revision + 1);
    this.revision = last.resourceVersion;
    table.remove(key);
    this.publish({ type: 'DELETED', resource, resourceVersion: last.resourceVersion, object: last, previous: current });
    return last;
  }

  list(resource: ResourceKey, options: ListOptions = {}): ListResult {
    const table = this.table(resource);
    const at = options.atResourceVersion;
    if (at !== undefined) this.checkReadable(at);
    const snapshot = at !== undefined && at < this.revision ? stateAt(this.history.since(resource, at), table, options) : undefined;
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    // A read of the whole table, or of a whole namespace, is its array in key order, as it is: nothing is copied.
    const whole = options.filter ? undefined : wholeScope(table, options, snapshot);
    if (whole && whole.length <= limit) return { items: whole, resourceVersion: this.revision, examined: whole.length };
    const items: StoredObject[] = [];
    let lastKey: string | undefined;
    const count: ScanCount = { examined: 0 };
    for (const stored of scan(table, options, snapshot, count)) {
      if (options.filter && !options.filter(stored)) continue;
      if (items.length === limit) {
        lastKey = items[items.length - 1]?.key;
        break;
      }
      items.push(stored);
    }
    const result: ListResult = { items, resourceVersion: snapshot ? (at as number) : this.revision, examined: count.examined };
    if (lastKey !== undefined) {
      result.lastKey = lastKey;
      if (!options.filter && options.countRemaining !== false) result.remaining = countAfter(table, options, lastKey, snapshot);
    }
    return result;
  }

  /**
   * Calls `listener` for every change to `resource` after `fromResourceVersion` (replaying retained history
   * first, synchronously), then for every new change until the returned function is called.
   */
  watch(resource: ResourceKey, fromResourceVersion: number | undefined, listener: StoreListener): () => void {
    this.table(resource);
    if (fromResourceVersion !== undefined) {
      this.checkReadable(fromResourceVersion);
      for (const event of this.history.since(resource, fromResourceVersion)) listener(event);
    }
    let set = this.listeners.get(resource);
    if (!set) {
      set = new Set();
      this.listeners.set(resource, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  private table(resource: ResourceKey): ResourceTable {
    const table = this.tables.get(resource);
    if (!table) throw new Error(`the store does not keep resource ${resource}`);
    return table;
  }

  /**
   * Refuses a resourceVersion this store has not reached: a read at least that new would wait for it, and the
   * watch cache gives up with TooLargeResourceVersion (apiserver cacher waitUntilFreshAndBlock).
   */
  checkReached(resourceVersion: number): void {
    if (resourceVersion > this.revision) {
      throw new StoreError('TooLargeResourceVersion', `Too large resource version: ${resourceVersion}, current: ${this.revision}`, {
        requested: resourceVersion,
        limit: this.revision,
      });
    }
  }

  private checkReadable(resourceVersion: number): void {
    this.checkReached(resourceVersion);
    if (!this.history.covers(resourceVersion)) {
      throw new StoreError('Expired', `too old resource version: ${resourceVersion} (${this.history.compactedThrough})`, {
        requested: resourceVersion,
        limit: this.history.compactedThrough,
      });
    }
  }

  private stamp(
    resource: ResourceKey,
    key: string,
    object: KubeObject,
    resourceVersion: number,
    loaded = false,
    uid = object.metadata.uid ?? deterministicUid(resource, key, resourceVersion),
  ): StoredObject {
    const version = String(resourceVersion);
    // A captured object already carries both, as a capture's objects do: kept as it is (objects never change in place).
    if (object.metadata.uid === uid && object.metadata.resourceVersion === version) return new StoredObject(key, resourceVersion, object, loaded);
    const metadata = withFields(object.metadata, { uid, resourceVersion: version });
    return new StoredObject(key, resourceVersion, { ...object, metadata }, loaded);
  }

  private write(resource: ResourceKey, table: ResourceTable, type: StoreEventType, stored: StoredObject): StoredObject {
    this.revision = stored.resourceVersion;
    const previous = table.put(stored);
    this.publish({ type, resource, resourceVersion: stored.resourceVersion, object: stored, ...(previous ? { previous } : {}) });
    return stored;
  }

  private publish(event: StoreEvent): void {
    this.history.record(event);
    const set = this.listeners.get(event.resource);
    if (!set) return;
    for (const listener of [...set]) listener(event);
  }

  private alreadyExists(resource: ResourceKey, key: string): StoreError {
    return new StoreError('AlreadyExists', `${resource} ${key} already exists`);
  }
}

/** A stable RFC 4122-shaped uid for objects that come without one, so every run of a cluster is the same. */
function deterministicUid(resource: ResourceKey, key: string, resourceVersion: number): string {
  const hex = createHash('sha256').update(`${resource}\u0000${key}\u0000${resourceVersion}`).digest('hex');
  // Joined, not a template: a template's pieces stay a chain of eight strings for as long as the uid lives.
  return [hex.slice(0, 8), hex.slice(8, 12), `5${hex.slice(13, 16)}`, `a${hex.slice(17, 20)}`, hex.slice(20, 32)].join('-');
}

/** A resourceVersion an object was captured with, when it is one this store can keep (a positive integer). */
function capturedResourceVersion(object: KubeObject): number | undefined {
  const text = object.metadata.resourceVersion;
  if (typeof text !== 'string' || !/^[1-9]\d{0,15}$/.test(text)) return undefined;
  return Number(text);
}
