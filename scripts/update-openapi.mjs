#!/usr/bin/env node
/**
 * Builds the OpenAPI documents kubefacade serves, from the pristine upstream swagger
 * (kubernetes/kubernetes api/openapi-spec/swagger.json, kept in ../shared/reference):
 *
 *   openapi/v2.json            the swagger, trimmed to the served resources and what they reference
 *   openapi/v3/<key>.json      one OpenAPI 3.0 document per served path group (api/v1, apis/apps/v1, apis/apps, ...),
 *                              converted from the trimmed swagger the way kube-openapi's builder3 shapes them
 *   openapi/supplement.json    schemas the real server defines in Go but does not publish (Table, apidiscovery,
 *                              metrics.k8s.io); for the contract tests only, never served
 *   openapi/SOURCE.md          where it all came from
 *
 * Usage: npm run openapi:update [-- <path to kubernetes-openapi-v2.json>]
 * Output is deterministic: every object's keys are sorted (upstream's own files are), arrays keep their order.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SOURCE = resolve(REPO_ROOT, '..', 'shared', 'reference', 'kubernetes-openapi-v2.json');

/**
 * The resources kubefacade serves whose schemas upstream publishes; mirrors src/cluster/resources/registry.ts
 * (test/api/openapi/served-resources.test.ts keeps the two equal).
 */
export const SERVED_RESOURCES = [
  { group: '', version: 'v1', plural: 'componentstatuses' },
  { group: '', version: 'v1', plural: 'configmaps' },
  { group: '', version: 'v1', plural: 'endpoints' },
  { group: '', version: 'v1', plural: 'events' },
  { group: '', version: 'v1', plural: 'namespaces' },
  { group: '', version: 'v1', plural: 'nodes' },
  { group: '', version: 'v1', plural: 'pods' },
  { group: '', version: 'v1', plural: 'secrets' },
  { group: '', version: 'v1', plural: 'services' },
  { group: 'apps', version: 'v1', plural: 'daemonsets' },
  { group: 'apps', version: 'v1', plural: 'deployments' },
  { group: 'apps', version: 'v1', plural: 'replicasets' },
  { group: 'authorization.k8s.io', version: 'v1', plural: 'selfsubjectaccessreviews' },
  { group: 'authorization.k8s.io', version: 'v1', plural: 'selfsubjectrulesreviews' },
  { group: 'coordination.k8s.io', version: 'v1', plural: 'leases' },
  { group: 'events.k8s.io', version: 'v1', plural: 'events' },
  { group: 'discovery.k8s.io', version: 'v1', plural: 'endpointslices' },
];

/** Groups served by aggregated servers (metrics-server), whose schemas are not in Kubernetes' swagger. */
export const GROUPS_OUTSIDE_UPSTREAM = ['metrics.k8s.io'];

/** Definitions kept even when no served path references them: bodies the server sends outside resource paths. */
const EXTRA_DEFINITIONS = [
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup',
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIGroupList',
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList',
  'io.k8s.apimachinery.pkg.apis.meta.v1.APIVersions',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
  'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent',
  'io.k8s.apimachinery.pkg.version.Info',
];

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

// ---------------------------------------------------------------------------------------------- trimming

function gvPrefix({ group, version }) {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/** The served resource a swagger path belongs to, or undefined: `<gv>/[watch/][namespaces/{namespace}/]<plural>[/...]`. */
function isServedPath(path, served) {
  for (const resource of served) {
    const prefix = `${gvPrefix(resource)}/`;
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length).replace(/^watch\//, '').replace(/^namespaces\/\{namespace\}\//, '');
    if (rest.split('/')[0] === resource.plural) return true;
  }
  return false;
}

/** Discovery and version paths the server answers for the served group versions. */
function discoveryPaths(served) {
  const paths = new Set(['/api/', '/apis/', '/version/']);
  for (const resource of served) {
    if (resource.group !== '') paths.add(`/apis/${resource.group}/`);
    paths.add(`${gvPrefix(resource)}/`);
  }
  return paths;
}

/** Every `#/<section>/<name>` reference found anywhere in a value. */
function collectRefs(value, found = []) {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else collectRefs(child, found);
    }
  }
  return found;
}

