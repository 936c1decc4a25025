import type { Json, JsonObject } from '../swagger-to-gnostic.js';
import { isObject, mapChildren, mapSchemas } from './schema-walk.js';

/**
 * A CRD version's openAPIV3Schema as apiextensions-apiserver publishes it: read into its structural form and written
 * back (pkg/apiserver/schema NewStructural and ToKubeOpenAPI), which keeps only what a structural schema can say; then
 * unfolded (Unfold), which spells out what x-kubernetes-int-or-string means. builder.go does both before building
 * either document. CRDs of apiextensions.k8s.io/v1 must be structural, so the schemas a cluster holds are.
 */
export function publishedSchema(openApiV3Schema: JsonObject): JsonObject {
  return unfold(structural(openApiV3Schema));
}

type Check = (value: Json) => boolean;
const text: Check = (v) => typeof v === 'string';
const number: Check = (v) => typeof v === 'number';
const flag: Check = (v) => typeof v === 'boolean';
const list: Check = (v) => Array.isArray(v);
const schema: Check = (v) => isObject(v);
const schemas: Check = (v) => Array.isArray(v) && v.every((item) => isObject(item));
const any: Check = () => true;

/**
 * What a structural schema can say, with the JSON type each keyword must have: the generic keywords, value
 * validations and junctors of pkg/apiserver/schema's Structural. A value of another type (which apiextensions would
 * have refused in the CRD) is dropped rather than published.
 */
const KEPT: Readonly<Record<string, Check>> = {
  description: text, type: text, title: text, default: any, format: text, pattern: text,
  maximum: number, minimum: number, multipleOf: number, maxLength: number, minLength: number,
  maxItems: number, minItems: number, maxProperties: number, minProperties: number,
  exclusiveMaximum: flag, exclusiveMinimum: flag, uniqueItems: flag,
  enum: list, required: (v) => Array.isArray(v) && v.every((name) => typeof name === 'string'),
  properties: (v) => isObject(v) && Object.values(v).every((property) => isObject(property)),
  items: schema, additionalProperties: (v) => isObject(v) || typeof v === 'boolean',
  allOf: schemas, anyOf: schemas, oneOf: schemas, not: schema,
  'x-kubernetes-list-type': text, 'x-kubernetes-map-type': text,
};

/** Written only when set: a false flag or an empty list is the structural zero value, which ToKubeOpenAPI omits. */
const FLAGS = new Set(['nullable', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string']);
const LISTS = new Set(['x-kubernetes-list-map-keys', 'x-kubernetes-validations']);

function structural(value: JsonObject): JsonObject {
  const kept: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (KEPT[key]?.(child) === true || (FLAGS.has(key) && child === true) || (LISTS.has(key) && Array.isArray(child) && child.length > 0)) {
      kept[key] = child;
    }
  }
  return mapChildren(kept, structural);
}

const INTEGER_OR_STRING: Json[] = [{ type: 'integer' }, { type: 'string' }];

function isIntegerOrString(anyOf: Json | undefined): boolean {
  return Array.isArray(anyOf) && anyOf.length === 2 && JSON.stringify(anyOf) === JSON.stringify(INTEGER_OR_STRING);
}

/**
 * x-kubernetes-int-or-string spelled out as `anyOf: [{type: integer}, {type: string}]`, or, when the schema has an
 * anyOf of its own, as a first allOf holding it; left alone when either is already there (schema/unfold.go).
 */
function unfold(schema: JsonObject): JsonObject {
  return mapSchemas(schema, (s) => {
    if (s['x-kubernetes-int-or-string'] !== true) return s;
    const allOf = s['allOf'];
    const firstAllOf = Array.isArray(allOf) ? allOf[0] : undefined;
    if (isIntegerOrString(s['anyOf']) || (isObject(firstAllOf) && isIntegerOrString(firstAllOf['anyOf']))) return s;
    if (s['anyOf'] === undefined) return { ...s, anyOf: INTEGER_OR_STRING };
    return { ...s, allOf: [{ anyOf: INTEGER_OR_STRING }, ...(Array.isArray(allOf) ? allOf : [])] };
  });
}
