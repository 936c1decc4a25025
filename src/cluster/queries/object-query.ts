import type { KubeObject } from '../objects.js';
import type { ResourceType } from '../resources/resource-type.js';
import { storageKeyOf } from '../resources/resource-type.js';
import type { FieldSelector, LabelSelector } from '../selectors/types.js';
import { type ClusterStore, type KeySet, type ListOptions, type ListResult, objectLabels, type StoredObject } from '../store/index.js';

/** What a list or watch asks for, with selectors already parsed and checked against the resource. */
export interface ObjectQuery {
  namespace?: string;
  labelSelector?: LabelSelector;
  fieldSelector?: FieldSelector;
}

export interface PageRequest {
  limit?: number;
  after?: string;
  atResourceVersion?: number;
}

/** What a query selects by: a stored object, or an object wrapped by `selectable`. */
export type Selectable = Pick<StoredObject, 'namespace' | 'read'>;

/** An object that is not in the store (a metrics sample) as a query reads it. */
export function selectable(object: Readonly<KubeObject>): Selectable {
  return { namespace: object.metadata.namespace ?? '', read: (selection) => selection(object) };
}

/** Whether an object is selected by a query: namespace, labels and fields. */
export function matchesQuery(type: ResourceType, query: ObjectQuery, item: Selectable): boolean {
  if (query.namespace !== undefined && item.namespace !== query.namespace) return false;
  if (query.labelSelector && !query.labelSelector.isEmpty() && !query.labelSelector.matches(item.read(objectLabels) ?? {})) {
    return false;
  }
  if (query.fieldSelector && !query.fieldSelector.isEmpty() && !query.fieldSelector.matches(item.read(type.fieldSelector.fields))) {
    return false;
  }
  return true;
}

/**
 * Lists through the narrowest structure the store has for the query: the namespace, or any requirement whose keys
 * the store can find (a name, an indexed field's value, a label's values or presence), whichever holds the fewest
 * keys. The filter still decides, so `get pods -n x`, `describe node`, `-l app=web` and an informer's
 * `metadata.name=x` cost what they return, not what the cluster holds, and return exactly what a full scan would.
 */
export function listObjects(store: ClusterStore, type: ResourceType, query: ObjectQuery, page: PageRequest = {}): ListResult {
  const resource = storageKeyOf(type);
  const options: ListOptions = { ...page };
  const namespace = query.namespace ?? query.fieldSelector?.requiredValue('metadata.namespace');
  if (namespace !== undefined && type.namespaced) options.namespace = namespace;
  const name = query.fieldSelector?.requiredValue('metadata.name');
  const now = options.atResourceVersion === undefined || options.atResourceVersion >= store.resourceVersion;
  if (name !== undefined && now && (options.namespace !== undefined || !type.namespaced)) {
    return listOne(store, type, query, options, name);
  }
  const { sets: within, exact } = indexedRequirements(store, type, query, options.namespace);
  if (within.length > 0) options.within = within;
  // Key sets that hold exactly what every requirement selects leave the filter nothing to decide.
  const scoped = query.namespace === undefined || options.namespace !== undefined;
  if (!exact || !scoped) options.filter = (stored) => matchesQuery(type, query, stored);
  // A list with selectors does not say how many objects remain (ListMeta.remainingItemCount; etcd3 store GetList).
  const selected =
    (query.labelSelector !== undefined && !query.labelSelector.isEmpty()) || (query.fieldSelector !== undefined && !query.fieldSelector.isEmpty());
  if (selected) options.countRemaining = false;
  return store.list(resource, options);
}

/**
 * The key sets holding every object the query selects: each equality on a name or an indexed field, and each label
 * requirement that names the values it accepts (`=`, `==`, `in`) or asks for the label (`exists`). `!=`, `notin`,
 * `!k`, `>` and `<` hold for objects outside any one set, so they are left to the filter. `exact` says whether
 * every requirement became a set (or is the namespace listed), so that the objects in them all are the answer.
 */
function indexedRequirements(store: ClusterStore, type: ResourceType, query: ObjectQuery, namespace: string | undefined): { sets: KeySet[]; exact: boolean } {
  const resource = storageKeyOf(type);
  const sets: KeySet[] = [];
  let exact = true;
  for (const requirement of query.fieldSelector?.requirements ?? []) {
    if (requirement.operator === 'NotEquals') exact = false;
    else if (requirement.field === 'metadata.name') sets.push({ name: requirement.value });
    else if (store.hasIndex(resource, requirement.field)) sets.push({ index: requirement.field, value: requirement.value });
    else if (requirement.field !== 'metadata.namespace' || requirement.value !== namespace) exact = false;
  }
  for (const requirement of query.labelSelector?.requirements ?? []) {
    switch (requirement.operator) {
      case 'Equals':
      case 'DoubleEquals':
      case 'In':
        sets.push({ label: requirement.key, values: requirement.values });
        break;
      case 'Exists':
        sets.push({ label: requirement.key });
        break;
      case 'NotEquals':
      case 'NotIn':
      case 'DoesNotExist':
      case 'GreaterThan':
      case 'LessThan':
        exact = false;
        break;
    }
  }
  return { sets, exact };
}

/** A field selector naming one object in a known namespace reads that key instead of scanning. */
function listOne(store: ClusterStore, type: ResourceType, query: ObjectQuery, options: ListOptions, name: string): ListResult {
  const stored = store.get(storageKeyOf(type), options.namespace, name);
  const selected = stored !== undefined && (options.after === undefined || stored.key > options.after) && matchesQuery(type, query, stored);
  return { items: selected ? [stored] : [], resourceVersion: store.resourceVersion, examined: stored ? 1 : 0 };
}