function refName(ref, section) {
  const prefix = `#/${section}/`;
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

/** Definitions reachable from the roots (values to scan) and the named seeds, following refs between definitions. */
function reachableDefinitions(swagger, roots, seeds) {
  const found = new Set();
  const queue = [...seeds];
  const visit = (ref) => {
    const name = refName(ref, 'definitions');
    if (name !== undefined) queue.push(name);
  };
  for (const root of roots) collectRefs(root).forEach(visit);
  while (queue.length > 0) {
    const name = queue.pop();
    if (found.has(name)) continue;
    const definition = swagger.definitions[name];
    if (definition === undefined) throw new Error(`definition ${name} is referenced but missing upstream`);
    found.add(name);
    collectRefs(definition).forEach(visit);
  }
  return found;
}

function pick(object, names) {
  return Object.fromEntries([...names].sort().map((name) => [name, object[name]]));
}

/** The swagger reduced to the served paths and everything they (and EXTRA_DEFINITIONS, supplement) reference. */
export function trimSwagger(swagger, served, supplement) {
  const keep = discoveryPaths(served);
  const paths = pick(swagger.paths, Object.keys(swagger.paths).filter((p) => keep.has(p) || isServedPath(p, served)));
  const parameterNames = new Set(
    collectRefs(paths)
      .map((ref) => refName(ref, 'parameters'))
      .filter((name) => name !== undefined),
  );
  const parameters = pick(swagger.parameters, parameterNames);
  const seeds = EXTRA_DEFINITIONS.filter((name) => name in swagger.definitions);
  // The supplement's references to upstream definitions, not those between its own.
  const fromSupplement = collectRefs(supplement.definitions).filter((r) => !(refName(r, 'definitions') in supplement.definitions));
  const definitions = pick(swagger.definitions, reachableDefinitions(swagger, [paths, parameters, fromSupplement.map(($ref) => ({ $ref }))], seeds));
  return { ...swagger, definitions, parameters, paths };
}

// ---------------------------------------------------------------------------------------------- OpenAPI v3

/** `api`, `api/v1`, `apis`, `apis/apps`, `apis/apps/v1`, `version`: the /openapi/v3 key a path is served under. */
export function v3Key(path) {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments[0] === 'api') return segments.slice(0, 2).join('/');
  if (segments[0] === 'apis') return segments.slice(0, 3).join('/');
  return segments[0];
}

function v3Ref(ref) {
  const name = refName(ref, 'definitions');
  if (name === undefined) throw new Error(`unexpected reference ${ref}`);
  return `#/components/schemas/${name}`;
}

/**
 * A v2 schema as builder3 writes it: refs point into components; a ref carrying siblings (a property's description)
 * becomes `allOf: [{$ref}]` beside them, with `default: {}` when the target is a struct, as upstream does for
 * struct-typed fields (kube-openapi pkg/builder3, k8s api/openapi-spec/v3/*.json).
 */
function convertSchema(schema, definitions) {
  if (Array.isArray(schema)) return schema.map((s) => convertSchema(s, definitions));
  if (schema === null || typeof schema !== 'object') return schema;
  const { $ref: ref, ...rest } = schema;
  const converted = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'properties') {
      converted.properties = Object.fromEntries(Object.entries(value).map(([n, s]) => [n, convertSchema(s, definitions)]));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'not') {
      converted[key] = convertSchema(value, definitions);
    } else converted[key] = value;
  }
  if (ref === undefined) return converted;
  if (Object.keys(converted).length === 0) return { $ref: v3Ref(ref) };
  const target = definitions[refName(ref, 'definitions')];
  const isStruct = target !== undefined && target.type === 'object';
  return { ...converted, allOf: [{ $ref: v3Ref(ref) }], ...(isStruct && !('default' in converted) ? { default: {} } : {}) };
}

function resolveParameter(parameter, swagger) {
  if (typeof parameter.$ref !== 'string') return parameter;
  const resolved = swagger.parameters[refName(parameter.$ref, 'parameters')];
  if (resolved === undefined) throw new Error(`unknown parameter ${parameter.$ref}`);
  return resolved;
}

