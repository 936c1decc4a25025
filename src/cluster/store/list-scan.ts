import type { KubeObject } from '../objects.js';
import type { ListOptions } from './cluster-store.js';
import type { ResourceTable } from './resource-table.js';
import { compareKeys } from './sorted-keys.js';
import type { StoreEvent } from './store-event.js';
import type { StoredObject } from './stored-object.js';

/**
 * How a list walks a resource table: the keys in scope from the cheapest structure that holds them, in key order;
 * and, for a read at a past resourceVersion, the state of that moment rebuilt from the history of changes since
 * (each changed key's previous version, or nothing if it did not exist yet), merged into the current keys.
 */

/** A snapshot: for every key changed since the read's resourceVersion, its state then (null: it did not exist). */
export type Snapshot = Map<string, StoredObject | null>;

function inScope(table: ResourceTable, options: ListOptions, object: Readonly<KubeObject>): boolean {
  if (options.namespace !== undefined && (object.metadata.namespace ?? '') !== options.namespace) return false;
  if (options.index && table.indexValue(options.index.name, object) !== options.index.value) return false;
  return true;
}

/** Keys in scope after `options.after`, in key order, from the cheapest structure that holds them. */
function* scopeKeys(table: ResourceTable, options: ListOptions): Generator<string> {
  if (options.index) {
    const keys = [...table.indexKeys(options.index.name, options.index.value)].sort(compareKeys);
    for (const key of keys) {
      if (options.after !== undefined && key <= options.after) continue;
      if (options.namespace !== undefined && !key.startsWith(`${options.namespace}/`)) continue;
      yield key;
    }
    return;
  }
  const keys = options.namespace !== undefined ? table.namespaceKeys(options.namespace) : table.keys;
  if (keys) yield* keys.from(options.after);
}

/** Objects in scope in key order: the current state, or the state of a snapshot. */
export function* scan(table: ResourceTable, options: ListOptions, snapshot: Snapshot | undefined): Generator<StoredObject> {
  if (!snapshot) {
    for (const key of scopeKeys(table, options)) {
      const stored = table.objects.get(key);
      if (stored) yield stored;
    }
    return;
  }
  // Merge current keys untouched since the snapshot with the snapshot's own versions of changed keys.
  const changed = [...snapshot.entries()]
    .filter((entry): entry is [string, StoredObject] => entry[1] !== null)
    .filter(([key]) => options.after === undefined || key > options.after)
    .sort((a, b) => compareKeys(a[0], b[0]));
  let next = 0;
  for (const key of scopeKeys(table, options)) {
    while (next < changed.length && (changed[next] as [string, StoredObject])[0] < key) yield (changed[next++] as [string, StoredObject])[1];
    if (snapshot.has(key)) continue;
    const stored = table.objects.get(key);
    if (stored) yield stored;
  }
  while (next < changed.length) yield (changed[next++] as [string, StoredObject])[1];
}

/** The snapshot before `changes` (a resource's changes since the read's resourceVersion, oldest first), in scope only. */
export function stateAt(changes: Iterable<StoreEvent>, table: ResourceTable, options: ListOptions): Snapshot {
  const state: Snapshot = new Map();
  for (const event of changes) {
    const key = event.object.key;
    if (state.has(key)) continue;
    const before = event.previous;
    // A key changed later is hidden from the current scan either way; only its old state, if in scope, shows.
    state.set(key, before && inScope(table, options, before.object) ? before : null);
  }
  return state;
}

/** In-scope keys after `key`; for a snapshot, corrected by the keys created or deleted since. */
export function countAfter(table: ResourceTable, options: ListOptions, key: string, snapshot?: Snapshot): number {
  let correction = 0;
  for (const [changed, then] of snapshot ?? []) {
    if (changed <= key) continue;
    const current = table.objects.get(changed);
    if (current && inScope(table, options, current.object)) correction--;
    if (then) correction++;
  }
  return countCurrentAfter(table, options, key) + correction;
}

function countCurrentAfter(table: ResourceTable, options: ListOptions, key: string): number {
  if (options.index) {
    let count = 0;
    for (const k of table.indexKeys(options.index.name, options.index.value)) {
      if (k > key && (options.namespace === undefined || k.startsWith(`${options.namespace}/`))) count++;
    }
    return count;
  }
  const keys = options.namespace !== undefined ? table.namespaceKeys(options.namespace) : table.keys;
  return keys ? keys.countAfter(key) : 0;
}
