import type { KubeObject } from '../../objects.js';

/**
 * Small tools for editing objects in their JSON form, shared by the conversions of removed API versions.
 * Upstream converts typed Go structs; here the same field moves are done on plain JSON, so these helpers
 * stand in for Go's zero values and `omitempty` (a nil pointer or an empty map is simply absent).
 */
export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `key`, or undefined when absent or not an object. */
export function fieldsAt(parent: Fields | undefined, key: string): Fields | undefined {
  const value = parent?.[key];
  return isFields(value) ? value : undefined;
}

/** The object at `key`, created empty when absent (Go: taking the address of a struct field). */
export function ensureFields(parent: Fields, key: string): Fields {
  const value = parent[key];
  if (isFields(value)) return value;
  const created: Fields = {};
  parent[key] = created;
  return created;
}

/** The array at `key` (only its object items), or an empty list. */
export function itemsAt(parent: Fields | undefined, key: string): Fields[] {
  const value = parent?.[key];
  return Array.isArray(value) ? value.filter(isFields) : [];
}

/** Go's `x == nil` for a pointer field: absent or JSON null. */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null;
}

/** Go's `len(x) == 0` for strings, slices and maps (absent counts as empty). */
export function isEmpty(value: unknown): boolean {
  if (isUnset(value)) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (isFields(value)) return Object.keys(value).length === 0;
  return false;
}

/** Sets `key` only when it is unset, as every upstream `SetDefaults_*` does for pointer fields. */
export function defaultField(parent: Fields, key: string, value: unknown): void {
  if (isUnset(parent[key])) parent[key] = value;
}

/** Sets `key` when it is empty (Go's zero value for strings, numbers and slices). */
export function defaultWhenZero(parent: Fields, key: string, value: unknown): void {
  const current = parent[key];
  if (isEmpty(current) || current === 0) parent[key] = value;
}

/** Renames `from` to `to`, keeping its place among the keys (the served JSON reads in the same order). */
export function renameKey(parent: Fields, from: string, to: string, convert: (value: unknown) => unknown = (v) => v): void {
  if (!(from in parent)) return;
  const entries = Object.entries(parent);
  for (const key of Object.keys(parent)) delete parent[key];
  for (const [key, value] of entries) {
    if (key === from) parent[to] = convert(value);
    else if (key !== to) parent[key] = value;
  }
}

/**
 * The object under a new apiVersion and kind, with `apiVersion`, `kind` and `metadata` first and every
 * other field after them in its original order (how kubectl prints a served object).
 */
export function retyped(object: Fields, apiVersion: string, kind: string): KubeObject {
  const { apiVersion: _apiVersion, kind: _kind, metadata, ...rest } = object;
  return { apiVersion, kind, metadata: metadata as KubeObject['metadata'], ...rest };
}

export function annotationsOf(object: Fields): Record<string, string> {
  const metadata = fieldsAt(object, 'metadata');
  const annotations = fieldsAt(metadata, 'annotations');
  return (annotations ?? {}) as Record<string, string>;
}

export function setAnnotation(object: Fields, key: string, value: string): void {
  const metadata = ensureFields(object, 'metadata');
  ensureFields(metadata, 'annotations')[key] = value;
}

/** Deletes annotations; a map left empty disappears, as Go's `omitempty` drops an empty map. */
export function deleteAnnotations(object: Fields, keys: readonly string[]): void {
  const metadata = fieldsAt(object, 'metadata');
  const annotations = fieldsAt(metadata, 'annotations');
  if (!metadata || !annotations) return;
  for (const key of keys) delete annotations[key];
  if (Object.keys(annotations).length === 0) delete metadata['annotations'];
}

/** Puts `order`'s keys first, in that order (a Go struct's field order); other keys follow as they were. */
export function orderKeys(parent: Fields, order: readonly string[]): void {
  const entries = Object.entries(parent);
  for (const key of Object.keys(parent)) delete parent[key];
  for (const key of order) {
    const entry = entries.find(([k]) => k === key);
    if (entry) parent[key] = entry[1];
  }
  for (const [key, value] of entries) if (!order.includes(key)) parent[key] = value;
}
