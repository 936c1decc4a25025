import { createHash } from 'node:crypto';
import request from 'supertest';
import { gnosticDocumentType } from '../../../src/api/openapi/gnostic-v2-schema.js';
import { clusterOpenApiDocuments, loadOpenApiDocuments } from '../../../src/api/openapi/index.js';
import { loadCluster, ManualClock } from '../../../src/cluster/index.js';
import { NOW, openApiApp } from './openapi-test-app.js';

type Node = Record<string, unknown>;

const PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const sha512 = (body: Buffer | string) => createHash('sha512').update(body).digest('hex').toUpperCase();

function clusterOf(file: string) {
  return loadCluster({ file }, { clock: new ManualClock(NOW.getTime()), now: NOW });
}

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child);
      else refs(child, found);
    }
  }
  return found;
}

const at = (value: unknown, ...path: string[]): unknown => path.reduce<unknown>((node, key) => (node as Node | undefined)?.[key], value);

describe("a cluster's custom resources in /openapi/v2, as apiextensions-apiserver publishes them", () => {
  const app = openApiApp(() => NOW, clusterOf('test/fixtures/good/crd-with-schema.yaml').registry);
  let swagger: Node = {};
  beforeAll(async () => {
    swagger = (await request(app).get('/openapi/v2').expect(200)).body as Node;
  });

  test('names each served version’s kind and list by reversed group, version and kind, marked with them', () => {
    const definitions = swagger['definitions'] as Node;
    for (const [name, kind, version] of [
      ['com.example.stable.v1.CronTab', 'CronTab', 'v1'],
      ['com.example.stable.v1.CronTabList', 'CronTabList', 'v1'],
      ['com.example.stable.v1beta1.CronTab', 'CronTab', 'v1beta1'],
      ['com.example.stable.v1beta1.CronTabList', 'CronTabList', 'v1beta1'],
    ] as const) {
      expect(at(definitions, name, 'x-kubernetes-group-version-kind')).toEqual([{ group: 'stable.example.com', kind, version }]);
    }
    expect(at(definitions, 'com.example.stable.v1.CronTabList', 'properties', 'items', 'items')).toEqual({ $ref: '#/definitions/com.example.stable.v1.CronTab' });
  });

  test('gives the kind TypeMeta, a metadata that refers to ObjectMeta, and its selectable fields', () => {
    const cronTab = at(swagger, 'definitions', 'com.example.stable.v1.CronTab') as Node;
    expect(at(cronTab, 'properties', 'metadata')).toEqual({
      $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
    });
    expect(at(cronTab, 'properties', 'apiVersion', 'type')).toBe('string');
    expect(cronTab['x-kubernetes-selectable-fields']).toEqual([{ fieldPath: 'spec.image' }]);
  });

  test('converts the schema for v2: no nullable, junctors or defaults; untyped where v2 cannot say the type', () => {
    const spec = at(swagger, 'definitions', 'com.example.stable.v1.CronTab', 'properties', 'spec', 'properties') as Node;
    expect(spec['suspendUntil']).toEqual({ description: 'No run starts before this instant, when set.', format: 'date-time' });
    expect(spec['timeout']).toEqual({ description: 'How long a run may take, in seconds or as a duration.', 'x-kubernetes-int-or-string': true });
    expect(spec['template']).toEqual({ description: 'Free-form settings handed to the image.', 'x-kubernetes-preserve-unknown-fields': true });
    expect(spec['replicas']).not.toHaveProperty('default');
    expect(at(swagger, 'definitions', 'com.example.stable.v1.CronTab', 'properties', 'spec', 'x-kubernetes-validations')).toEqual([
      { message: 'image must not be empty', rule: "self.image != ''" },
    ]);
  });

  test.each([
    ['/apis/stable.example.com/v1/crontabs', 'get', 'listStableExampleComV1CronTabForAllNamespaces', 'list'],
    ['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs', 'get', 'listStableExampleComV1NamespacedCronTab', 'list'],
    ['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs', 'post', 'createStableExampleComV1NamespacedCronTab', 'post'],
    ['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs', 'delete', 'deleteStableExampleComV1CollectionNamespacedCronTab', 'deletecollection'],
    ['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}', 'get', 'readStableExampleComV1NamespacedCronTab', 'get'],
    ['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}', 'patch', 'patchStableExampleComV1NamespacedCronTab', 'patch'],
    ['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/status', 'put', 'replaceStableExampleComV1NamespacedCronTabStatus', 'put'],
    ['/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}/scale', 'get', 'readStableExampleComV1NamespacedCronTabScale', 'get'],
    ['/apis/stable.example.com/v1beta1/namespaces/{namespace}/crontabs/{name}', 'get', 'readStableExampleComV1beta1NamespacedCronTab', 'get'],
  ])('%s %s is %s', (path, method, operationId, action) => {
    const operation = at(swagger, 'paths', path, method) as Node;
    expect(operation).toMatchObject({ operationId, 'x-kubernetes-action': action, tags: [expect.stringMatching(/^stableExampleCom_v1(beta1)?$/)] });
    expect(operation['x-kubernetes-group-version-kind']).toMatchObject({ group: 'stable.example.com', kind: 'CronTab' });
  });

  test('a version without subresources has no status or scale paths; a path’s shared parameters sit on it', () => {
    const paths = Object.keys(swagger['paths'] as Node).filter((p) => p.startsWith('/apis/stable.example.com/v1beta1/'));
    expect(paths.sort()).toEqual([
      '/apis/stable.example.com/v1beta1/crontabs',
      '/apis/stable.example.com/v1beta1/namespaces/{namespace}/crontabs',
      '/apis/stable.example.com/v1beta1/namespaces/{namespace}/crontabs/{name}',
    ]);
    expect(at(swagger, 'paths', '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}', 'parameters')).toEqual([
      { description: 'name of the CronTab', in: 'path', name: 'name', required: true, type: 'string', uniqueItems: true },
      { $ref: '#/parameters/namespace-vgWSWtn3' },
      { $ref: '#/parameters/pretty-tJGM1-ng' },
    ]);
  });

  test('every reference resolves inside the merged document', () => {
    for (const ref of refs(swagger)) {
      const [, section = '', name = ''] = ref.split('/');
      expect({ ref, resolves: name in ((swagger[section] ?? {}) as Node) }).toEqual({ ref, resolves: true });
    }
  });

  test('keeps every built-in path and definition as it was', () => {
    const builtin = JSON.parse(loadOpenApiDocuments().v2().body.toString('utf8')) as Node;
    expect(Object.keys(swagger['paths'] as Node)).toEqual(expect.arrayContaining(Object.keys(builtin['paths'] as Node)));
    expect(at(swagger, 'definitions', 'io.k8s.api.core.v1.Pod')).toEqual(at(builtin, 'definitions', 'io.k8s.api.core.v1.Pod'));
    const keys = Object.keys(swagger['definitions'] as Node);
    expect(keys).toEqual([...keys].sort());
  });

  test('encodes as gnostic protobuf, the custom kinds included, with the JSON form’s ETag', async () => {
    const json = await request(app).get('/openapi/v2').expect(200);
    const proto = await request(app).get('/openapi/v2').set('Accept', PROTOBUF).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(proto.headers['etag']).toBe(json.headers['etag']);
    expect(json.headers['etag']).toBe(`"${sha512(json.text)}"`);
    const decoded = gnosticDocumentType().toObject(gnosticDocumentType().decode(proto.body as Buffer)) as { definitions: { additionalProperties: { name: string }[] } };
    expect(decoded.definitions.additionalProperties.map((d) => d.name)).toEqual(expect.arrayContaining(['com.example.stable.v1.CronTab', 'io.k8s.api.core.v1.Pod']));
    await request(app).get('/openapi/v2').set('If-None-Match', String(json.headers['etag'])).expect(304);
  });
});

