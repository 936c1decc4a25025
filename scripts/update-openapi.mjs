#!/usr/bin/env node
/**
 * Builds the OpenAPI documents kubefacade serves, from the pristine upstream swagger
 * (kubernetes/kubernetes api/openapi-spec/swagger.json, kept in ../shared/reference):
 *
 *   openapi/v2.json            the swagger, trimmed to the built-in resources and what they reference, with
 *                              metrics-server's document merged in as kube-aggregator does
 *   openapi/v3/<key>.json      one OpenAPI 3.0 document per served path group (api/v1, apis/apps/v1, apis/apps, ...),
 *                              converted from the trimmed swagger the way kube-openapi's builder3 shapes them
 *   openapi/v3-etags.json      the ETag of every v3 document, so the server's /openapi/v3 index reads none of them
 *   openapi/custom-resources.json  what the server builds custom resources' OpenAPI from at run time; never served
 *   openapi/supplement.json    schemas the real server defines in Go but does not publish (Table, apidiscovery);
 *                              for the contract tests only, never served
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
 * The built-in resources of a default v1.33 kube-apiserver, whose schemas upstream publishes; mirrors the `builtin`
 * resources of src/cluster/resources/builtin-resources.ts (test/api/openapi/update-openapi-script.test.ts keeps the
 * two equal). Create-only resources (reviews, bindings) are listed too: a real server publishes their POST paths.
 */
