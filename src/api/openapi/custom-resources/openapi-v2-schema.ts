import type { Json, JsonObject } from '../swagger-to-gnostic.js';
import { isObject, mapSchemas } from './schema-walk.js';

/**
 * A published custom resource schema made fit for OpenAPI v2 and kubectl's v2 readers, as apiextensions-apiserver's
 * pkg/controller/openapi/v2/conversion.go ToStructuralOpenAPIV2 does, each schema before the ones it holds:
 * junctors (allOf, anyOf, oneOf, not) dropped; a nullable schema loses its type, items and properties (v2 has no
 * null); a schema keeping unknown fields loses its items and properties, and its type when object; an array without
 * items loses its type; a nullable property is no longer required, and no property is when additional ones may be null.
 */
export function toOpenApiV2(schema: JsonObject): JsonObject {
  return mapSchemas(schema, convert);
}

function convert(schema: JsonObject): JsonObject {
  const { allOf: _allOf, anyOf: _anyOf, oneOf: _oneOf, not: _not, ...s } = schema;
  if (s['nullable'] === true) {
    delete s['type'];
    delete s['nullable'];
    delete s['items'];
    delete s['properties'];
  }
  const preserveUnknownFields = s['x-kubernetes-preserve-unknown-fields'] === true;
  if (preserveUnknownFields) {
    delete s['items'];
    delete s['properties'];
  }
  if (s['items'] === undefined && s['type'] === 'array') delete s['type'];
  if (preserveUnknownFields && s['type'] === 'object') delete s['type'];
  const required = s['required'];
  if (Array.isArray(required)) {
    const properties = isObject(s['properties']) ? s['properties'] : {};
    const additional = s['additionalProperties'];
    const kept = isObject(additional) && additional['nullable'] === true ? [] : required.filter((name) => !isNullable(properties[String(name)]));
    if (kept.length === 0) delete s['required'];
    else s['required'] = kept;
  }
  return s;
}

function isNullable(schema: Json | undefined): boolean {
  return isObject(schema) && schema['nullable'] === true;
}

/**
 * Definitions without defaults, as kube-openapi pkg/handler PruneDefaults leaves every /openapi/v2 document (the
 * CRD controller prunes custom resources' so they merge cleanly with the built-in ones).
 */
export function pruneDefaults(schema: JsonObject): JsonObject {
  return mapSchemas(schema, (s) => {
    if (!('default' in s)) return s;
    const { default: _default, ...rest } = s;
    return rest;
  });
}
