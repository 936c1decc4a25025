/**
 * A swagger 2.0 JSON document as the plain object of gnostic's `openapi.v2.Document` (gnostic-v2-schema.ts), the
 * conversion gnostic-models openapiv2 ParseDocument performs for kube-openapi pkg/handler/handler.go ToProtoBinary.
 * JSON objects become ordered name/value lists; free values (defaults, enums, `x-` extensions) travel as YAML text,
 * which kube-openapi pkg/util/proto reads back with a YAML parser (JSON is YAML, so JSON text serves).
 * Keywords a Kubernetes document never uses are refused rather than silently dropped.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
type Message = { [key: string]: unknown };

const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

export function swaggerToGnostic(swagger: Json): Message {
  const doc = object(swagger, '');
  return convert(doc, '', {
    swagger: (v) => string(v, 'swagger'),
    info: (v, path) => convert(object(v, path), path, {
      title: (t, p) => string(t, p),
      version: (t, p) => string(t, p),
      description: (t, p) => string(t, p),
    }),
    host: (v, path) => string(v, path),
    basePath: (v, path) => string(v, path),
    schemes: (v, path) => strings(v, path),
    consumes: (v, path) => strings(v, path),
    produces: (v, path) => strings(v, path),
    paths: (v, path) => ({
      path: entries(object(v, path)).map(([name, item]) => ({ name, value: pathItem(item, `${path}/${name}`) })),
    }),
    definitions: (v, path) => ({ additionalProperties: namedSchemas(v, path) }),
    parameters: (v, path) => ({
      additionalProperties: entries(object(v, path)).map(([name, p]) => ({ name, value: parameter(p, `${path}/${name}`) })),
    }),
    security: (v, path) =>
      array(v, path).map((requirement, i) => ({
        additionalProperties: entries(object(requirement, `${path}/${i}`)).map(([name, scopes]) => ({
          name,
          value: { value: strings(scopes, `${path}/${i}/${name}`) },
        })),
      })),
    securityDefinitions: (v, path) => ({
      additionalProperties: entries(object(v, path)).map(([name, definition]) => {
        const fields = object(definition, `${path}/${name}`);
        if (fields['type'] !== 'apiKey') throw unsupported(`${path}/${name}`, `security type ${String(fields['type'])}`);
        return { name, value: { apiKeySecurity: convert(fields, `${path}/${name}`, stringFields('type', 'name', 'in', 'description')) } };
      }),
    }),
  });
}

type Converter = (value: Json, path: string) => unknown;

/** Maps each key through its converter; `x-` keys become vendor extensions; any other key is an error. */
function convert(fields: JsonObject, path: string, converters: Record<string, Converter>, rename: Record<string, string> = {}): Message {
  const result: Message = {};
  const extensions: Message[] = [];
  for (const [key, value] of entries(fields)) {
    const converter = converters[key];
    if (converter) result[rename[key] ?? key] = converter(value, `${path}/${key}`);
    else if (key.startsWith('x-')) extensions.push({ name: key, value: any(value) });
    else throw unsupported(path, `keyword ${key}`);
  }
  if (extensions.length > 0) result['vendorExtension'] = extensions;
  return result;
}

function pathItem(value: Json, path: string): Message {
  const converters: Record<string, Converter> = { $ref: string, parameters: parameterItems };
  for (const method of OPERATIONS) converters[method] = operation;
  return convert(object(value, path), path, converters, { $ref: 'ref' });
}

function operation(value: Json, path: string): Message {
  return convert(object(value, path), path, {
    tags: strings,
    summary: string,
    description: string,
    operationId: string,
    produces: strings,
    consumes: strings,
    parameters: parameterItems,
    responses: (v, p) => ({
      responseCode: entries(object(v, p)).map(([code, response]) => ({ name: code, value: responseValue(response, `${p}/${code}`) })),
    }),
    schemes: strings,
    deprecated: boolean,
  });
}