const BUILTIN = {
  v1: [
    'bindings',
    'componentstatuses',
    'configmaps',
    'endpoints',
    'events',
    'limitranges',
    'namespaces',
    'nodes',
    'persistentvolumeclaims',
    'persistentvolumes',
    'pods',
    'podtemplates',
    'replicationcontrollers',
    'resourcequotas',
    'secrets',
    'serviceaccounts',
    'services',
  ],
  'admissionregistration.k8s.io/v1': [
    'mutatingwebhookconfigurations',
    'validatingadmissionpolicies',
    'validatingadmissionpolicybindings',
    'validatingwebhookconfigurations',
  ],
  'apiextensions.k8s.io/v1': ['customresourcedefinitions'],
  'apiregistration.k8s.io/v1': ['apiservices'],
  'apps/v1': ['controllerrevisions', 'daemonsets', 'deployments', 'replicasets', 'statefulsets'],
  'authentication.k8s.io/v1': ['selfsubjectreviews', 'tokenreviews'],
  'authorization.k8s.io/v1': ['localsubjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'subjectaccessreviews'],
  'autoscaling/v1': ['horizontalpodautoscalers'],
  'autoscaling/v2': ['horizontalpodautoscalers'],
  'batch/v1': ['cronjobs', 'jobs'],
  'certificates.k8s.io/v1': ['certificatesigningrequests'],
  'coordination.k8s.io/v1': ['leases'],
  'discovery.k8s.io/v1': ['endpointslices'],
  'events.k8s.io/v1': ['events'],
  'flowcontrol.apiserver.k8s.io/v1': ['flowschemas', 'prioritylevelconfigurations'],
  'networking.k8s.io/v1': ['ingressclasses', 'ingresses', 'ipaddresses', 'networkpolicies', 'servicecidrs'],
  'node.k8s.io/v1': ['runtimeclasses'],
  'policy/v1': ['poddisruptionbudgets'],
  'rbac.authorization.k8s.io/v1': ['clusterrolebindings', 'clusterroles', 'rolebindings', 'roles'],
  'scheduling.k8s.io/v1': ['priorityclasses'],
  'storage.k8s.io/v1': ['csidrivers', 'csinodes', 'csistoragecapacities', 'storageclasses', 'volumeattachments'],
};

function resourcesOf(table) {
  return Object.entries(table).flatMap(([gv, plurals]) => {
    const slash = gv.indexOf('/');
    const group = slash < 0 ? '' : gv.slice(0, slash);
    const version = slash < 0 ? gv : gv.slice(slash + 1);
    return plurals.map((plural) => ({ group, version, plural }));
  });
}

export const SERVED_RESOURCES = resourcesOf(BUILTIN);

/** metrics-server's resources (an aggregated API): its own published OpenAPI, merged as kube-aggregator does. */
export const METRICS_RESOURCES = resourcesOf({ 'metrics.k8s.io/v1beta1': ['nodes', 'pods'] });

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
    const rest = path
      .slice(prefix.length)
      .replace(/^watch\//, '')
      .replace(/^namespaces\/\{namespace\}\//, '');
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
  const paths = pick(
    swagger.paths,
    Object.keys(swagger.paths).filter((p) => keep.has(p) || isServedPath(p, served)),
  );
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
 * becomes `allOf: [{$ref}]` beside them (kube-openapi pkg/builder3/util WrapRefs), with `default: {}` when the target
 * is a struct, as openapi-gen writes for struct-typed fields (k8s api/openapi-spec/v3/*.json). A document converted
 * from a served swagger (kube-openapi pkg/openapiconv, for aggregated servers without /openapi/v3) has its defaults
 * already pruned, so `structDefaults` is off for it.
 */
function convertSchema(schema, definitions, structDefaults = true) {
  if (Array.isArray(schema)) return schema.map((s) => convertSchema(s, definitions, structDefaults));
  if (schema === null || typeof schema !== 'object') return schema;
  const { $ref: ref, ...rest } = schema;
  const converted = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'properties') {
      converted.properties = Object.fromEntries(Object.entries(value).map(([n, s]) => [n, convertSchema(s, definitions, structDefaults)]));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'allOf' || key === 'anyOf' || key === 'oneOf' || key === 'not') {
      converted[key] = convertSchema(value, definitions, structDefaults);
    } else converted[key] = value;
  }
  if (ref === undefined) return converted;
  if (Object.keys(converted).length === 0) return { $ref: v3Ref(ref) };
  const target = definitions[refName(ref, 'definitions')];
  const isStruct = structDefaults && target !== undefined && target.type === 'object';
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

function convertOperation(operation, swagger, structDefaults) {
  const { consumes = [], produces = [], schemes: _schemes, parameters = [], responses = {}, ...rest } = operation;
  const converted = { ...rest };
  const resolved = parameters.map((p) => resolveParameter(p, swagger));
  const body = resolved.find((p) => p.in === 'body');
  const others = resolved.filter((p) => p.in !== 'body').map(convertParameter);
  if (others.length > 0) converted.parameters = others;
  if (body !== undefined) {
    converted.requestBody = {
      content: content(consumes, convertSchema(body.schema, swagger.definitions, structDefaults)),
      ...(body.required ? { required: true } : {}),
    };
  }
  converted.responses = Object.fromEntries(
    Object.entries(responses).map(([code, response]) => {
      const { schema, ...description } = response;
      return [
        code,
        schema === undefined ? description : { ...description, content: content(produces, convertSchema(schema, swagger.definitions, structDefaults)) },
      ];
    }),
  );
  return converted;
}

function convertPathItem(item, swagger, structDefaults) {
  const converted = {};
  for (const [key, value] of Object.entries(item)) {
    if (OPERATIONS.includes(key)) converted[key] = convertOperation(value, swagger, structDefaults);
    else if (key === 'parameters') converted.parameters = value.map((p) => convertParameter(resolveParameter(p, swagger)));
    else converted[key] = value;
  }
  return converted;
}

/** One OpenAPI 3.0 document holding the given swagger paths, with only the schemas they reach. */
function toV3Document(swagger, pathNames, { structDefaults = true, info = swagger.info } = {}) {
  const paths = Object.fromEntries(pathNames.map((path) => [path, convertPathItem(swagger.paths[path], swagger, structDefaults)]));
  const names = reachableDefinitions(swagger, [paths].map(toV2Refs), []);
  const schemas = Object.fromEntries([...names].sort().map((name) => [name, convertSchema(swagger.definitions[name], swagger.definitions, structDefaults)]));
  return { components: { schemas, securitySchemes: swagger.securityDefinitions ?? {} }, info, openapi: '3.0.0', paths };
}

/** One OpenAPI 3.0 document per /openapi/v3 key of the swagger's paths. */
export function toV3Documents(trimmed) {
  const byKey = new Map();
  for (const path of Object.keys(trimmed.paths)) {
    const key = v3Key(path);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(path);
  }
  return new Map([...byKey].map(([key, pathNames]) => [key, toV3Document(trimmed, pathNames)]));
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
 * Types the real server sends but leaves out of its OpenAPI (marked openapi-gen=false). Written from the Go types:
 * apimachinery pkg/apis/meta/v1/types.go (Table, PartialObjectMetadata, GroupVersionKind), k8s.io/api
 * apidiscovery/v2/types.go. `required` lists the fields without omitempty.
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
    'x-kubernetes-group-version-kind': [gvk('meta.k8s.io', 'v1', 'PartialObjectMetadata'), gvk('meta.k8s.io', 'v1beta1', 'PartialObjectMetadata')],
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
    'x-kubernetes-group-version-kind': [gvk('meta.k8s.io', 'v1', 'PartialObjectMetadataList'), gvk('meta.k8s.io', 'v1beta1', 'PartialObjectMetadataList')],
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
      responseKind: { ...ref(`${META}.GroupVersionKind`), description: "The kind served; group and version empty when they are the resource's." },
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
};

// ---------------------------------------------------------------------------------------------- metrics-server

const METRICS_GROUP = 'io.k8s.metrics.pkg.apis.metrics.v1beta1';
const METRICS_SERVER_VERSION = 'v0.7.2';
/** What a generic apiserver built on apimachinery 0.31 offers: no CBOR (kube-apiserver's list below adds it). */
const METRICS_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const METRICS_STREAM_TYPES = ['application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];
/** metav1.ListOptions' query parameters as of apimachinery 0.31 (no shardSelector), added to every list route. */
const LIST_OPTIONS = [
  'allowWatchBookmarks',
  'continue',
  'fieldSelector',
  'labelSelector',
  'limit',
  'resourceVersion',
  'resourceVersionMatch',
  'sendInitialEvents',
  'timeoutSeconds',
  'watch',
];

/** A shared upstream parameter by its name, as a reference (the same Go options types document it identically). */
function sharedParameter(swagger, name) {
  const found = Object.keys(swagger.parameters).filter((key) => swagger.parameters[key].name === name && swagger.parameters[key].in !== 'body');
  if (found.length !== 1) throw new Error(`expected one shared parameter named ${name}, found ${found.length}`);
  return { $ref: `#/parameters/${found[0]}` };
}

function byName(swagger) {
  const nameOf = (p) => (p.$ref === undefined ? p.name : resolveParameter(p, swagger).name);
  return (a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0);
}

/**
 * The definitions metrics-server publishes for its types, as its openapi-gen output reads (metrics-server
 * pkg/api/generated/openapi, from k8s.io/metrics pkg/apis/metrics/v1beta1/types.go), with the kinds its scheme
 * registers marked by the definition namer (apiserver pkg/endpoints/openapi), defaults pruned as every generic
 * apiserver's /openapi/v2 has them. Its meta types are the same as kube-apiserver's, so they merge into one.
 */
function metricsServerDefinitions(swagger) {
  const { apiVersion, kind } = swagger.definitions['io.k8s.api.core.v1.Pod'].properties;
  const usage = {
    additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity'),
    description: 'The memory usage is the memory working set.',
    type: 'object',
  };
  const sample = {
    apiVersion,
    kind,
    metadata: { ...ref(`${META}.ObjectMeta`), description: swagger.definitions['io.k8s.api.core.v1.Pod'].properties.metadata.description },
    timestamp: {
      ...ref(`${META}.Time`),
      description: 'The following fields define time interval from which metrics were collected from the interval [Timestamp-Window, Timestamp].',
    },
    window: ref(`${META}.Duration`),
  };
  const list = (itemKind, what) => ({
    description: `${itemKind}List is a list of ${itemKind}.`,
    properties: {
      apiVersion,
      items: { description: `List of ${what} metrics.`, items: ref(`${METRICS_GROUP}.${itemKind}`), type: 'array' },
      kind,
      metadata: { ...ref(`${META}.ListMeta`), description: swagger.definitions['io.k8s.api.core.v1.PodList'].properties.metadata.description },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': [gvk('metrics.k8s.io', 'v1beta1', `${itemKind}List`)],
  });
  return {
    [`${META}.Duration`]: {
      description:
        'Duration is a wrapper around time.Duration which supports correct marshaling to YAML and JSON. In particular, it marshals into strings, which can be used as map keys in json.',
      type: 'string',
    },
    [`${METRICS_GROUP}.ContainerMetrics`]: {
      description: 'ContainerMetrics sets resource usage metrics of a container.',
      properties: { name: { description: 'Container name corresponding to the one from pod.spec.containers.', type: 'string' }, usage },
      required: ['name', 'usage'],
      type: 'object',
    },
    [`${METRICS_GROUP}.NodeMetrics`]: {
      description: 'NodeMetrics sets resource usage metrics of a node.',
      properties: { ...sample, usage },
      required: ['timestamp', 'window', 'usage'],
      type: 'object',
      'x-kubernetes-group-version-kind': [gvk('metrics.k8s.io', 'v1beta1', 'NodeMetrics')],
    },
    [`${METRICS_GROUP}.NodeMetricsList`]: list('NodeMetrics', 'node'),
    [`${METRICS_GROUP}.PodMetrics`]: {
      description: 'PodMetrics sets resource usage metrics of a pod.',
      properties: {
        ...sample,
        containers: {
          description: 'Metrics for all containers are collected within the same time window.',
          items: ref(`${METRICS_GROUP}.ContainerMetrics`),
          type: 'array',
          'x-kubernetes-list-type': 'atomic',
        },
      },
      required: ['timestamp', 'window', 'containers'],
      type: 'object',
      'x-kubernetes-group-version-kind': [gvk('metrics.k8s.io', 'v1beta1', 'PodMetrics')],
    },
    [`${METRICS_GROUP}.PodMetricsList`]: list('PodMetrics', 'pod'),
  };
}

/**
 * The paths metrics-server's generic apiserver publishes for its group (apiserver pkg/endpoints/installer.go for a
 * Getter and Lister without Watch; discovery handlers for the group and version), operation names and tags as
 * apiserver pkg/endpoints/openapi GetOperationIDAndTags derives them.
 */
function metricsServerPaths(swagger) {
  const pretty = sharedParameter(swagger, 'pretty');
  const namespace = sharedParameter(swagger, 'namespace');
  const name = (kind) => ({ description: `name of the ${kind}`, in: 'path', name: 'name', required: true, type: 'string', uniqueItems: true });
  const common = { schemes: ['https'], tags: ['metrics_v1beta1'] };
  const unauthorized = { 401: { description: 'Unauthorized' } };
  const discovery = (operationId, description, tag, definition) => ({
    get: {
      consumes: METRICS_MEDIA_TYPES,
      description,
      operationId,
      produces: METRICS_MEDIA_TYPES,
      responses: { 200: { description: 'OK', schema: ref(`${META}.${definition}`) }, ...unauthorized },
      schemes: ['https'],
      tags: [tag],
    },
  });
  const operation = (action, kind, operationId, description, produces, definition) => ({
    ...common,
    consumes: ['*/*'],
    description,
    operationId,
    produces,
    responses: { 200: { description: 'OK', schema: ref(`${METRICS_GROUP}.${definition}`) }, ...unauthorized },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk('metrics.k8s.io', 'v1beta1', kind),
  });
  // Every parameter of a path's only operation is common to all its operations: kube-openapi moves it to the path.
  const list = (kind, operationId, scope) => ({
    get: operation('list', kind, operationId, `list objects of kind ${kind}`, [...METRICS_MEDIA_TYPES, ...METRICS_STREAM_TYPES], `${kind}List`),
    parameters: [...scope, pretty, ...LIST_OPTIONS.map((n) => sharedParameter(swagger, n))].sort(byName(swagger)),
  });
  const read = (kind, operationId, scope) => ({
    get: operation('get', kind, operationId, `read the specified ${kind}`, METRICS_MEDIA_TYPES, kind),
    parameters: [name(kind), ...scope, pretty].sort(byName(swagger)),
  });
  const root = '/apis/metrics.k8s.io/v1beta1';
  return {
    '/apis/metrics.k8s.io/': discovery('getMetricsAPIGroup', 'get information of a group', 'metrics', 'APIGroup'),
    [`${root}/`]: discovery('getMetricsV1beta1APIResources', 'get available resources', 'metrics_v1beta1', 'APIResourceList'),
    [`${root}/namespaces/{namespace}/pods`]: list('PodMetrics', 'listMetricsV1beta1NamespacedPodMetrics', [namespace]),
    [`${root}/namespaces/{namespace}/pods/{name}`]: read('PodMetrics', 'readMetricsV1beta1NamespacedPodMetrics', [namespace]),
    [`${root}/nodes`]: list('NodeMetrics', 'listMetricsV1beta1NodeMetrics', []),
    [`${root}/nodes/{name}`]: read('NodeMetrics', 'readMetricsV1beta1NodeMetrics', []),
    [`${root}/pods`]: list('PodMetrics', 'listMetricsV1beta1PodMetricsForAllNamespaces', []),
  };
}

/**
 * kube-apiserver's swagger with metrics-server's merged in, as kube-aggregator does for an APIService
 * (pkg/controllers/openapi/aggregator): only the paths under the APIService's group version, and the definitions
 * they reach. Also returns metrics-server's own document: it serves no /openapi/v3, so the aggregator converts its
 * /openapi/v2 (kube-openapi pkg/openapiconv) and publishes it as the `apis/metrics.k8s.io/v1beta1` v3 document.
 * metrics-server's root, /apis/ and /version/ paths, which that document also carries upstream, are left out.
 */
export function withMetricsServer(swagger) {
  const paths = metricsServerPaths(swagger);
  const definitions = { ...swagger.definitions, ...metricsServerDefinitions(swagger) };
  const own = {
    ...swagger,
    info: { title: 'Kubernetes metrics-server', version: METRICS_SERVER_VERSION },
    definitions,
    paths,
  };
  const aggregated = Object.fromEntries(Object.entries(paths).filter(([path]) => path.startsWith('/apis/metrics.k8s.io/v1beta1/')));
  return { aggregated: { ...swagger, definitions, paths: { ...swagger.paths, ...aggregated } }, metricsServer: own };
}

/** The v3 document kube-aggregator publishes for metrics-server: its v2 document converted. */
export function metricsServerV3Document(metricsServer) {
  return toV3Document(metricsServer, Object.keys(metricsServer.paths).sort(), { structDefaults: false });
}

// ---------------------------------------------------------------------------------------------- custom resources

/** The built-in types a custom resource's operations name besides its own kind (apiextensions builder.go). */
const CUSTOM_RESOURCE_REFERENCES = [
  `${META}.ObjectMeta`,
  `${META}.ListMeta`,
  `${META}.Status`,
  `${META}.DeleteOptions`,
  `${META}.Patch`,
  'io.k8s.api.autoscaling.v1.Scale',
];

/**
 * What the server needs at run time to publish a cluster's custom resources as apiextensions-apiserver does
 * (pkg/controller/openapi/builder/builder.go), taken from upstream's document rather than written again:
 * - `parameters`: the query parameters of each action, from the metav1 options type builder.go adds for it (GetOptions,
 *   ListOptions, CreateOptions, ...). Built-in resources' operations carry the very same types, so a built-in
 *   resource's operations give them, descriptions included (apps/v1 deployments: every action, status and scale);
 * - `properties`: TypeMeta's apiVersion and kind, and PartialObjectMetadata(List)'s metadata descriptions;
 * - `schemas`: the OpenAPI v3 form of the built-in schemas a custom resource's v3 document references.
 * The v2 forms of those schemas are already in v2.json.
 */
export function customResourceBase(trimmed) {
  const collection = trimmed.paths['/apis/apps/v1/namespaces/{namespace}/deployments'];
  const item = trimmed.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
  const resolved = (parameters) => (parameters ?? []).map((p) => resolveParameter(p, trimmed));
  const query = (operation) => resolved(operation.parameters).filter((p) => p.in === 'query');
  const list = query(collection.get);
  const onPath = (name) => resolved(collection.parameters).find((p) => p.name === name);
  const pod = trimmed.definitions['io.k8s.api.core.v1.Pod'].properties;
  const names = reachableDefinitions(trimmed, [], CUSTOM_RESOURCE_REFERENCES);
  return {
    description: 'What the server builds the OpenAPI of custom resources from at run time (src/api/openapi/custom-resources/); not served. See SOURCE.md.',
    parameters: {
      delete: query(item.delete),
      deletecollection: list,
      get: list.filter((p) => p.name === 'resourceVersion'),
      list,
      namespace: onPath('namespace'),
      patch: query(item.patch),
      post: query(collection.post),
      pretty: onPath('pretty'),
      put: query(item.put),
    },
    properties: {
      apiVersion: pod.apiVersion,
      kind: pod.kind,
      listMetadata: trimmed.definitions['io.k8s.api.core.v1.PodList'].properties.metadata.description,
      metadata: pod.metadata.description,
    },
    schemas: Object.fromEntries([...names].sort().map((name) => [name, convertSchema(trimmed.definitions[name], trimmed.definitions)])),
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

/**
 * The ETag the server gives a document: upper-case hex SHA-512 of its compact JSON (kube-openapi computeETag). Written
 * beside the v3 documents so the server's /openapi/v3 index needs none of them read.
 */
function servedEtag(value) {
  return createHash('sha512')
    .update(JSON.stringify(sortKeys(value)))
    .digest('hex')
    .toUpperCase();
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
- \`v2.json\`: only the paths of the built-in resources a default v1.33 server serves (${SERVED_RESOURCES.length} resources in
  ${new Set(SERVED_RESOURCES.map((r) => r.group)).size} groups), their discovery paths and \`/version/\`, with the definitions and
  shared parameters those paths reach, plus ${EXTRA_DEFINITIONS.length} bodies sent outside resource paths (Status, discovery lists,
  WatchEvent, version Info). Content is otherwise upstream's, with keys sorted. Merged in as kube-aggregator merges an
  APIService's document: metrics-server ${METRICS_SERVER_VERSION}'s paths under \`/apis/metrics.k8s.io/v1beta1/\` and its
  definitions, written from its openapi-gen output (metrics-server \`pkg/api/generated/openapi\`, Apache-2.0).
  ${Object.keys(trimmed.paths).length} paths, ${Object.keys(trimmed.definitions).length} definitions.
- \`v3/<key>.json\`: the same paths split by \`/openapi/v3\` key (${documents.size} documents),
  converted to OpenAPI 3.0 as kube-openapi's builder3 shapes them: refs into \`#/components/schemas\`, body
  parameters as \`requestBody\`, other parameters with a \`schema\`, responses with \`content\` per produced media type,
  property refs wrapped in \`allOf\` beside their description; \`x-kubernetes-*\` extensions kept.
  \`apis/metrics.k8s.io/v1beta1\` is metrics-server's own document converted as kube-openapi's openapiconv does
  (metrics-server serves no \`/openapi/v3\`): its title, no struct defaults.
- \`v3-etags.json\`: the ETag (SHA-512 of the compact JSON) of every v3 document, for the \`/openapi/v3\` index.
- \`custom-resources.json\` is not served: what the server builds a cluster's custom resources' OpenAPI from when it
  starts (apiextensions-apiserver's builder.go): the query parameters of each action and the TypeMeta/ObjectMeta
  texts, taken from upstream's built-in operations, and the v3 form of the built-in schemas those documents reference.
- \`supplement.json\` is not upstream's document: it holds schemas written by hand from upstream Go types that the
  real server sends but does not publish (meta/v1 Table, PartialObjectMetadata, apidiscovery/v2). The contract tests
  use it; the server never serves it.
`;
}

export function updateOpenApi(sourceFile, outDir) {
  const sourceText = readFileSync(sourceFile);
  const swagger = JSON.parse(sourceText.toString('utf8'));
  const supplement = { definitions: SUPPLEMENTARY_DEFINITIONS };
  const { aggregated, metricsServer } = withMetricsServer(swagger);
  const trimmed = trimSwagger(aggregated, [...SERVED_RESOURCES, ...METRICS_RESOURCES], supplement);
  const documents = toV3Documents(trimmed);
  documents.set('apis/metrics.k8s.io/v1beta1', metricsServerV3Document(metricsServer));
  rmSync(join(outDir, 'v3'), { recursive: true, force: true });
  writeJson(join(outDir, 'v2.json'), trimmed);
  for (const [key, document] of documents) writeJson(join(outDir, 'v3', `${key}.json`), document);
  writeJson(join(outDir, 'v3-etags.json'), Object.fromEntries([...documents].map(([key, document]) => [key, servedEtag(document)])));
  writeJson(join(outDir, 'supplement.json'), {
    description: 'Schemas of bodies the real server sends but does not publish; for tests, not served. See SOURCE.md.',
    ...supplement,
  });
  writeJson(join(outDir, 'custom-resources.json'), customResourceBase(trimmed));
  writeFileSync(join(outDir, 'SOURCE.md'), sourceNote(sourceText, trimmed, documents));
  return { paths: Object.keys(trimmed.paths).length, definitions: Object.keys(trimmed.definitions).length, documents: [...documents.keys()].sort() };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const source = process.argv[2] !== undefined ? resolve(process.argv[2]) : DEFAULT_SOURCE;
  const summary = updateOpenApi(source, join(REPO_ROOT, 'openapi'));
  console.log(`openapi/: ${summary.paths} paths, ${summary.definitions} definitions, v3 documents: ${summary.documents.join(', ')}`);
}
