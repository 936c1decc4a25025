import {
  decodeEnvelope,
  decodeMessage,
  encodeEnvelope,
  encodeMessage,
  type MessageSchema,
  NOT_MARKED_MESSAGE,
  ProtobufDecodeError,
  SELF_SUBJECT_ACCESS_REVIEW,
} from '../../../src/api/protobuf/index.js';

describe('the protobuf codec for review bodies', () => {
  test('a review round-trips through the schema, keeping the JSON field names', () => {
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
    expect(decodeMessage(encodeMessage(review, SELF_SUBJECT_ACCESS_REVIEW), SELF_SUBJECT_ACCESS_REVIEW)).toEqual(review);
  });

  test('fields the schema does not name are skipped, whatever their wire type', () => {
    const schema: MessageSchema = { 2: { name: 'kept', type: 'string' } };
    // field 1 varint 150, field 2 "hi", field 3 fixed32, field 4 fixed64, field 5 bytes
    const bytes = Buffer.from('089601' + '12026869' + '1d01020304' + '210102030405060708' + '2a0100', 'hex');
    expect(decodeMessage(bytes, schema)).toEqual({ kept: 'hi' });
  });

  test('a field with the wrong wire type, or a truncated message, is a decode error', () => {
    const schema: MessageSchema = { 1: { name: 'text', type: 'string' } };
    expect(() => decodeMessage(Buffer.from('0801', 'hex'), schema)).toThrow(ProtobufDecodeError);
    expect(() => decodeMessage(Buffer.from('0a05ab', 'hex'), schema)).toThrow(ProtobufDecodeError);
  });

  test('the envelope carries typeMeta and raw bytes', () => {
    const raw = Uint8Array.from([1, 2, 3]);
    const envelope = decodeEnvelope(encodeEnvelope('authentication.k8s.io/v1', 'SelfSubjectReview', raw));
    expect(envelope).toEqual({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', raw, contentEncoding: '', contentType: '' });
  });

  test('a body without the k8s\\0 prefix is refused with upstream wording', () => {
    expect(() => decodeEnvelope(Buffer.from('{"kind":"x"}'))).toThrow(NOT_MARKED_MESSAGE);
  });
});
