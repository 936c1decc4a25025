import { toOpenApiV2 } from '../../../src/api/openapi/custom-resources/openapi-v2-schema.js';
import { operationIdAndTag } from '../../../src/api/openapi/custom-resources/operation-ids.js';
import { publishedSchema } from '../../../src/api/openapi/custom-resources/structural-schema.js';
import { wrapRefs } from '../../../src/api/openapi/custom-resources/wrap-refs.js';
import type { JsonObject } from '../../../src/api/openapi/swagger-to-gnostic.js';

const INT_OR_STRING = [{ type: 'integer' }, { type: 'string' }];
const MIN = { minimum: 42 };

/** The x-kubernetes-int-or-string cases of apiextensions-apiserver's builder_test.go TestNewBuilder. */
describe('an int-or-string property, as v3 (unfolded) and v2 (converted) publish it', () => {
  test.each<[string, JsonObject, JsonObject]>([
    ['anyOf already integer or string', { anyOf: INT_OR_STRING }, { anyOf: INT_OR_STRING }],
    ['the first allOf already says it', { allOf: [{ anyOf: INT_OR_STRING }, { anyOf: [MIN] }] }, { allOf: [{ anyOf: INT_OR_STRING }, { anyOf: [MIN] }] }],
    ['an anyOf of its own: a first allOf is added', { anyOf: [MIN] }, { allOf: [{ anyOf: INT_OR_STRING }], anyOf: [MIN] }],
    ['an anyOf and an allOf of its own', { anyOf: [MIN], allOf: [MIN] }, { allOf: [{ anyOf: INT_OR_STRING }, MIN], anyOf: [MIN] }],
    ['nothing else: the anyOf is added', {}, { anyOf: INT_OR_STRING }],
  ])('%s', (_name, given, v3) => {
    const schema = { type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true, ...given } } };
    const published = publishedSchema(schema);
    expect(published['properties']).toEqual({ port: { 'x-kubernetes-int-or-string': true, ...v3 } });
    expect(toOpenApiV2(published)['properties']).toEqual({ port: { 'x-kubernetes-int-or-string': true } });
  });
});

/** apiextensions-apiserver pkg/controller/openapi/v2/conversion.go ToStructuralOpenAPIV2. */
describe('a schema converted for OpenAPI v2', () => {
  test.each<[string, JsonObject, JsonObject]>([
    ['junctors are dropped', { type: 'string', oneOf: [{ pattern: 'a' }], not: { pattern: 'b' } }, { type: 'string' }],
    [
      'a nullable schema loses its type, items and properties',
      { type: 'object', nullable: true, properties: { a: { type: 'string' } }, description: 'd' },
      { description: 'd' },
    ],
    [
      'a schema keeping unknown fields loses its properties, and its type when object',
      { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
      { 'x-kubernetes-preserve-unknown-fields': true },
    ],
    ['an array without items loses its type', { type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'string' } }, { 'x-kubernetes-preserve-unknown-fields': true }],
    [
      'a nullable property is not required',
      { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string', nullable: true }, b: { type: 'string' } } },
      { type: 'object', required: ['b'], properties: { a: {}, b: { type: 'string' } } },
    ],
    [
      'no property is required when additional ones may be null',
      { type: 'object', required: ['a'], properties: { a: { type: 'string' } }, additionalProperties: { type: 'string', nullable: true } },
      { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: {} },
    ],
  ])('%s', (_name, schema, expected) => {
    expect(toOpenApiV2(publishedSchema(schema))).toEqual(expected);
  });
});

describe('a CRD schema read as a structural one', () => {
  test('keeps what a structural schema says and drops the rest', () => {
    const schema = {
      type: 'object',
      example: { a: 1 },
      externalDocs: { url: 'https://example.com' },
      nullable: false,
      'x-kubernetes-preserve-unknown-fields': false,
      'x-kubernetes-list-map-keys': [],
      properties: { a: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set', default: [] } },
    };
    expect(publishedSchema(schema)).toEqual({
      type: 'object',
      properties: { a: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set', default: [] } },
    });
  });

  test('drops a keyword whose value has the wrong type, which apiextensions would have refused', () => {
    const schema = { type: 'object', maxProperties: '3', required: 'a', properties: { a: { type: 'string', maxLength: 5, enum: 'x' } } } as JsonObject;
    expect(publishedSchema(schema)).toEqual({ type: 'object', properties: { a: { type: 'string', maxLength: 5 } } });
  });
});

describe('v3 references with siblings', () => {
  test('are wrapped in allOf beside them, at any depth; bare references stay', () => {
    const meta = '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
    expect(wrapRefs({ properties: { metadata: { $ref: meta, description: 'm' }, items: { items: { $ref: meta } } } })).toEqual({
      properties: { metadata: { allOf: [{ $ref: meta }], description: 'm' }, items: { items: { $ref: meta } } },
    });
  });
});

/** apiserver pkg/endpoints/openapi GetOperationIDAndTags and ToValidOperationID. */
describe('operation ids and tags', () => {
  test.each([
    ['listNamespacedCronTab', '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs', 'listStableExampleComV1NamespacedCronTab', 'stableExampleCom_v1'],
    ['deletecollectionNamespacedCronTab', '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs', 'deleteStableExampleComV1CollectionNamespacedCronTab', 'stableExampleCom_v1'],
    ['listCronTabForAllNamespaces', '/apis/stable.example.com/v1beta1/crontabs', 'listStableExampleComV1beta1CronTabForAllNamespaces', 'stableExampleCom_v1beta1'],
    ['readWidgetStatus', '/apis/widgets.k8s.io/v1/widgets/{name}/status', 'readWidgetsV1WidgetStatus', 'widgets_v1'],
    ['createNamespacedThing', '/apis/my-group.example.io/v2alpha1/namespaces/{namespace}/things', 'createMyGroupExampleIoV2alpha1NamespacedThing', 'myGroupExampleIo_v2alpha1'],
  ])('%s on %s is %s, tagged %s', (operation, path, operationId, tag) => {
    expect(operationIdAndTag(operation, path)).toEqual({ operationId, tag });
  });
});
