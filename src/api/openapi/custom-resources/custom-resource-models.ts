import type { ResourceType } from '../../../cluster/index.js';
import type { Json, JsonObject } from '../swagger-to-gnostic.js';
import type { CustomResourceBase } from './custom-resource-base.js';
import { pruneDefaults, toOpenApiV2 } from './openapi-v2-schema.js';
import { isObject, mapChildren } from './schema-walk.js';
import { publishedSchema } from './structural-schema.js';
import { wrapRefs } from './wrap-refs.js';

export type OpenApiVersion = 'v2' | 'v3';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
// The texts builder.go gives an embedded resource's apiVersion and kind.
const EMBEDDED_API_VERSION =
  'apiVersion defines the versioned schema of this representation of an object. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources';
const EMBEDDED_KIND =
  'kind is a string value representing the type of this object. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds';

/** `stable.example.com`, `v1`, `CronTab` → `com.example.stable.v1.CronTab` (builder.go gvkToModelName). */
export function modelName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

export function refTo(name: string, openApi: OpenApiVersion): string {
  return openApi === 'v2' ? `#/definitions/${name}` : `#/components/schemas/${name}`;
}

/**
 * The definitions of one served version of a CRD, kind and list, as apiextensions-apiserver's
 * pkg/controller/openapi/builder/builder.go builds them (buildKubeNative, buildListSchema): the version's schema with
 * TypeMeta's apiVersion and kind and a metadata that refers to ObjectMeta, marked with its group, version and kind
 * and its selectable fields. For v2 the schema is converted (ToStructuralOpenAPIV2) and its defaults pruned; a schema
 * that keeps unknown fields at its root is published as a bare object, which kubectl then does not validate.
 */
export function customResourceModels(type: ResourceType, base: CustomResourceBase, openApi: OpenApiVersion): Record<string, JsonObject> {
  const finish = openApi === 'v2' ? pruneDefaults : wrapRefs;
  const selectable = selectableFields(type);
  const kind: JsonObject = {
    ...kindSchema(type.custom?.schema as JsonObject | undefined, base, openApi),
    'x-kubernetes-group-version-kind': [{ group: type.group, kind: type.kind, version: type.version }],
    ...selectable,
  };
  const list: JsonObject = {
    description: `${type.listKind} is a list of ${type.kind}`,
    properties: {
      apiVersion: base.properties.apiVersion,
      items: {
        description: `List of ${type.plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`,
        items: { $ref: refTo(modelName(type.group, type.version, type.kind), openApi) },
        type: 'array',
      },
      kind: base.properties.kind,
      metadata: { $ref: refTo(`${META}.ListMeta`, openApi), description: base.properties.listMetadata },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': [{ group: type.group, kind: type.listKind, version: type.version }],
    ...selectable,
  };
  return {
    [modelName(type.group, type.version, type.kind)]: finish(kind),
    [modelName(type.group, type.version, type.listKind)]: finish(list),
  };
}

function kindSchema(schema: JsonObject | undefined, base: CustomResourceBase, openApi: OpenApiVersion): JsonObject {
  if (schema === undefined) return { type: 'object' };
  const published = publishedSchema(schema);
  // kubectl's v2 validation would refuse every field the schema does not list, so none is listed.
  if (openApi === 'v2' && published['x-kubernetes-preserve-unknown-fields'] === true) return { type: 'object' };
  const shaped = openApi === 'v2' ? toOpenApiV2(published) : published;
  const withMeta: JsonObject = {
    ...shaped,
    properties: {
      ...(isObject(shaped['properties']) ? shaped['properties'] : {}),
      apiVersion: base.properties.apiVersion,
      kind: base.properties.kind,
      metadata: { $ref: refTo(`${META}.ObjectMeta`, openApi), description: base.properties.metadata },
    },
  };
  return withEmbeddedProperties(withMeta, base, openApi);
}

/**
 * An embedded resource (x-kubernetes-embedded-resource) gets apiVersion, kind and metadata, and requires the first two
 * (builder.go addEmbeddedProperties); not in v2 when it keeps unknown fields, which kubectl would then refuse.
 */
function withEmbeddedProperties(schema: JsonObject, base: CustomResourceBase, openApi: OpenApiVersion): JsonObject {
  const s = mapChildren(schema, (child) => withEmbeddedProperties(child, base, openApi));
  if (openApi === 'v2' && s['x-kubernetes-preserve-unknown-fields'] === true) return s;
  if (s['x-kubernetes-embedded-resource'] !== true) return s;
  const required = Array.isArray(s['required']) ? s['required'] : [];
  const missing = ['kind', 'apiVersion'].filter((name) => !required.includes(name));
  return {
    ...s,
    properties: {
      ...(isObject(s['properties']) ? s['properties'] : {}),
      apiVersion: { ...base.properties.apiVersion, description: EMBEDDED_API_VERSION },
      kind: { ...base.properties.kind, description: EMBEDDED_KIND },
      metadata: { $ref: refTo(`${META}.ObjectMeta`, openApi), description: base.properties.metadata },
    },
    required: [...required, ...missing],
  };
}

/**
 * The version's selectableFields, each without its leading dot (builder.go buildSelectableFields): the resource's
 * field selector keys beyond the metadata ones every custom resource has.
 */
function selectableFields(type: ResourceType): JsonObject {
  const fields: Json[] = type.fieldSelector.keys
    .filter((key) => key !== 'metadata.name' && key !== 'metadata.namespace')
    .map((fieldPath) => ({ fieldPath }));
  return fields.length > 0 ? { 'x-kubernetes-selectable-fields': fields } : {};
}