describe("a cluster's custom resources in /openapi/v3, one document per group version", () => {
  const app = openApiApp(() => NOW, clusterOf('test/fixtures/good/crd-with-schema.yaml').registry);

  test('the index lists them beside the built-in documents, each with the SHA-512 of its bytes', async () => {
    const root = (await request(app).get('/openapi/v3').expect(200)).body as { paths: Record<string, { serverRelativeURL: string }> };
    expect(Object.keys(root.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/stable.example.com/v1', 'apis/stable.example.com/v1beta1']));
    expect(Object.keys(root.paths)).not.toContain('apis/stable.example.com');
    const url = root.paths['apis/stable.example.com/v1']?.serverRelativeURL ?? '';
    const document = await request(app).get(url).expect(200).expect('Cache-Control', 'public, immutable');
    expect(url).toBe(`/openapi/v3/apis/stable.example.com/v1?hash=${sha512(document.text)}`);
    await request(app).get('/openapi/v3/apis/stable.example.com/v1').set('If-None-Match', `"${sha512(document.text)}"`).expect(304);
  });

  test('keeps the schema as the CRD says it, metadata wrapped in allOf, int-or-string spelled out', async () => {
    const document = (await request(app).get('/openapi/v3/apis/stable.example.com/v1').expect(200)).body as Node;
    expect(document['info']).toEqual({ title: 'Kubernetes CRD Swagger', version: 'v0.1.0' });
    const cronTab = at(document, 'components', 'schemas', 'com.example.stable.v1.CronTab');
    expect(at(cronTab, 'properties', 'metadata')).toEqual({
      allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }],
      description: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
    });
    const spec = at(cronTab, 'properties', 'spec', 'properties') as Node;
    expect(spec['timeout']).toMatchObject({ anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true });
    expect(spec['suspendUntil']).toMatchObject({ nullable: true, type: 'string' });
    expect(spec['replicas']).toMatchObject({ default: 1, maximum: 10, minimum: 1 });
  });

  test('operations carry their kind and the patch declares fieldValidation, as kubectl reads them', async () => {
    const document = (await request(app).get('/openapi/v3/apis/stable.example.com/v1').expect(200)).body as Node;
    const patch = at(document, 'paths', '/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}', 'patch') as Node;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'stable.example.com', kind: 'CronTab', version: 'v1' });
    expect(patch['parameters']).toContainEqual(expect.objectContaining({ name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } }));
    expect(Object.keys(at(patch, 'requestBody', 'content') as Node)).toEqual(['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json']);
    const schemas = at(document, 'components', 'schemas') as Node;
    for (const ref of refs(document)) expect(ref.startsWith('#/components/schemas/') && ref.slice(21) in schemas ? ref : `unresolved ${ref}`).toBe(ref);
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['io.k8s.api.autoscaling.v1.Scale', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status']));
  });
});

