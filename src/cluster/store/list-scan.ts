import { mergeKeys } from './merge-keys.js';
import type { KeySet, ResourceTable } from './resource-table.js';
import { compareKeys, type SortedKeys } from './sorted-keys.js';
import type { StoreEvent } from './store-event.js';
import type { StoredObject } from './stored-object.js';

/**
 * How a list walks a resource table: the keys in scope from the smallest structure that holds them, in key order;
 * and, for a read at a past resourceVersion, the state of that moment rebuilt from the history of changes since
 * (each changed key's previous version, or nothing if it did not exist yet), merged into the current keys.
 */

export interface ListOptions {
  namespace?: string;
  /** Only objects whose index value equals `value`. */
  index?: { name: string; value: string };
  /**
   * Only objects in every one of these key sets. The list reads the smallest candidate (these, `index` and the
   * namespace) and checks the others object by object, so a caller passes every set its filter implies.
   */
  within?: readonly KeySet[];
  filter?: (stored: StoredObject) => boolean;
  /** Start after this key (the last key of the previous page). */
  after?: string;
  limit?: number;
  /** Read the state as it was at this resourceVersion (must be inside the history window). */
  atResourceVersion?: number;
  /** Whether a page tells how many objects remain after it (default true). */
  countRemaining?: boolean;
}

/** A snapshot: for every key changed since the read's resourceVersion, its state then (null: it did not exist). */
export type Snapshot = Map<string, StoredObject | null>;

/** What a list has read so far: every object it looked at, whether or not it was kept. */
export interface ScanCount {
  examined: number;
}

/**
 * Where a list reads: the sorted runs whose union holds every key in scope (the namespace's or the table's keys,
 * one index value, the values of a label), within `prefix` (the namespace's run of an index's keys); and the key
 * sets each key read must still be in.
 */
interface ScanPlan {
  runs: SortedKeys[];
  prefix: string | undefined;
  checks: KeySet[];
}

function keySetsOf(options: ListOptions): KeySet[] {
  const sets: KeySet[] = [];
  if (options.index) sets.push({ index: options.index.name, value: options.index.value });
  for (const set of options.within ?? []) sets.push(set);
  return sets;
}

const prefixOf = (options: ListOptions): string | undefined => (options.namespace !== undefined ? `${options.namespace}/` : undefined);

/**
 * The smallest candidate: the namespace's keys (or the table's), or one of the key sets. Sizes come first, which
 * cost little; a key set smaller than the best so far is then counted exactly in the namespace after `after` (by
 * binary searches in its runs, sorting them if they wait for it: never a run larger than what the list would read
 * anyway). A tie goes to the namespace or table, whose keys need no merging.
 */
function plan(table: ResourceTable, options: ListOptions, after: string | undefined): ScanPlan {
  const prefix = prefixOf(options);
  const sets = keySetsOf(options);
  const scope = options.namespace !== undefined ? table.namespaceKeys(options.namespace) : table.keys;
  let best: ScanPlan = { runs: scope ? [scope] : [], prefix: undefined, checks: sets };
  let bestSize = scope?.size ?? 0;
  for (let i = 0; i < sets.length; i++) {
    const set = sets[i] as KeySet;
    if (table.keySetSize(set) >= bestSize) continue;
    const runs = table.keySets(set);
    const size = runs.reduce((sum, keys) => sum + keys.countFrom(after, prefix), 0);
    if (size < bestSize) {
      bestSize = size;
      best = { runs, prefix, checks: sets.filter((_, j) => j !== i) };
    }
  }
  return best;
}

function keysAfter(plan: ScanPlan, after: string | undefined): Generator<string> {
  const runs = plan.runs.map((keys) => keys.from(after, plan.prefix));
  return runs.length === 1 ? (runs[0] as Generator<string>) : mergeKeys(runs);
}

/** Whether a version of an object is in the list's scope: its namespace and every key set. */
function inScope(table: ResourceTable, options: ListOptions, stored: StoredObject): boolean {
  const prefix = prefixOf(options);
  if (prefix !== undefined && !stored.key.startsWith(prefix)) return false;
  return keySetsOf(options).every((set) => table.holds(set, stored));
}

