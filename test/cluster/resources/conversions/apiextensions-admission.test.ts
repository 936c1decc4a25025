import { served } from './convert.js';

const schema = {
  openAPIV3Schema: {
    type: 'object',
    properties: {
      spec: { type: 'object', properties: { size: { type: 'integer', default: null, example: 3 }, default: { type: 'string', default: 'x' } } },
      tags: { type: 'array', items: { type: 'string', example: null } },
    },
  },
};
const cleanSchema = {
  openAPIV3Schema: {
    type: 'object',
    properties: {
      spec: { type: 'object', properties: { size: { type: 'integer', example: 3 }, default: { type: 'string', default: 'x' } } },
      tags: { type: 'array', items: { type: 'string' } },
    },
  },
};

describe('apiextensions.k8s.io/v1beta1 CustomResourceDefinition is served at v1', () => {
  test('spec-wide validation, subresources and columns move into every version; JSONPath becomes jsonPath; unknown fields stay preserved', () => {
    const out = served({
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        version: 'v1',
        names: { plural: 'widgets', kind: 'Widget' },
        versions: [
          { name: 'v1', served: true, storage: true },
          { name: 'v1alpha1', served: true, storage: false },
        ],
        validation: schema,
        subresources: { status: {} },
        additionalPrinterColumns: [{ name: 'Size', type: 'integer', JSONPath: '.spec.size', priority: 0 }],
      },
    });
    const version = (name: string, storage: boolean): Record<string, unknown> => ({
      name,
      served: true,
      storage,
      schema: cleanSchema,
      subresources: { status: {} },
      additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size', priority: 0 }],
    });
    expect(out).toStrictEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { plural: 'widgets', kind: 'Widget', singular: 'widget', listKind: 'WidgetList' },
        versions: [version('v1', true), version('v1alpha1', false)],
        scope: 'Namespaced',
        conversion: { strategy: 'None' },
        preserveUnknownFields: true,
      },
      status: { storedVersions: ['v1'] },
    });
  });

  test('a CRD with only spec.version gets one served, stored version; explicit preserveUnknownFields false is omitted', () => {
    const out = served({
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'gadgets.example.com' },
      spec: {
        group: 'example.com',
        version: 'v2',
        scope: 'Cluster',
        names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
        preserveUnknownFields: false,
      },
      status: { storedVersions: ['v2'], conditions: [] },
    });
    expect(out['spec']).toStrictEqual({
      group: 'example.com',
      scope: 'Cluster',
      names: { plural: 'gadgets', singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' },
      versions: [{ name: 'v2', served: true, storage: true }],
      conversion: { strategy: 'None' },
    });
    expect(out['status']).toStrictEqual({ storedVersions: ['v2'], conditions: [] });
  });

  test('per-version columns are renamed too, and webhook conversion settings move under conversion.webhook', () => {
    const out = served({
      apiVersion: 'apiextensions.k8s.io/v1beta1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'w.example.com' },
      spec: {
        group: 'example.com',
        names: { plural: 'w', kind: 'W' },
        versions: [
          { name: 'v1', served: true, storage: true, additionalPrinterColumns: [{ name: 'Age', type: 'date', JSONPath: '.metadata.creationTimestamp' }] },
        ],
        conversion: { strategy: 'Webhook', webhookClientConfig: { service: { namespace: 'ns', name: 'conv', path: '/convert' }, caBundle: 'Cg==' } },
      },
    });
    const spec = out['spec'] as Record<string, unknown>;
    expect(spec['versions']).toStrictEqual([
      { name: 'v1', served: true, storage: true, additionalPrinterColumns: [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }] },
    ]);
    expect(spec['conversion']).toStrictEqual({
      strategy: 'Webhook',
      webhook: {
        clientConfig: { service: { namespace: 'ns', name: 'conv', path: '/convert', port: 443 }, caBundle: 'Cg==' },
        conversionReviewVersions: ['v1beta1'],
      },
    });
  });
});

describe('admissionregistration.k8s.io/v1beta1 webhook configurations are served at v1 with the laxer v1beta1 defaults explicit', () => {
  const webhook = {
    name: 'check.example.com',
    clientConfig: { service: { namespace: 'ns', name: 'hook' } },
    rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
  };
  const defaults = {
    failurePolicy: 'Ignore',
    matchPolicy: 'Exact',
    namespaceSelector: {},
    objectSelector: {},
    sideEffects: 'Unknown',
    timeoutSeconds: 30,
  };
  const clientConfig = { service: { namespace: 'ns', name: 'hook', port: 443 } };
  const rules = [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], scope: '*' }];

  test.each<[string, Record<string, unknown>]>([
    ['ValidatingWebhookConfiguration', { ...webhook, clientConfig, rules, ...defaults, admissionReviewVersions: ['v1beta1'] }],
    ['MutatingWebhookConfiguration', { ...webhook, clientConfig, rules, ...defaults, reinvocationPolicy: 'Never', admissionReviewVersions: ['v1beta1'] }],
  ])('%s', (kind, expected) => {
    const out = served({ apiVersion: 'admissionregistration.k8s.io/v1beta1', kind, metadata: { name: 'hooks' }, webhooks: [webhook] });
    expect(out).toStrictEqual({ apiVersion: 'admissionregistration.k8s.io/v1', kind, metadata: { name: 'hooks' }, webhooks: [expected] });
  });

  test('given values win over the defaults', () => {
    const given = { ...webhook, failurePolicy: 'Fail', sideEffects: 'None', timeoutSeconds: 5, admissionReviewVersions: ['v1', 'v1beta1'] };
    const out = served({
      apiVersion: 'admissionregistration.k8s.io/v1beta1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: { name: 'h' },
      webhooks: [given],
    });
    expect((out['webhooks'] as Record<string, unknown>[])[0]).toMatchObject({
      failurePolicy: 'Fail',
      sideEffects: 'None',
      timeoutSeconds: 5,
      admissionReviewVersions: ['v1', 'v1beta1'],
      matchPolicy: 'Exact',
    });
  });
});
