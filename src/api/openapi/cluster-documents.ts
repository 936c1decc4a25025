import type { ResourceRegistry } from '../../cluster/index.js';
import { loadCustomResourceBase } from './custom-resources/custom-resource-base.js';
import { customResourceSwagger, customResourceV3Documents } from './custom-resources/custom-resource-documents.js';
import type { ShareParameter } from './custom-resources/path-items.js';
import { once } from './once.js';
import { openApiDirectory } from './openapi-directory.js';
import { loadOpenApiDocuments, type OpenApiDocuments } from './openapi-documents.js';
import { gnosticProtobuf, type ServedDocument, servedJson, v3Index } from './served-document.js';
import { sortKeys } from './sort-keys.js';
import type { Json, JsonObject } from './swagger-to-gnostic.js';

/**
 * The OpenAPI documents of a served cluster, as kube-apiserver's aggregator merges them: the built-in resources'
 * and metrics-server's (pre-generated), and the cluster's custom resources' (built here from its registry, as
 * apiextensions-apiserver builds them from its CRDs). A kind served without a CRD (a capture that lost it) is
 * published as the CRD it must have had would be with a schema that keeps unknown fields, so that spec-driven clients
 * find every group discovery offers. A cluster without custom resources is served the pre-generated documents as they are.
 */
export function clusterOpenApiDocuments(registry: ResourceRegistry | undefined, directory: string = openApiDirectory()): OpenApiDocuments {
  const builtin = loadOpenApiDocuments(directory);
  const custom = registry?.types.filter((type) => type.origin !== 'builtin') ?? [];
  if (custom.length === 0) return builtin;
  const base = loadCustomResourceBase(directory);
  // Built now, when the app is: the custom resources' v3 documents are small; a built-in one keeps its key.
  const builtinEtags = builtin.v3Etags();
  const v3 = new Map<string, ServedDocument>();
  for (const [key, document] of customResourceV3Documents(custom, base)) if (!builtinEtags.has(key)) v3.set(key, servedJson(document));
  // Merging into /openapi/v2 needs the built-in document read: left to its first request, as the built-in one is.
  const swagger = once(() => {
    const builtinSwagger = builtin.swagger();
    return withCustomResources(builtinSwagger, customResourceSwagger(custom, base, sharedParameters(builtinSwagger)));
  });
  return {
    v2: once(() => servedJson(swagger())),
    v2Protobuf: once(() => gnosticProtobuf(swagger())),
    v3: (key) => v3.get(key) ?? builtin.v3(key),
    v3Root: once(() => v3Index(new Map([...builtinEtags, ...[...v3].map(([key, document]) => [key, document.etag] as const)]))),
  };
}

/**
 * The built-in document with the custom resources' paths and definitions added, in key order; a path or definition
 * the built-in document has stays its own (builder.MergeSpecs gives the static document priority).
 */
function withCustomResources(swagger: Record<string, Json>, custom: { paths: JsonObject; definitions: JsonObject }): Record<string, Json> {
  const union = (builtin: Json | undefined, added: JsonObject): JsonObject => {
    const own = (builtin ?? {}) as JsonObject;
    return Object.fromEntries(Object.entries({ ...added, ...own }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };
  return { ...swagger, definitions: union(swagger['definitions'], custom.definitions), paths: union(swagger['paths'], custom.paths) };
}

/** A parameter the built-in document already shares becomes a reference to it; any other is written out. */
function sharedParameters(swagger: Record<string, Json>): ShareParameter {
  const names = new Map<string, string>();
  for (const [name, parameter] of Object.entries((swagger['parameters'] ?? {}) as JsonObject)) names.set(JSON.stringify(sortKeys(parameter)), name);
  return (parameter) => {
    const sorted = sortKeys(parameter);
    const name = names.get(JSON.stringify(sorted));
    return name === undefined ? sorted : { $ref: `#/parameters/${name}` };
  };
}