const NOTHING: readonly StoredObject[] = Object.freeze([]);

/**
 * Every object of the table, or of the namespace listed, in key order, when that is what the list reads now (no
 * other scope, no snapshot, from the start): the table's kept array of them.
 */
export function wholeScope(table: ResourceTable, options: ListOptions, snapshot: Snapshot | undefined): readonly StoredObject[] | undefined {
  if (snapshot || options.after !== undefined) return undefined;
  // Without a key set the scope is the namespace's keys or the table's, whole: no plan to weigh (a controller's
  // informer reads a namespace's services this way at every pod change).
  if (options.index === undefined && !options.within?.length) {
    if (options.namespace === undefined) return table.all();
    return table.namespaceKeys(options.namespace) ? table.allIn(options.namespace) : NOTHING;
  }
  const where = plan(table, options, undefined);
  // A namespace with none of these objects: nothing to read, and nothing kept for it (any name can be asked for).
  if (where.runs.length === 0) return NOTHING;
  if (where.checks.length > 0 || where.prefix !== undefined) return undefined;
  if (where.runs[0] === table.keys) return table.all();
  if (options.namespace !== undefined && where.runs.length === 1 && where.runs[0] === table.namespaceKeys(options.namespace))
    return table.allIn(options.namespace);
  return undefined;
}

/** Objects in scope after `options.after`, in key order: the current state, or the state of a snapshot. */
export function* scan(table: ResourceTable, options: ListOptions, snapshot: Snapshot | undefined, count: ScanCount): Generator<StoredObject> {
  const all = wholeScope(table, options, snapshot);
  if (all) {
    count.examined += all.length;
    yield* all;
    return;
  }
  const where = plan(table, options, options.after);
  // The snapshot's own versions of changed keys, merged with the current keys untouched since.
  const changed: StoredObject[] = [];
  for (const then of snapshot?.values() ?? []) {
    if (then && (options.after === undefined || then.key > options.after)) changed.push(then);
  }
  changed.sort((a, b) => compareKeys(a.key, b.key));
  let next = 0;
  for (const key of keysAfter(where, options.after)) {
    for (let then = changed[next]; then && then.key < key; then = changed[++next]) {
      count.examined++;
      yield then;
    }
    if (snapshot?.has(key)) continue;
    const stored = table.objects.get(key);
    if (!stored) continue;
    count.examined++;
    if (where.checks.length === 0 || where.checks.every((set) => table.holds(set, stored))) yield stored;
  }
  for (let then = changed[next]; then; then = changed[++next]) {
    count.examined++;
    yield then;
  }
}

/** The snapshot before `changes` (a resource's changes since the read's resourceVersion, oldest first), in scope only. */
export function stateAt(changes: Iterable<StoreEvent>, table: ResourceTable, options: ListOptions): Snapshot {
  const state: Snapshot = new Map();
  for (const event of changes) {
    const key = event.object.key;
    if (state.has(key)) continue;
    const before = event.previous;
    // A key changed later is hidden from the current scan either way; only its old state, if in scope, shows.
    state.set(key, before && inScope(table, options, before) ? before : null);
  }
  return state;
}

/** In-scope keys after `key`; for a snapshot, corrected by the keys created, deleted or moved in or out since. */
export function countAfter(table: ResourceTable, options: ListOptions, key: string, snapshot?: Snapshot): number {
  let correction = 0;
  for (const [changed, then] of snapshot ?? []) {
    if (changed <= key) continue;
    const current = table.objects.get(changed);
    if (current && inScope(table, options, current)) correction--;
    if (then) correction++;
  }
  return countCurrentAfter(table, options, key) + correction;
}

function countCurrentAfter(table: ResourceTable, options: ListOptions, key: string): number {
  const where = plan(table, options, key);
  let count = 0;
  if (where.checks.length === 0) {
    for (const keys of where.runs) count += keys.countFrom(key, where.prefix);
    return count;
  }
  for (const k of keysAfter(where, key)) {
    const stored = table.objects.get(k);
    if (stored && where.checks.every((set) => table.holds(set, stored))) count++;
  }
  return count;
}
