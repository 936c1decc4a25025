import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { openApiDirectory } from '../../src/api/openapi/openapi-directory.js';

/**
 * Checks response bodies against the upstream Kubernetes OpenAPI definitions (openapi/v2.json, plus
 * openapi/supplement.json for bodies upstream does not publish: Table, apidiscovery, metrics). Two checks:
 * - ajv validation of types, formats and required fields;
 * - every property present is declared by the schema, recursively. Upstream schemas leave
 *   additionalProperties open, so without this a misspelt field (`restartcount`) would pass.
 * Embedded objects (RawExtension: Table rows' `object`, watch events) are checked against the schema of
 * their own apiVersion/kind.
 */

type Schema = { [key: string]: unknown };
type Definitions = Record<string, Schema>;

const DEFINITION_REF = '#/definitions/';
const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';
/**
 * Types whose Go MarshalJSON writes `null` for their zero value, which the schemas do not say: meta/v1 Time and
 * MicroTime (apimachinery pkg/apis/meta/v1/time.go, micro_time.go) and RawExtension (pkg/runtime/extension.go;
 * a Table row's `object` with includeObject=None).
 */
const NULLABLE = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'string',
  [RAW_EXTENSION]: 'object',
} as Readonly<Record<string, string>>;

/**
 * Slice fields without `omitempty` in their Go type, which a real server writes as `null` when empty although the
 * schema says `array` (api discovery/v1/types.go: EndpointSlice.Endpoints and .Ports).
 */
const NULLABLE_SLICES: Readonly<Record<string, readonly string[]>> = {
  'io.k8s.api.discovery.v1.EndpointSlice': ['endpoints', 'ports'],
};

interface Loaded {
  definitions: Definitions;
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const directory = openApiDirectory();
  const read = (file: string): Definitions => (JSON.parse(readFileSync(join(directory, file), 'utf8')) as { definitions: Definitions }).definitions;
  const definitions: Definitions = { ...read('supplement.json'), ...read('v2.json') };
  const ajv = new Ajv({ strict: false, allErrors: true });
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema({ $id: 'k8s', definitions: Object.fromEntries(Object.entries(definitions).map(([n, s]) => [n, forAjv(n, s)])) });
  loaded = { definitions, ajv, validators: new Map() };
  return loaded;
}

/** Upstream idioms JSON Schema cannot read as written. */
function forAjv(name: string, schema: Schema): unknown {
  const nullable = NULLABLE[name];
  if (nullable !== undefined) return { ...schema, type: [nullable, 'null'] };
  const rewritten = rewrite(schema) as Schema;
  for (const field of NULLABLE_SLICES[name] ?? []) {
    const properties = rewritten['properties'] as Record<string, Schema>;
    const property = properties[field];
    if (property) properties[field] = { ...property, type: ['array', 'null'] };
  }
  return rewritten;
}

function rewrite(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (value === null || typeof value !== 'object') return value;
  const schema = value as Schema;
  // IntOrString is declared `type: string, format: int-or-string` but carries either (intstr.IntOrString).
  if (schema['format'] === 'int-or-string' || schema['x-kubernetes-int-or-string'] === true) {
    const { type: _type, format: _format, ...rest } = schema;
    return { ...rest, anyOf: [{ type: 'integer' }, { type: 'string' }] };
  }
  const result: Schema = {};
  for (const [key, child] of Object.entries(schema)) {
    result[key] = key === 'properties' ? Object.fromEntries(Object.entries(child as Schema).map(([k, s]) => [k, rewrite(s)])) : rewrite(child);
  }
  return result;
}

function validatorFor(definition: string): ValidateFunction {
  const { ajv, definitions, validators } = load();
  let validate = validators.get(definition);
  if (!validate) {
    if (!(definition in definitions)) throw new Error(`no OpenAPI definition named ${definition}`);
    validate = ajv.compile({ $ref: `k8s${DEFINITION_REF}${definition}` });
    validators.set(definition, validate);
  }
  return validate;
}

/** Throws, listing every problem, unless `body` is a valid `definition` with only declared properties. */
export function expectMatchesSchema(body: unknown, definition: string): void {
  const problems: string[] = [];
  check(body, definition, '', problems);
  if (problems.length > 0) {
    throw new Error(`body does not match ${definition}:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 2000)}`);
  }
}

/** Checks a body against the schema of its own apiVersion and kind. */
export function expectMatchesOwnKind(body: unknown): void {
  const { apiVersion, kind } = (body ?? {}) as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') throw new Error('body has no apiVersion and kind');
  expectMatchesSchema(body, schemaForKind(apiVersion, kind));
}

/** The definition whose x-kubernetes-group-version-kind names this kind: ('v1', 'Pod') → io.k8s.api.core.v1.Pod. */
export function schemaForKind(apiVersion: string, kind: string): string {
  const name = findSchemaForKind(apiVersion, kind);
  if (name === undefined) throw new Error(`no OpenAPI definition for ${apiVersion} ${kind}`);
  return name;
}

function findSchemaForKind(apiVersion: string, kind: string): string | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  for (const [name, schema] of Object.entries(load().definitions)) {
    const gvks = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    const matches = gvks.some((gvk) => {
      const g = gvk as { group?: unknown; version?: unknown; kind?: unknown };
      return g.group === group && g.version === version && g.kind === kind;
    });
    if (matches) return name;
  }
  return undefined;
}

function check(body: unknown, definition: string, at: string, problems: string[]): void {
  const validate = validatorFor(definition);
  if (!validate(body)) {
    for (const error of validate.errors ?? []) problems.push(`${at}${error.instancePath || '/'}: ${error.message ?? 'invalid'}`);
  }
  const embedded: Array<{ value: unknown; at: string }> = [];
  undeclared(body, { $ref: `${DEFINITION_REF}${definition}` }, at, problems, embedded);
  for (const { value, at: path } of embedded) {
    const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
    const name = typeof apiVersion === 'string' && typeof kind === 'string' ? findSchemaForKind(apiVersion, kind) : undefined;
    if (name !== undefined) check(value, name, path, problems);
  }
}

/** Walks value and schema together, reporting property names the schema does not declare. */
function undeclared(value: unknown, schema: Schema, at: string, problems: string[], embedded: Array<{ value: unknown; at: string }>): void {
  const { definitions } = load();
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const name = ref.slice(DEFINITION_REF.length);
    if (name === RAW_EXTENSION && isObject(value)) {
      embedded.push({ value, at });
      return;
    }
    const target = definitions[name];
    if (target) undeclared(value, target, at, problems, embedded);
    return;
  }
  if (Array.isArray(schema['allOf'])) {
    for (const part of schema['allOf'] as Schema[]) undeclared(value, part, at, problems, embedded);
  }
  if (Array.isArray(value)) {
    const items = schema['items'];
    if (isObject(items)) value.forEach((item, i) => undeclared(item, items, `${at}/${i}`, problems, embedded));
    return;
  }
  if (!isObject(value)) return;
  const properties = schema['properties'];
  const additional = schema['additionalProperties'];
  for (const [key, child] of Object.entries(value)) {
    const declared = isObject(properties) ? properties[key] : undefined;
    if (isObject(declared)) undeclared(child, declared, `${at}/${key}`, problems, embedded);
    else if (isObject(additional)) undeclared(child, additional, `${at}/${key}`, problems, embedded);
    else if (isObject(properties)) problems.push(`${at}/${key}: property not declared by the schema`);
  }
}

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
