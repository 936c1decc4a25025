import {
  decodeEnvelope,
  decodeObjectMessage,
  encodeEnvelope,
  encodeObjectMessage,
  NOT_MARKED_MESSAGE,
  ProtobufDecodeError,
} from '../../../src/api/protobuf/index.js';

const SELF_SUBJECT_ACCESS_REVIEW = 'k8s.io.api.authorization.v1.SelfSubjectAccessReview';

describe('the protobuf codec of Kubernetes messages', () => {
  test('a review round-trips, keeping the JSON field names', () => {
    const review = {
      metadata: { name: 'x', labels: { a: '1', b: '2' } },
      spec: {
        resourceAttributes: {
          namespace: 'default',
          verb: 'list',
          resource: 'pods',
          labelSelector: { rawSelector: 'app=web', requirements: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
        },
      },
      status: { allowed: true, reason: 'because' },
    };
    expect(decodeObjectMessage(encodeObjectMessage(review, SELF_SUBJECT_ACCESS_REVIEW), SELF_SUBJECT_ACCESS_REVIEW)).toEqual(review);
  });

  test("apimachinery's own types come back in their JSON form", () => {
    const pod = {
      metadata: { name: 'p', creationTimestamp: '2024-05-01T10:00:00Z', managedFields: [{ manager: 'm', fieldsV1: { 'f:spec': {} } }] },
      spec: {
        volumes: [{ name: 'v', configMap: { name: 'cm' } }],
        containers: [{ name: 'c', resources: { limits: { cpu: '1' } }, livenessProbe: { httpGet: { port: 'http' } }, readinessProbe: { tcpSocket: { port: 80 } } }],
      },
    };
    expect(decodeObjectMessage(encodeObjectMessage(pod, 'k8s.io.api.core.v1.Pod'), 'k8s.io.api.core.v1.Pod')).toEqual(pod);
    const event = { eventTime: '2024-05-01T10:00:00.123456Z', series: { count: 2, lastObservedTime: '2024-05-01T10:00:05.000001Z' } };
    expect(decodeObjectMessage(encodeObjectMessage(event, 'k8s.io.api.events.v1.Event'), 'k8s.io.api.events.v1.Event')).toEqual(event);
    const csr = { spec: { request: Buffer.from('pem').toString('base64'), extra: { scopes: ['a'] }, expirationSeconds: 600 } };
    const message = 'k8s.io.api.certificates.v1.CertificateSigningRequest';
    expect(decodeObjectMessage(encodeObjectMessage(csr, message), message)).toEqual(csr);
    const metrics = { window: '1m30s', usage: { memory: '1Gi' } };
    const nodeMetrics = 'k8s.io.metrics.pkg.apis.metrics.v1beta1.NodeMetrics';
    expect(decodeObjectMessage(encodeObjectMessage(metrics, nodeMetrics), nodeMetrics)).toEqual(metrics);
  });

  test('fields the message does not name are skipped, whatever their wire type', () => {
    // TypeMeta: field 1 apiVersion "v1"; fields 3 varint, 4 fixed32, 5 fixed64 and 6 bytes are unknown.
    const bytes = Buffer.from('0a027631' + '189601' + '2501020304' + '290102030405060708' + '320100', 'hex');
    expect(decodeObjectMessage(bytes, 'k8s.io.apimachinery.pkg.runtime.TypeMeta')).toEqual({ apiVersion: 'v1' });
  });

  test('a field with the wrong wire type, or a truncated message, is a decode error', () => {
    expect(() => decodeObjectMessage(Buffer.from('0801', 'hex'), 'k8s.io.apimachinery.pkg.runtime.TypeMeta')).toThrow(ProtobufDecodeError);
    expect(() => decodeObjectMessage(Buffer.from('0a05ab', 'hex'), 'k8s.io.apimachinery.pkg.runtime.TypeMeta')).toThrow(ProtobufDecodeError);
  });

  test('the envelope carries typeMeta and raw bytes', () => {
    const raw = Uint8Array.from([1, 2, 3]);
    const envelope = decodeEnvelope(encodeEnvelope('authentication.k8s.io/v1', 'SelfSubjectReview', raw));
    expect(envelope).toEqual({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', raw: Buffer.from(raw), contentEncoding: '', contentType: '' });
  });

  test('a body without the k8s\\0 prefix is refused with upstream wording', () => {
    expect(() => decodeEnvelope(Buffer.from('{"kind":"x"}'))).toThrow(NOT_MARKED_MESSAGE);
  });
});
