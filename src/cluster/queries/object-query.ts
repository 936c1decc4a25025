import type { KubeObject } from '../objects.js';
import type { ResourceType } from '../resources/resource-type.js';
import { storageKeyOf } from '../resources/resource-type.js';
import type { FieldSelector, LabelSelector } from '../selectors/types.js';
import type { ClusterStore, ListOptions, ListResult } from '../store/index.js';

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

/** Whether an object is selected by a query: namespace, labels and fields. */
export function matchesQuery(type: ResourceType, query: ObjectQuery, object: Readonly<KubeObject>): boolean {
  if (query.namespace !== undefined && (object.metadata.namespace ?? '') !== query.namespace) return false;
  if (query.labelSelector && !query.labelSelector.isEmpty() && !query.labelSelector.matches(object.metadata.labels ?? {})) {
    return false;
  }
  if (query.fieldSelector && !query.fieldSelector.isEmpty() && !query.fieldSelector.matches(type.fieldSelector.fields(object))) {
    return false;
  }
  return true;
}

/**
 * Lists through the narrowest structure the store has for the query: a field selector requiring a namespace
 * or an indexed field (pods' spec.nodeName) scopes the scan, so `describe node` or `get pods -n x` costs what
 * it returns, not what the cluster holds.
 */
export function listObjects(store: ClusterStore, type: ResourceType, query: ObjectQuery, page: PageRequest = {}): ListResult {
  const resource = storageKeyOf(type);
  const options: ListOptions = { ...page };
  const namespace = query.namespace ?? query.fieldSelector?.requiredValue('metadata.namespace');
  if (namespace !== undefined && type.namespaced) options.namespace = namespace;
  for (const requirement of query.fieldSelector?.requirements ?? []) {
    const value = query.fieldSelector?.requiredValue(requirement.field);
    if (value !== undefined && store.hasIndex(resource, requirement.field)) {
      options.index = { name: requirement.field, value };
      break;
    }
  }
  const name = query.fieldSelector?.requiredValue('metadata.name');
  if (name !== undefined && (options.namespace !== undefined || !type.namespaced)) {
    return listOne(store, type, query, options, name);
  }
  const needsFilter =
    (query.labelSelector !== undefined && !query.labelSelector.isEmpty()) || (query.fieldSelector !== undefined && !query.fieldSelector.isEmpty());
  if (needsFilter) options.filter = (object) => matchesQuery(type, query, object);
  return store.list(resource, options);
}

/** A field selector naming one object in a known namespace reads that key instead of scanning. */
function listOne(store: ClusterStore, type: ResourceType, query: ObjectQuery, options: ListOptions, name: string): ListResult {
  const resource = storageKeyOf(type);
  if (options.atResourceVersion !== undefined && options.atResourceVersion < store.resourceVersion) {
    return store.list(resource, { ...options, filter: (object) => matchesQuery(type, query, object) });
  }
  const stored = store.get(resource, options.namespace, name);
  const selected = stored !== undefined && (options.after === undefined || stored.key > options.after) && matchesQuery(type, query, stored.object);
  return { items: selected ? [stored] : [], resourceVersion: store.resourceVersion };
}