/** A non-body v2 parameter as a v3 one: its type information moves under `schema`. */
function convertParameter(parameter) {
  const { name, in: location, description, required, ...typing } = parameter;
  return {
    ...(description !== undefined ? { description } : {}),
    in: location,
    name,
    ...(required !== undefined ? { required } : {}),
    schema: typing,
  };
}

function content(mediaTypes, schema) {
  return Object.fromEntries(mediaTypes.map((type) => [type, { schema }]));
}

function convertOperation(operation, swagger) {
  const { consumes = [], produces = [], schemes: _schemes, parameters = [], responses = {}, ...rest } = operation;
  const converted = { ...rest };
  const resolved = parameters.map((p) => resolveParameter(p, swagger));
  const body = resolved.find((p) => p.in === 'body');
  const others = resolved.filter((p) => p.in !== 'body').map(convertParameter);
  if (others.length > 0) converted.parameters = others;
  if (body !== undefined) {
    converted.requestBody = {
      content: content(consumes, convertSchema(body.schema, swagger.definitions)),
      ...(body.required ? { required: true } : {}),
    };
  }
  converted.responses = Object.fromEntries(
    Object.entries(responses).map(([code, response]) => {
      const { schema, ...description } = response;
      return [code, schema === undefined ? description : { ...description, content: content(produces, convertSchema(schema, swagger.definitions)) }];
    }),
  );
  return converted;
}

function convertPathItem(item, swagger) {
  const converted = {};
  for (const [key, value] of Object.entries(item)) {
    if (OPERATIONS.includes(key)) converted[key] = convertOperation(value, swagger);
    else if (key === 'parameters') converted.parameters = value.map((p) => convertParameter(resolveParameter(p, swagger)));
    else converted[key] = value;
  }
  return converted;
}

/** One OpenAPI 3.0 document per /openapi/v3 key, each with only the schemas its paths reach. */
export function toV3Documents(trimmed) {
  const byKey = new Map();
  for (const [path, item] of Object.entries(trimmed.paths)) {
    const key = v3Key(path);
    if (!byKey.has(key)) byKey.set(key, {});
    byKey.get(key)[path] = convertPathItem(item, trimmed);
  }
  const securitySchemes = trimmed.securityDefinitions ?? {};
  const documents = new Map();
  for (const [key, paths] of byKey) {
    const names = reachableDefinitions(trimmed, [paths].map(toV2Refs), []);
    const schemas = Object.fromEntries(
      [...names].sort().map((name) => [name, convertSchema(trimmed.definitions[name], trimmed.definitions)]),
    );
    documents.set(key, { components: { schemas, securitySchemes }, info: trimmed.info, openapi: '3.0.0', paths });
  }
  return documents;
}

/** v3 refs read back as v2 ones, so reachability can reuse the swagger's definitions. */
function toV2Refs(value) {
  return collectRefs(value).map((ref) => ({ $ref: ref.replace('#/components/schemas/', '#/definitions/') }));
}

// ---------------------------------------------------------------------------------------------- supplement

const ref = (name) => ({ $ref: `#/definitions/${name}` });
const str = (description) => ({ description, type: 'string' });
const strings = (description) => ({ description, items: { type: 'string' }, type: 'array' });
const gvk = (group, version, kind) => ({ group, kind, version });
const typeMeta = {
  apiVersion: str('APIVersion of this representation of an object.'),
  kind: str('Kind of the REST resource this object represents.'),
};

/**
 * Types the real server sends but leaves out of its OpenAPI (marked openapi-gen=false or served by other
 * servers). Written from the Go types: apimachinery pkg/apis/meta/v1/types.go (Table, PartialObjectMetadata,
 * GroupVersionKind), k8s.io/api apidiscovery/v2/types.go, k8s.io/metrics pkg/apis/metrics/v1beta1/types.go.
 * `required` lists the fields without omitempty.
 */