describe('a cluster without CustomResourceDefinitions', () => {
  test('is served the pre-generated documents themselves: nothing is built for it', () => {
    const registry = clusterOf('test/fixtures/good/mixed.yaml').registry;
    expect(clusterOpenApiDocuments(registry)).toBe(loadOpenApiDocuments());
  });

  test('a kind served without a CRD is published as the least CRD that could define it: objects keeping every field', async () => {
    const cluster = loadCluster({ file: 'test/fixtures/good/custom-resource-without-crd.yaml' }, { clock: new ManualClock(NOW.getTime()), now: NOW, onWarning: () => undefined });
    expect(cluster.registry.types.some((t) => t.origin === 'derived' && t.kind === 'Widget')).toBe(true);
    const app = openApiApp(() => NOW, cluster.registry);
    const root = (await request(app).get('/openapi/v3').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(root.paths).filter((key) => key.includes('example.com'))).toEqual(['apis/example.com/v1']);
    const v3 = (await request(app).get('/openapi/v3/apis/example.com/v1').expect(200)).body as { components: { schemas: Record<string, Node> } };
    expect(v3.components.schemas['com.example.v1.Widget']).toMatchObject({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { apiVersion: {}, kind: {}, metadata: {} } });
    const v2 = (await request(app).get('/openapi/v2').set('accept', 'application/json').expect(200)).body as { definitions: Record<string, Node>; paths: Record<string, unknown> };
    expect(v2.definitions['com.example.v1.Widget']).toEqual({ type: 'object', 'x-kubernetes-group-version-kind': [{ group: 'example.com', kind: 'Widget', version: 'v1' }] });
    expect(Object.keys(v2.paths).filter((path) => path.includes('example.com') && !path.includes('watch'))).toEqual(['/apis/example.com/v1/widgets', '/apis/example.com/v1/widgets/{name}']);
  });
});
