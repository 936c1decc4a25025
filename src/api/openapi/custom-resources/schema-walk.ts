import type { Json, JsonObject } from '../swagger-to-gnostic.js';

/** The keywords under which a schema holds other schemas, and how many. */
const ONE = ['items', 'additionalProperties', 'not'] as const;
const MANY = ['allOf', 'anyOf', 'oneOf'] as const;

export function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The schema with every schema it holds (properties, items, additionalProperties, allOf/anyOf/oneOf, not) replaced by
 * `map` of it; other keywords are kept as they are. A boolean additionalProperties is no schema and stays.
 */
export function mapChildren(schema: JsonObject, map: (child: JsonObject) => JsonObject): JsonObject {
  const result: JsonObject = { ...schema };
  const properties = schema['properties'];
  if (isObject(properties)) {
    result['properties'] = Object.fromEntries(Object.entries(properties).map(([name, child]) => [name, isObject(child) ? map(child) : child]));
  }
  for (const key of ONE) {
    const child = schema[key];
    if (isObject(child)) result[key] = map(child);
  }
  for (const key of MANY) {
    const children = schema[key];
    if (Array.isArray(children)) result[key] = children.map((child) => (isObject(child) ? map(child) : child));
  }
  return result;
}

/** Applies `change` to the schema and, below it, to every schema it holds, parent first. */
export function mapSchemas(schema: JsonObject, change: (schema: JsonObject) => JsonObject): JsonObject {
  return mapChildren(change(schema), (child) => mapSchemas(child, change));
}
