import { messageNameOf } from '../../../src/api/protobuf/index.js';
import { encodeObjectMessage } from '../../../src/api/protobuf/object-message.js';
import { RESOURCE_TYPES } from '../../../src/cluster/resources/registry.js';
import { decodeAs } from '../../support/protobuf-decoder.js';

const CORE = 'k8s.io.api.core.v1';
const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

/** Encodes `json` as `message` and reads it back with protobufjs. */
function roundTrip(json: Record<string, unknown>, message: string): Record<string, unknown> {
  return decodeAs(message, encodeObjectMessage(json, message));
}

describe('an object written as its protobuf message', () => {
  test('writes fields in field-number order, as gogo-protobuf does, whatever the JSON order', () => {
    // ObjectMeta: name (1) "a", namespace (3) "b"; generateName (2) absent.
    expect(Buffer.from(encodeObjectMessage({ namespace: 'b', name: 'a' }, `${META}.ObjectMeta`)).toString('hex')).toBe('0a0161' + '1a0162');
  });

  test('a Time is whole seconds since the epoch, whatever the offset; a MicroTime keeps microseconds', () => {
    const meta = roundTrip({ name: 'x', creationTimestamp: '2024-05-01T12:00:00+02:00', deletionTimestamp: '2024-05-01T10:00:01Z' }, `${META}.ObjectMeta`);
    expect(meta['creationTimestamp']).toEqual({ seconds: 1714557600, nanos: 0 });
    expect(meta['deletionTimestamp']).toEqual({ seconds: 1714557601, nanos: 0 });
    const event = roundTrip({ eventTime: '2024-05-01T10:00:00.123456Z' }, `${CORE}.Event`);
    expect(event['eventTime']).toEqual({ seconds: 1714557600, nanos: 123456000 });
  });

  test('quantities are their canonical text (Quantity.String); ints-or-strings carry their type; JSON-inlined structs are gathered into their field', () => {
    const pod = roundTrip(
      {
        spec: {
          volumes: [{ name: 'config', configMap: { name: 'settings', defaultMode: 420 } }],
          containers: [
            {
              name: 'web',
              resources: { limits: { cpu: '500m', memory: 64 }, requests: { memory: '1024Mi' } },
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
              livenessProbe: { tcpSocket: { port: 8080 } },
            },
          ],
        },
      },
      `${CORE}.Pod`,
    );
    const spec = pod['spec'] as { volumes: unknown[]; containers: Record<string, unknown>[] };
    expect(spec.volumes).toEqual([{ name: 'config', volumeSource: { configMap: { localObjectReference: { name: 'settings' }, defaultMode: 420 } } }]);
    const [web] = spec.containers;
    expect(web?.['resources']).toEqual({ limits: { cpu: { string: '500m' }, memory: { string: '64' } }, requests: { memory: { string: '1Gi' } } });
    expect(web?.['readinessProbe']).toEqual({ handler: { httpGet: { path: '/healthz', port: { type: 1, intVal: 0, strVal: 'http' } } }, periodSeconds: 5 });
    expect(web?.['livenessProbe']).toEqual({ handler: { tcpSocket: { port: { type: 0, intVal: 8080, strVal: '' } } } });
  });

  test('base64 text is bytes; RawExtension and FieldsV1 carry their JSON; a named string list is its items', () => {
    const secret = roundTrip({ data: { greeting: Buffer.from('hello').toString('base64') } }, `${CORE}.Secret`);
    expect((secret['data'] as Record<string, Buffer>)['greeting']?.toString()).toBe('hello');
    const revision = roundTrip({ data: { spec: { replicas: 2 } }, revision: 3 }, 'k8s.io.api.apps.v1.ControllerRevision');
    expect((revision['data'] as { raw: Buffer }).raw.toString()).toBe('{"spec":{"replicas":2}}');
    expect(revision['revision']).toBe(3);
    const meta = roundTrip({ managedFields: [{ manager: 'kubectl', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } }] }, `${META}.ObjectMeta`);
    expect(meta['managedFields']).toEqual([{ manager: 'kubectl', fieldsType: 'FieldsV1', fieldsV1: { Raw: Buffer.from('{"f:metadata":{}}') } }]);
    const csr = roundTrip({ spec: { extra: { scopes: ['a', 'b'] }, usages: ['digital signature'] } }, 'k8s.io.api.certificates.v1.CertificateSigningRequest');
    expect(csr['spec']).toEqual({ extra: { scopes: { items: ['a', 'b'] } }, usages: ['digital signature'] });
  });

  test('a field whose generated name differs from its JSON name in case is written under its number', () => {
    // IngressClassParametersReference.apiGroup is `aPIGroup` in generated.proto, field 1.
    expect(Buffer.from(encodeObjectMessage({ apiGroup: 'k8s.example.com' }, 'k8s.io.api.networking.v1.IngressClassParametersReference')).subarray(0, 2).toString('hex')).toBe(
      '0a0f',
    );
  });

  test('what no field names, null, and values a typed object could not hold are left out', () => {
    const meta = roundTrip({ name: 'x', unknownField: 'y', labels: null, generation: 'many', uid: 7 }, `${META}.ObjectMeta`);
    expect(meta).toEqual({ name: 'x' });
  });

  test('metrics windows are Go durations, in nanoseconds', () => {
    const metrics = roundTrip({ window: '10.5s', timestamp: '2024-05-01T10:00:00Z', usage: { cpu: '1m' } }, 'k8s.io.metrics.pkg.apis.metrics.v1beta1.NodeMetrics');
    expect(metrics['window']).toEqual({ duration: 10_500_000_000 });
    expect(metrics['usage']).toEqual({ cpu: { string: '1m' } });
  });
});

