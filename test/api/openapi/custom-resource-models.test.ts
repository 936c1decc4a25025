import { loadCustomResourceBase } from '../../../src/api/openapi/custom-resources/custom-resource-base.js';
import { customResourceModels } from '../../../src/api/openapi/custom-resources/custom-resource-models.js';
import { customResourceRoutes } from '../../../src/api/openapi/custom-resources/custom-resource-routes.js';
import { openApiDirectory } from '../../../src/api/openapi/index.js';
import type { JsonObject } from '../../../src/api/openapi/swagger-to-gnostic.js';
import type { KubeObject, ResourceType } from '../../../src/cluster/index.js';
import { customResourceTypes } from '../../../src/cluster/resources/custom-resources.js';

const base = loadCustomResourceBase(openApiDirectory());

/** The resource of a one-version, cluster-scoped CRD of group widgets.example.com with the given schema. */
function widgets(schema: JsonObject | undefined, subresources: JsonObject = {}): ResourceType {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.widgets.example.com' },
    spec: {
      group: 'widgets.example.com',
      scope: 'Cluster',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [{ name: 'v1', served: true, storage: true, subresources, ...(schema ? { schema: { openAPIV3Schema: schema } } : {}) }],
    },
  } as unknown as KubeObject;
  const [type] = customResourceTypes(crd, () => '');
  if (!type) throw new Error('the CRD defines no resource');
  return type;
}

const GVK = [{ group: 'widgets.example.com', kind: 'Widget', version: 'v1' }];
const kindOf = (type: ResourceType, openApi: 'v2' | 'v3') => customResourceModels(type, base, openApi)['com.example.widgets.v1.Widget'];

describe('the definition of a custom resource kind (builder.go buildKubeNative)', () => {
  test('a version without a schema is a bare object, marked with its kind', () => {
    expect(kindOf(widgets(undefined), 'v2')).toEqual({ type: 'object', 'x-kubernetes-group-version-kind': GVK });
    expect(kindOf(widgets(undefined), 'v3')).toEqual({ type: 'object', 'x-kubernetes-group-version-kind': GVK });
  });

  test('a schema keeping unknown fields at its root is a bare object in v2, and keeps them with TypeMeta in v3', () => {
    const type = widgets({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true });
    expect(kindOf(type, 'v2')).toEqual({ type: 'object', 'x-kubernetes-group-version-kind': GVK });
    expect(kindOf(type, 'v3')).toMatchObject({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { apiVersion: {}, kind: {}, metadata: {} } });
  });

  test('an embedded resource gets apiVersion, kind and metadata, and requires the first two', () => {
    const type = widgets({ type: 'object', properties: { template: { type: 'object', 'x-kubernetes-embedded-resource': true, required: ['spec'], properties: { spec: { type: 'object' } } } } });
    const template = (kindOf(type, 'v3')?.['properties'] as JsonObject)['template'];
    expect(template).toMatchObject({
      required: ['spec', 'kind', 'apiVersion'],
      properties: {
        apiVersion: { type: 'string', description: expect.stringMatching(/^apiVersion defines the versioned schema/) as unknown },
        kind: { type: 'string', description: expect.stringMatching(/^kind is a string value representing the type/) as unknown },
        metadata: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] },
        spec: { type: 'object' },
      },
    });
  });

  test('an embedded resource keeping unknown fields gets nothing in v2, where kubectl would refuse them', () => {
    const type = widgets({ type: 'object', properties: { raw: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } } });
    expect((kindOf(type, 'v2')?.['properties'] as JsonObject)['raw']).toEqual({ 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true });
  });
});

describe('the routes of a cluster-scoped custom resource (builder.go generateBuilder)', () => {
  test('are the collection, the object and its subresources, named without Namespaced', () => {
    const routes = customResourceRoutes(widgets({ type: 'object' }, { status: {} }), base);
    expect(routes.map((r) => `${r.method} ${r.path} ${r.operationId} ${r.description}`)).toEqual([
      'get /apis/widgets.example.com/v1/widgets listWidgetsExampleComV1Widget list objects of kind Widget',
      'post /apis/widgets.example.com/v1/widgets createWidgetsExampleComV1Widget create a Widget',
      'delete /apis/widgets.example.com/v1/widgets deleteWidgetsExampleComV1CollectionWidget delete collection of Widget',
      'get /apis/widgets.example.com/v1/widgets/{name} readWidgetsExampleComV1Widget read the specified Widget',
      'put /apis/widgets.example.com/v1/widgets/{name} replaceWidgetsExampleComV1Widget replace the specified Widget',
      'delete /apis/widgets.example.com/v1/widgets/{name} deleteWidgetsExampleComV1Widget delete a Widget',
      'patch /apis/widgets.example.com/v1/widgets/{name} patchWidgetsExampleComV1Widget partially update the specified Widget',
      'get /apis/widgets.example.com/v1/widgets/{name}/status readWidgetsExampleComV1WidgetStatus read status of the specified Widget',
      'put /apis/widgets.example.com/v1/widgets/{name}/status replaceWidgetsExampleComV1WidgetStatus replace status of the specified Widget',
      'patch /apis/widgets.example.com/v1/widgets/{name}/status patchWidgetsExampleComV1WidgetStatus partially update status of the specified Widget',
    ]);
    expect(routes.flatMap((r) => r.parameters).some((p) => p.name === 'namespace')).toBe(false);
  });

  test('respond as builder.go declares: created and accepted on create, accepted on delete, created on replace', () => {
    const routes = customResourceRoutes(widgets({ type: 'object' }), base);
    const codes = (method: string, path: string) => routes.find((r) => r.method === method && r.path.endsWith(path))?.responses.map(([code]) => code);
    expect(codes('post', '/widgets')).toEqual([200, 201, 202]);
    expect(codes('delete', '/widgets/{name}')).toEqual([200, 202]);
    expect(codes('put', '/widgets/{name}')).toEqual([200, 201]);
    expect(codes('patch', '/widgets/{name}')).toEqual([200]);
  });
});
