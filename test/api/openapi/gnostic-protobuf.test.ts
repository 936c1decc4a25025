import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gnosticDocumentType } from '../../../src/api/openapi/gnostic-v2-schema.js';
import { loadOpenApiDocuments, openApiDirectory } from '../../../src/api/openapi/index.js';
import { type Json, swaggerToGnostic } from '../../../src/api/openapi/swagger-to-gnostic.js';

/** Encodes a swagger document the way /openapi/v2 does for protobuf clients. */
function encode(swagger: Json): string {
  const type = gnosticDocumentType();
  return Buffer.from(type.encode(type.fromObject(swaggerToGnostic(swagger))).finish()).toString('hex');
}

const text = (s: string) => Buffer.from(s).toString('hex');

/**
 * Expected bytes are written out by hand from gnostic's OpenAPIv2.proto field numbers (Document.definitions = 9,
 * Document.paths = 8, Schema.type = 22, Schema.vendor_extension = 31, ...), so a wrong number in our schema fails.
 */
describe('the swagger document as gnostic openapi_v2.Document', () => {
  test.each<[string, Json, string]>([
    ['swagger is field 1', { swagger: '2.0' }, `0a03${text('2.0')}`],
    [
      'a definition is a NamedSchema in Definitions (9), its type a TypeItem in Schema field 22',
      { definitions: { A: { type: 'string' } } },
      `4a12 0a10 0a01${text('A')} 120b b20108 0a06${text('string')}`,
    ],
    [
      'a vendor extension is a NamedAny in Schema field 31 whose value is YAML (here JSON) text',
      { definitions: { A: { 'x-kubernetes-group-version-kind': [{ group: '', kind: 'Pod', version: 'v1' }] } } },
      `4a5a 0a58 0a01${text('A')} 1253 fa0150 0a1f${text('x-kubernetes-group-version-kind')} 122d 122b${text(
        '[{"group":"","kind":"Pod","version":"v1"}]\n',
      )}`,
    ],
    ['an operation is PathItem field 2 inside Paths.path (8/2)', { paths: { '/a': { get: { operationId: 'x' } } } }, `420d 120b 0a02${text('/a')} 1205 1203 2a01${text('x')}`],
    [
      'a query parameter is a QueryParameterSubSchema (3) in NonBodyParameter (2) in Parameter',
      { parameters: { p: { in: 'query', name: 'pretty', type: 'string', uniqueItems: true } } },
      `5225 0a23 0a01${text('p')} 121e 121c 1a1a 1205${text('query')} 2206${text('pretty')} 3206${text('string')} a00101`,
    ],
    [
      'a parameter reference is a JsonReference (2) in ParametersItem, PathItem field 9',
      { paths: { '/a': { parameters: [{ $ref: '#/parameters/p' }] } } },
      `421c 121a 0a02${text('/a')} 1214 4a12 1210 0a0e${text('#/parameters/p')}`,
    ],
  ])('%s', (_name, swagger, hex) => {
    expect(encode(swagger)).toBe(hex.replace(/ /g, ''));
  });

  test('keywords gnostic would not carry are refused, not dropped', () => {
    expect(() => encode({ definitions: { A: { oneOf: [] } } })).toThrow('keyword oneOf at /definitions/A');
    expect(() => encode({ parameters: { h: { in: 'header', name: 'X' } } })).toThrow('parameter location header');
  });

  test('the served document decodes back to every definition, with the kinds kubectl explain looks up', () => {
    const swagger = JSON.parse(readFileSync(join(openApiDirectory(), 'v2.json'), 'utf8')) as { definitions: Record<string, unknown> };
    const decoded = gnosticDocumentType().toObject(gnosticDocumentType().decode(loadOpenApiDocuments().v2Protobuf())) as {
      swagger: string;
      definitions: { additionalProperties: Array<{ name: string; value: { vendorExtension?: Array<{ name: string; value: { yaml: string } }> } }> };
    };
    expect(decoded.swagger).toBe('2.0');
    const names = decoded.definitions.additionalProperties.map((d) => d.name);
    expect(names).toEqual(Object.keys(swagger.definitions));
    const pod = decoded.definitions.additionalProperties.find((d) => d.name === 'io.k8s.api.core.v1.Pod');
    const gvk = pod?.value.vendorExtension?.find((e) => e.name === 'x-kubernetes-group-version-kind');
    expect(JSON.parse(gvk?.value.yaml ?? 'null')).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
  });
});