function responseValue(value: Json, path: string): Message {
  const fields = object(value, path);
  if (typeof fields['$ref'] === 'string') return { jsonReference: { ref: fields['$ref'] } };
  return {
    response: convert(fields, path, { description: string, schema: (s, p) => ({ schema: schema(s, p) }) }),
  };
}

function parameterItems(value: Json, path: string): Message[] {
  return array(value, path).map((item, i) => {
    const fields = object(item, `${path}/${i}`);
    if (typeof fields['$ref'] === 'string') return { jsonReference: { ref: fields['$ref'] } };
    return { parameter: parameter(item, `${path}/${i}`) };
  });
}

function parameter(value: Json, path: string): Message {
  const fields = object(value, path);
  const location = fields['in'];
  if (location === 'body') {
    return {
      bodyParameter: convert(fields, path, { ...stringFields('description', 'name', 'in'), required: boolean, schema }),
    };
  }
  const subSchema = convert(fields, path, {
    ...stringFields('in', 'description', 'name', 'type', 'format'),
    required: boolean,
    uniqueItems: boolean,
    default: (v) => any(v),
    enum: (v, p) => array(v, p).map(any),
  });
  if (location === 'query') return { nonBodyParameter: { queryParameterSubSchema: subSchema } };
  if (location === 'path') return { nonBodyParameter: { pathParameterSubSchema: subSchema } };
  throw unsupported(path, `parameter location ${String(location)}`);
}

function namedSchemas(value: Json, path: string): Message[] {
  return entries(object(value, path)).map(([name, s]) => ({ name, value: schema(s, `${path}/${name}`) }));
}

function schema(value: Json, path: string): Message {
  return convert(
    object(value, path),
    path,
    {
      ...stringFields('$ref', 'format', 'title', 'description', 'pattern', 'discriminator'),
      default: (v) => any(v),
      example: (v) => any(v),
      ...numberFields('multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'),
      exclusiveMaximum: boolean,
      exclusiveMinimum: boolean,
      uniqueItems: boolean,
      readOnly: boolean,
      required: strings,
      enum: (v, p) => array(v, p).map(any),
      additionalProperties: (v, p) => (typeof v === 'boolean' ? { boolean: v } : { schema: schema(v, p) }),
      type: (v, p) => ({ value: typeof v === 'string' ? [v] : strings(v, p) }),
      items: (v, p) => ({ schema: Array.isArray(v) ? v.map((s, i) => schema(s, `${p}/${i}`)) : [schema(v, p)] }),
      allOf: (v, p) => array(v, p).map((s, i) => schema(s, `${p}/${i}`)),
      properties: (v, p) => ({ additionalProperties: namedSchemas(v, p) }),
    },
    { $ref: 'ref' },
  );
}

/** A free JSON value as gnostic's Any: its YAML text. */
function any(value: Json): Message {
  return { yaml: `${JSON.stringify(value)}\n` };
}

function stringFields(...names: string[]): Record<string, Converter> {
  return Object.fromEntries(names.map((name) => [name, string]));
}

function numberFields(...names: string[]): Record<string, Converter> {
  return Object.fromEntries(names.map((name) => [name, number]));
}

function entries(value: JsonObject): [string, Json][] {
  return Object.entries(value);
}

function object(value: Json, path: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw unsupported(path, 'a non-object value');
  return value;
}

function array(value: Json, path: string): Json[] {
  if (!Array.isArray(value)) throw unsupported(path, 'a non-array value');
  return value;
}

function string(value: Json, path: string): string {
  if (typeof value !== 'string') throw unsupported(path, 'a non-string value');
  return value;
}

function strings(value: Json, path: string): string[] {
  return array(value, path).map((item, i) => string(item, `${path}/${i}`));
}

function number(value: Json, path: string): number {
  if (typeof value !== 'number') throw unsupported(path, 'a non-number value');
  return value;
}

function boolean(value: Json, path: string): boolean {
  if (typeof value !== 'boolean') throw unsupported(path, 'a non-boolean value');
  return value;
}

function unsupported(path: string, what: string): Error {
  return new Error(`cannot convert the swagger document to protobuf: ${what} at ${path || '/'}`);
}