describe('the message of each kind', () => {
  test('every built-in kind the registry serves has one, its list kind too, but for the aggregator and apiextensions kinds', () => {
    const builtin = RESOURCE_TYPES.filter((type) => type.origin === 'builtin' && type.verbs.includes('get'));
    const apiVersion = (group: string, version: string) => (group === '' ? version : `${group}/${version}`);
    const without = builtin.filter((type) => messageNameOf(apiVersion(type.group, type.version), type.kind) === undefined).map((type) => `${type.group}/${type.kind}`);
    expect(without.sort()).toEqual(['apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService']);
    const withoutList = builtin.filter(
      (type) => messageNameOf(apiVersion(type.group, type.version), type.kind) !== undefined && messageNameOf(apiVersion(type.group, type.version), type.listKind) === undefined,
    );
    expect(withoutList).toEqual([]);
  });

  test("meta/v1's kinds are every group version's (Status, WatchEvent), as metav1.AddToGroupVersion registers them", () => {
    expect(messageNameOf('v1', 'Status')).toBe(`${META}.Status`);
    expect(messageNameOf('apps/v1', 'Status')).toBe(`${META}.Status`);
    expect(messageNameOf('v1', 'Pod')).toBe(`${CORE}.Pod`);
    expect(messageNameOf('rbac.authorization.k8s.io/v1', 'ClusterRole')).toBe('k8s.io.api.rbac.v1.ClusterRole');
    expect(messageNameOf('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema')).toBe('k8s.io.api.flowcontrol.v1.FlowSchema');
    expect(messageNameOf('internal.apiserver.k8s.io/v1alpha1', 'StorageVersion')).toBe('k8s.io.api.apiserverinternal.v1alpha1.StorageVersion');
    expect(messageNameOf('metrics.k8s.io/v1beta1', 'PodMetrics')).toBe('k8s.io.metrics.pkg.apis.metrics.v1beta1.PodMetrics');
    expect(messageNameOf('stable.example.com/v1', 'CronTab')).toBeUndefined();
  });
});
