import type { ResourceType } from '../../../cluster/index.js';
import { sortKeys } from '../sort-keys.js';
import type { Json, JsonObject } from '../swagger-to-gnostic.js';
import type { CustomResourceBase } from './custom-resource-base.js';
import { customResourceModels } from './custom-resource-models.js';
import { customResourceRoutes } from './custom-resource-routes.js';
import { pathItems, type ShareParameter } from './path-items.js';

/** What builder.go's Config says of every custom resource document (getOpenAPIConfig). */
const INFO = { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' };
const SCHEMA_REF = '#/components/schemas/';

/**
 * The /openapi/v3 documents of a cluster's custom resources, one per group version (`apis/<group>/<version>`), as
 * apiextensions-apiserver's pkg/controller/openapiv3 publishes them: every served version of every CRD of that group
 * version merged into one document, with the built-in schemas its operations and definitions refer to.
 */
export function customResourceV3Documents(types: readonly ResourceType[], base: CustomResourceBase): Map<string, JsonObject> {
  const byKey = new Map<string, { paths: Record<string, JsonObject>; schemas: Record<string, JsonObject> }>();
  for (const type of types) {
    const key = `apis/${type.group}/${type.version}`;
    const document = byKey.get(key) ?? { paths: {}, schemas: {} };
    Object.assign(document.paths, pathItems(customResourceRoutes(type, base), 'v3', (p) => p));
    Object.assign(document.schemas, customResourceModels(type, base, 'v3'));
    byKey.set(key, document);
  }
  const documents = new Map<string, JsonObject>();
  for (const [key, { paths, schemas }] of byKey) {
    const builtin = referencedBuiltinSchemas([paths, schemas], base);
    documents.set(key, sortKeys({ components: { schemas: { ...builtin, ...schemas } }, info: INFO, openapi: '3.0.0', paths }));
  }
  return documents;
}

/**
 * What /openapi/v2 gains from a cluster's custom resources (pkg/controller/openapi: each CRD's served versions built
 * with BuildOpenAPIV2 and merged): their paths and definitions. Parameters upstream's document already shares are
 * written as references to them, as kube-openapi's merge leaves them.
 */
export function customResourceSwagger(
  types: readonly ResourceType[],
  base: CustomResourceBase,
  share: ShareParameter,
): { paths: Record<string, JsonObject>; definitions: Record<string, JsonObject> } {
  const paths: Record<string, JsonObject> = {};
  const definitions: Record<string, JsonObject> = {};
  for (const type of types) {
    Object.assign(paths, pathItems(customResourceRoutes(type, base), 'v2', share));
    Object.assign(definitions, customResourceModels(type, base, 'v2'));
  }
  return { paths: sortKeys(paths), definitions: sortKeys(definitions) };
}

/** The built-in schemas (ObjectMeta, Status, Scale, ...) reached from the given values, following their own refs. */
function referencedBuiltinSchemas(roots: Json[], base: CustomResourceBase): Record<string, JsonObject> {
  const found = new Map<string, JsonObject>();
  const queue = roots.flatMap((root) => refsIn(root));
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const schema = base.schemas[name];
    if (schema === undefined || found.has(name)) continue;
    found.set(name, schema);
    queue.push(...refsIn(schema));
  }
  return Object.fromEntries(found);
}

function refsIn(value: Json, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(SCHEMA_REF)) found.push(child.slice(SCHEMA_REF.length));
      else refsIn(child, found);
    }
  }
  return found;
}