export const SUPPLEMENTARY_DEFINITIONS = {
  [`${META}.Table`]: {
    description: 'A tabular representation of a set of API resources (server-side printing).',
    properties: {
      ...typeMeta,
      columnDefinitions: { description: 'The columns of each row.', items: ref(`${META}.TableColumnDefinition`), type: 'array' },
      metadata: { ...ref(`${META}.ListMeta`), description: 'Standard list metadata.' },
      rows: { description: 'One row per object.', items: ref(`${META}.TableRow`), type: 'array' },
    },
    required: ['columnDefinitions', 'rows'],
    type: 'object',
    'x-kubernetes-group-version-kind': [gvk('meta.k8s.io', 'v1', 'Table'), gvk('meta.k8s.io', 'v1beta1', 'Table')],
  },
  [`${META}.TableColumnDefinition`]: {
    description: 'A column of a Table.',
    properties: {
      description: str('A human readable description of the column.'),
      format: str('An optional OpenAPI format modifier (name, date, ...).'),
      name: str('The human readable column name.'),
      priority: { description: '0 for columns shown by default, higher for -o wide.', format: 'int32', type: 'integer' },
      type: str('An OpenAPI type: string, integer, number, boolean, date.'),
    },
    required: ['name', 'type', 'format', 'description', 'priority'],
    type: 'object',
  },
  [`${META}.TableRow`]: {
    description: 'A row of a Table.',
    properties: {
      cells: { description: 'One value per column: string, number, boolean, object or array.', items: {}, type: 'array' },
      conditions: { description: 'Row conditions (Completed).', items: ref(`${META}.TableRowCondition`), type: 'array' },
      object: { ...ref('io.k8s.apimachinery.pkg.runtime.RawExtension'), description: 'The object or its metadata, per includeObject.' },
    },
    required: ['cells'],
    type: 'object',
  },
  [`${META}.TableRowCondition`]: {
    description: 'A condition of a Table row.',
    properties: {
      message: str('A human readable message.'),
      reason: str('A machine readable reason.'),
      status: str('True, False or Unknown.'),
      type: str('The condition type.'),
    },
    required: ['type', 'status'],
    type: 'object',
  },
  [`${META}.PartialObjectMetadata`]: {
    description: 'Only the metadata of an object.',
    properties: { ...typeMeta, metadata: { ...ref(`${META}.ObjectMeta`), description: 'Standard object metadata.' } },
    type: 'object',
    'x-kubernetes-group-version-kind': [
      gvk('meta.k8s.io', 'v1', 'PartialObjectMetadata'),
      gvk('meta.k8s.io', 'v1beta1', 'PartialObjectMetadata'),
    ],
  },
  [`${META}.PartialObjectMetadataList`]: {
    description: 'A list of object metadata.',
    properties: {
      ...typeMeta,
      items: { description: 'The objects.', items: ref(`${META}.PartialObjectMetadata`), type: 'array' },
      metadata: { ...ref(`${META}.ListMeta`), description: 'Standard list metadata.' },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': [
      gvk('meta.k8s.io', 'v1', 'PartialObjectMetadataList'),
      gvk('meta.k8s.io', 'v1beta1', 'PartialObjectMetadataList'),
    ],
  },
  [`${META}.GroupVersionKind`]: {
    description: 'A group, version and kind.',
    properties: { group: str('The group.'), kind: str('The kind.'), version: str('The version.') },
    required: ['group', 'version', 'kind'],
    type: 'object',
  },
  'io.k8s.api.apidiscovery.v2.APIGroupDiscoveryList': {
    description: 'Aggregated discovery: every group with its versions and resources.',
    properties: {
      ...typeMeta,
      items: { description: 'The groups.', items: ref('io.k8s.api.apidiscovery.v2.APIGroupDiscovery'), type: 'array' },
      metadata: { ...ref(`${META}.ListMeta`), description: 'Standard list metadata.' },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': [gvk('apidiscovery.k8s.io', 'v2', 'APIGroupDiscoveryList')],
  },
  'io.k8s.api.apidiscovery.v2.APIGroupDiscovery': {
    description: 'A group: its name (metadata.name) and versions in preference order.',
    properties: {
      ...typeMeta,
      metadata: { ...ref(`${META}.ObjectMeta`), description: 'Only name is set; empty for the core group.' },
      versions: { description: 'Versions, preferred first.', items: ref('io.k8s.api.apidiscovery.v2.APIVersionDiscovery'), type: 'array' },
    },
    type: 'object',
    'x-kubernetes-group-version-kind': [gvk('apidiscovery.k8s.io', 'v2', 'APIGroupDiscovery')],
  },
  'io.k8s.api.apidiscovery.v2.APIVersionDiscovery': {
    description: 'A version of a group and its resources.',
    properties: {
      freshness: str('Current or Stale.'),
      resources: { description: 'The resources.', items: ref('io.k8s.api.apidiscovery.v2.APIResourceDiscovery'), type: 'array' },
      version: str('The version name.'),
    },
    required: ['version'],
    type: 'object',
  },
  'io.k8s.api.apidiscovery.v2.APIResourceDiscovery': {
    description: 'A resource of a group version.',
    properties: {
      categories: strings('Categories (all).'),
      resource: str('The plural name.'),
      responseKind: { ...ref(`${META}.GroupVersionKind`), description: 'The kind served; group and version empty when they are the resource\'s.' },
      scope: str('Cluster or Namespaced.'),
      shortNames: strings('Short names.'),
      singularResource: str('The singular name.'),
      subresources: { description: 'Subresources.', items: ref('io.k8s.api.apidiscovery.v2.APISubresourceDiscovery'), type: 'array' },
      verbs: strings('Supported verbs.'),
    },
    required: ['resource', 'scope', 'singularResource', 'verbs'],
    type: 'object',
  },
  'io.k8s.api.apidiscovery.v2.APISubresourceDiscovery': {
    description: 'A subresource of a resource.',
    properties: {
      acceptedTypes: { description: 'Kinds accepted in requests.', items: ref(`${META}.GroupVersionKind`), type: 'array' },
      responseKind: { ...ref(`${META}.GroupVersionKind`), description: 'The kind served.' },
      subresource: str('The subresource name.'),
      verbs: strings('Supported verbs.'),
    },
    required: ['subresource', 'verbs'],
    type: 'object',
  },
  ...metricsDefinitions(),
};

function metricsDefinitions() {
  const group = 'io.k8s.metrics.pkg.apis.metrics.v1beta1';
  const usage = {
    additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity'),
    description: 'Resource usage: cpu, memory.',
    type: 'object',
  };
  const sample = {
    metadata: { ...ref(`${META}.ObjectMeta`), description: 'Standard object metadata.' },
    timestamp: { ...ref(`${META}.Time`), description: 'The end of the sampling window.' },
    window: str('The length of the sampling window, a Go duration.'),
  };
  const list = (kind) => ({
    description: `A list of ${kind}.`,
    properties: {
      ...typeMeta,
      items: { description: 'The metrics.', items: ref(`${group}.${kind}`), type: 'array' },
      metadata: { ...ref(`${META}.ListMeta`), description: 'Standard list metadata.' },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': [gvk('metrics.k8s.io', 'v1beta1', `${kind}List`)],
  });
  return {
    [`${group}.ContainerMetrics`]: {
      description: 'Resource usage of a container.',
      properties: { name: str('The container name.'), usage },
      required: ['name', 'usage'],
      type: 'object',
    },
    [`${group}.NodeMetrics`]: {
      description: 'Resource usage of a node.',
      properties: { ...typeMeta, ...sample, usage },
      required: ['timestamp', 'window', 'usage'],
      type: 'object',
      'x-kubernetes-group-version-kind': [gvk('metrics.k8s.io', 'v1beta1', 'NodeMetrics')],
    },
    [`${group}.NodeMetricsList`]: list('NodeMetrics'),
    [`${group}.PodMetrics`]: {
      description: 'Resource usage of a pod, per container.',
      properties: {
        ...typeMeta,
        ...sample,
        containers: { description: 'Per container.', items: ref(`${group}.ContainerMetrics`), type: 'array' },
      },
      required: ['timestamp', 'window', 'containers'],
      type: 'object',
      'x-kubernetes-group-version-kind': [gvk('metrics.k8s.io', 'v1beta1', 'PodMetrics')],
    },
    [`${group}.PodMetricsList`]: list('PodMetrics'),
  };
}

// ---------------------------------------------------------------------------------------------- output

/** Keys sorted at every level; arrays keep their order (parameters, required, enum mean something in order). */
export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

function writeJson(file, value) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(sortKeys(value), null, 2)}\n`);
}

function sourceNote(sourceText, trimmed, documents) {
  const sha256 = createHash('sha256').update(sourceText).digest('hex');
  return `# Where these documents come from

\`v2.json\` and \`v3/**\` are derived from the Kubernetes API server's published OpenAPI (swagger 2.0) document,
\`api/openapi-spec/swagger.json\` of [kubernetes/kubernetes](https://github.com/kubernetes/kubernetes) at about
v1.35 (the document itself says \`info.version: ${trimmed.info.version}\`), as kept in
\`../shared/reference/kubernetes-openapi-v2.json\` (SHA-256 \`${sha256}\`).

That document is Copyright The Kubernetes Authors and licensed under the Apache License, Version 2.0
(https://www.apache.org/licenses/LICENSE-2.0); kubefacade is under the same license.

What \`scripts/update-openapi.mjs\` (\`npm run openapi:update\`) changes:
- \`v2.json\`: only the paths of the resources kubefacade serves, their discovery paths and \`/version/\`, with the
  definitions and shared parameters those paths reach, plus ${EXTRA_DEFINITIONS.length} bodies sent outside resource
  paths (Status, discovery lists, WatchEvent, version Info). Content is otherwise upstream's, with keys sorted.
  ${Object.keys(trimmed.paths).length} paths, ${Object.keys(trimmed.definitions).length} definitions.
- \`v3/<key>.json\`: the same paths split by \`/openapi/v3\` key (${[...documents.keys()].sort().join(', ')}),
  converted to OpenAPI 3.0 as kube-openapi's builder3 shapes them: refs into \`#/components/schemas\`, body
  parameters as \`requestBody\`, other parameters with a \`schema\`, responses with \`content\` per produced media type,
  property refs wrapped in \`allOf\` beside their description; \`x-kubernetes-*\` extensions kept.
- \`supplement.json\` is not upstream's document: it holds schemas written by hand from upstream Go types that the
  real server sends but does not publish (meta/v1 Table, PartialObjectMetadata, apidiscovery/v2, metrics.k8s.io
  v1beta1). The contract tests use it; the server never serves it.
`;
}

