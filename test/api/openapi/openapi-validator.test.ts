import { expectMatchesOwnKind, expectMatchesSchema, schemaForKind } from '../../support/openapi-validator.js';

const POD = 'io.k8s.api.core.v1.Pod';
const TABLE = 'io.k8s.apimachinery.pkg.apis.meta.v1.Table';

function pod(overrides: { container?: object; metadata?: object; spec?: object; status?: object } = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', creationTimestamp: '2025-06-01T12:00:00Z', labels: { app: 'web' }, ...overrides.metadata },
    spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], ...overrides.container }], ...overrides.spec },
    status: { phase: 'Running', containerStatuses: [{ name: 'web', image: 'nginx', imageID: '', ready: true, restartCount: 0 }], ...overrides.status },
  };
}

function table(object: unknown): object {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '7' },
    columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 }],
    rows: [{ cells: ['web-1'], object }],
  };
}

describe('expectMatchesSchema', () => {
  test.each<[string, unknown, string]>([
    ['a well-formed Pod', pod(), POD],
    ['a zero creationTimestamp, which Go writes as null', pod({ metadata: { creationTimestamp: null } }), POD],
    ['an int-or-string holding a number', { spec: { ports: [{ port: 80, targetPort: 8080 }] } }, 'io.k8s.api.core.v1.Service'],
    ['an int-or-string holding a name', { spec: { ports: [{ port: 80, targetPort: 'http' }] } }, 'io.k8s.api.core.v1.Service'],
    ['free-form maps (labels) with any keys', pod({ metadata: { labels: { 'app.kubernetes.io/name': 'web' } } }), POD],
    ['a Table whose row embeds its Pod', table(pod()), TABLE],
    ['a Table row without its object (includeObject=None)', table(null), TABLE],
    ['a Status', { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'm', reason: 'NotFound', code: 404 }, 'io.k8s.apimachinery.pkg.apis.meta.v1.Status'],
  ])('accepts %s', (_name, body, definition) => {
    expect(() => expectMatchesSchema(body, definition)).not.toThrow();
  });

  test.each<[string, unknown, string, string]>([
    ['a misspelt property', pod({ container: { imagee: 'x' } }), POD, '/spec/containers/0/imagee: property not declared'],
    ['a misspelt status field', pod({ status: { containerStatuses: [{ name: 'web', image: 'n', imageID: '', ready: true, restartcount: 0 }] } }), POD, 'restartcount: property not declared'],
    ['a wrong type', pod({ status: { containerStatuses: [{ name: 'web', image: 'n', imageID: '', ready: 'yes', restartCount: 0 }] } }), POD, '/status/containerStatuses/0/ready: must be boolean'],
    ['a missing required field', pod({ container: { name: undefined } }), POD, "must have required property 'name'"],
    ['null where Go never writes it', pod({ spec: { nodeName: null } }), POD, '/spec/nodeName: must be string'],
    ['a malformed timestamp', pod({ metadata: { creationTimestamp: 'yesterday' } }), POD, '/metadata/creationTimestamp: must match format "date-time"'],
    ['an int32 out of range', { spec: { replicas: 2 ** 31 } }, 'io.k8s.api.apps.v1.Deployment', '/spec/replicas: must match format "int32"'],
    ['a typo inside an object embedded in a Table row', table(pod({ spec: { nodename: 'n1' } })), TABLE, '/rows/0/object/spec/nodename: property not declared'],
    ['a Table without rows', { kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: [] }, TABLE, "must have required property 'rows'"],
  ])('rejects %s', (_name, body, definition, problem) => {
    expect(() => expectMatchesSchema(JSON.parse(JSON.stringify(body)), definition)).toThrow(problem);
  });

  test('names an unknown definition', () => {
    expect(() => expectMatchesSchema({}, 'io.k8s.api.core.v1.Nope')).toThrow('no OpenAPI definition named io.k8s.api.core.v1.Nope');
  });
});

describe('schemaForKind', () => {
  test.each([
    ['v1', 'Pod', POD],
    ['v1', 'PodList', 'io.k8s.api.core.v1.PodList'],
    ['apps/v1', 'Deployment', 'io.k8s.api.apps.v1.Deployment'],
    ['coordination.k8s.io/v1', 'Lease', 'io.k8s.api.coordination.v1.Lease'],
    ['v1', 'Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status'],
    ['v1', 'APIResourceList', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList'],
    ['meta.k8s.io/v1', 'Table', TABLE],
    ['meta.k8s.io/v1', 'PartialObjectMetadataList', 'io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadataList'],
    ['apidiscovery.k8s.io/v2', 'APIGroupDiscoveryList', 'io.k8s.api.apidiscovery.v2.APIGroupDiscoveryList'],
    ['metrics.k8s.io/v1beta1', 'PodMetrics', 'io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics'],
  ])('%s %s is %s', (apiVersion, kind, definition) => {
    expect(schemaForKind(apiVersion, kind)).toBe(definition);
  });

  test('refuses a kind nobody defines', () => {
    expect(() => schemaForKind('apps/v1', 'Pod')).toThrow('no OpenAPI definition for apps/v1 Pod');
  });

  test('expectMatchesOwnKind checks a body against the schema of its apiVersion and kind', () => {
    expect(() => expectMatchesOwnKind(pod())).not.toThrow();
    expect(() => expectMatchesOwnKind({ ...pod(), kind: 'Node', spec: { containers: [] } })).toThrow('/spec/containers: property not declared');
  });
});