export function updateOpenApi(sourceFile, outDir) {
  const sourceText = readFileSync(sourceFile);
  const swagger = JSON.parse(sourceText.toString('utf8'));
  const supplement = { definitions: SUPPLEMENTARY_DEFINITIONS };
  const trimmed = trimSwagger(swagger, SERVED_RESOURCES, supplement);
  const documents = toV3Documents(trimmed);
  rmSync(join(outDir, 'v3'), { recursive: true, force: true });
  writeJson(join(outDir, 'v2.json'), trimmed);
  for (const [key, document] of documents) writeJson(join(outDir, 'v3', `${key}.json`), document);
  writeJson(join(outDir, 'supplement.json'), {
    description: 'Schemas of bodies the real server sends but does not publish; for tests, not served. See SOURCE.md.',
    ...supplement,
  });
  writeFileSync(join(outDir, 'SOURCE.md'), sourceNote(sourceText, trimmed, documents));
  return { paths: Object.keys(trimmed.paths).length, definitions: Object.keys(trimmed.definitions).length, documents: [...documents.keys()].sort() };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const source = process.argv[2] !== undefined ? resolve(process.argv[2]) : DEFAULT_SOURCE;
  const summary = updateOpenApi(source, join(REPO_ROOT, 'openapi'));
  console.log(`openapi/: ${summary.paths} paths, ${summary.definitions} definitions, v3 documents: ${summary.documents.join(', ')}`);
}
