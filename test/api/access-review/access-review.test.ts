import express from 'express';
import request from 'supertest';
import { createAccessReviewRouter } from '../../../src/api/access-review/index.js';
import { errorHandler } from '../../../src/api/errors/error-handler.js';
import { forbidWrites } from '../../../src/api/forbidden.js';
import { encodeEnvelope, encodeObjectMessage } from '../../../src/api/protobuf/index.js';

const SELF_SUBJECT_ACCESS_REVIEW = 'k8s.io.api.authorization.v1.SelfSubjectAccessReview';
const SELF_SUBJECT_RULES_REVIEW = 'k8s.io.api.authorization.v1.SelfSubjectRulesReview';
const SELF_SUBJECT_REVIEW = 'k8s.io.api.authentication.v1.SelfSubjectReview';
import { ManualClock } from '../../../src/cluster/index.js';
import { binaryBody, decodeBody, PROTOBUF, TYPED_CLIENT_ACCEPT } from '../../support/protobuf-decoder.js';

const SSAR = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
const SSRR = '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews';
const KUBECTL_ACCEPT = TYPED_CLIENT_ACCEPT;

const clock = new ManualClock(Date.parse('2026-01-01T12:00:00.250Z'));
const app = express()
  .use(forbidWrites())
  .use(createAccessReviewRouter({ clock }))
  .use(errorHandler({ error: () => undefined }));

const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');

/** `kubectl auth can-i create pods` from kubectl 1.33, byte for byte as observed (reference §13.3). */
const OBSERVED_CAN_I_CREATE_PODS = Buffer.from(
  [
    '6b387300',
    '0a32',
    '0a17',
    hex('authorization.k8s.io/v1'),
    '1217',
    hex('SelfSubjectAccessReview'),
    '123f',
    '0a10',
    '0a00',
    '1200',
    '1a00',
    '2200',
    '2a00',
    '3200',
    '3800',
    '4200', // empty ObjectMeta, zero values written
    '1221',
    '0a1f',
    '0a07',
    hex('default'),
    '1206',
    hex('create'),
    '1a00',
    '2200',
    '2a04',
    hex('pods'),
    '3200',
    '3a00',
    '1a08',
    '0800',
    '1200',
    '1a00',
    '2000', // empty status
    '1a00',
    '2200',
  ].join(''),
  'hex',
);

/** The same shape from our own encoder, for any attributes. */
function protobufAccessReview(spec: Record<string, unknown>): Buffer {
  const raw = encodeObjectMessage({ metadata: {}, spec, status: { allowed: false } }, SELF_SUBJECT_ACCESS_REVIEW);
  return Buffer.from(encodeEnvelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', raw));
}

const jsonReview = (spec: object): string =>
  JSON.stringify({
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status: { allowed: false },
  });

describe('SelfSubjectAccessReview', () => {
  test('the observed kubectl 1.33 protobuf body of `auth can-i create pods` is decoded and refused, in protobuf as kubectl prefers', async () => {
    const res = await request(app)
      .post(SSAR)
      .set('Content-Type', PROTOBUF)
      .set('Accept', KUBECTL_ACCEPT)
      .send(OBSERVED_CAN_I_CREATE_PODS)
      .buffer(true)
      .parse(binaryBody)
      .expect(201);
    expect(res.headers['content-type']).toBe(PROTOBUF);
    const answer = decodeBody(res.body as Buffer, 'k8s.io.api.authorization.v1.SelfSubjectAccessReview');
    expect(answer).toMatchObject({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview' });
    expect(answer.object).toEqual({
      metadata: {},
      spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } },
      status: { allowed: false },
    });
  });

  test('the same body answered in JSON to a client that prefers it', async () => {
    const res = await request(app).post(SSAR).set('Content-Type', PROTOBUF).set('Accept', 'application/json').send(OBSERVED_CAN_I_CREATE_PODS).expect(201);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } },
      status: { allowed: false },
    });
  });

  test('our encoder writes the observed envelope and spec bytes for the same review', () => {
    const encoded = protobufAccessReview({
      resourceAttributes: { namespace: 'default', verb: 'create', group: '', version: '', resource: 'pods', subresource: '', name: '' },
    }).toString('hex');
    const typeMeta = `6b3873000a320a17${hex('authorization.k8s.io/v1')}1217${hex('SelfSubjectAccessReview')}`;
    const spec = `12210a1f0a07${hex('default')}1206${hex('create')}1a0022002a04${hex('pods')}32003a00`;
    expect(encoded.startsWith(typeMeta)).toBe(true);
    expect(encoded).toContain(spec);
    expect(encoded.endsWith('1a002200')).toBe(true);
    expect(OBSERVED_CAN_I_CREATE_PODS.toString('hex')).toContain(spec);
  });

  test.each([
    ['get', 'pods', '', true],
    ['list', 'deployments', 'apps', true],
    ['watch', 'events', '', true],
    ['create', 'pods', '', false],
    ['delete', 'nodes', '', false],
    ['patch', 'deployments', 'apps', false],
    ['update', 'configmaps', '', false],
    ['*', '*', '*', false],
    ['create', 'selfsubjectaccessreviews', 'authorization.k8s.io', true],
  ])('"%s %s" in group "%s" is allowed: %s — in JSON and in protobuf alike', async (verb, resource, group, allowed) => {
    const attributes = { namespace: 'default', verb, ...(group ? { group } : {}), resource };
    const json = await request(app)
      .post(SSAR)
      .set('Content-Type', 'application/json')
      .send(jsonReview({ resourceAttributes: attributes }))
      .expect(201);
    expect(json.body.spec).toEqual({ resourceAttributes: attributes });
    expect(json.body.status).toEqual({ allowed });
    const proto = await request(app)
      .post(SSAR)
      .set('Content-Type', PROTOBUF)
      .send(protobufAccessReview({ resourceAttributes: attributes }))
      .expect(201);
    expect(proto.body).toEqual(json.body);
  });

  test.each([
    ['get', '/healthz', true],
    ['get', '/apis', true],
    ['post', '/healthz', false],
  ])('the non-resource "%s %s" is allowed: %s', async (verb, path, allowed) => {
    const res = await request(app)
      .post(SSAR)
      .type('json')
      .send(jsonReview({ nonResourceAttributes: { path, verb } }))
      .expect(201);
    expect(res.body.spec).toEqual({ nonResourceAttributes: { path, verb } });
    expect(res.body.status).toEqual({ allowed });
  });

  test('subresources and names are judged too: reading logs is allowed, evicting is not', async () => {
    const ask = async (attributes: object): Promise<boolean> =>
      (
        await request(app)
          .post(SSAR)
          .type('json')
          .send(jsonReview({ resourceAttributes: attributes }))
          .expect(201)
      ).body.status.allowed;
    expect(await ask({ namespace: 'default', verb: 'get', resource: 'pods', subresource: 'log', name: 'web-1' })).toBe(true);
    expect(await ask({ namespace: 'default', verb: 'create', resource: 'pods', subresource: 'eviction', name: 'web-1' })).toBe(false);
  });

  test('selectors (1.31+) survive the round trip in protobuf', async () => {
    const resourceAttributes = {
      namespace: 'default',
      verb: 'list',
      resource: 'pods',
      labelSelector: { requirements: [{ key: 'app', operator: 'In', values: ['web'] }] },
      fieldSelector: { rawSelector: 'spec.nodeName=node1' },
    };
    const res = await request(app).post(SSAR).set('Content-Type', PROTOBUF).send(protobufAccessReview({ resourceAttributes })).expect(201);
    expect(res.body.spec.resourceAttributes).toEqual(resourceAttributes);
  });

  test.each([
    [
      {},
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: null: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    ],
    [
      { resourceAttributes: { verb: 'get' }, nonResourceAttributes: { path: '/x', verb: 'get' } },
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.nonResourceAttributes: Invalid value: {"Path":"/x","Verb":"get"}: cannot be specified in combination with resourceAttributes',
    ],
  ])('an invalid spec %j is a 422 with upstream wording', async (spec, message) => {
    const res = await request(app).post(SSAR).type('json').send(jsonReview(spec)).expect(422);
    expect(res.body).toMatchObject({ reason: 'Invalid', message, details: { group: 'authorization.k8s.io', kind: 'SelfSubjectAccessReview' } });
    expect(res.body.details.name).toBeUndefined();
  });

  test('metadata must be empty', async () => {
    const body = { metadata: { name: 'mine' }, spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } };
    const res = await request(app).post(SSAR).send(body).expect(422);
    expect(res.body.message).toBe('SelfSubjectAccessReview.authorization.k8s.io "" is invalid: metadata: Invalid value: {"name":"mine"}: must be empty');
  });
});

describe('SelfSubjectRulesReview', () => {
  const RULES = {
    resourceRules: [
      { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
      { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
      { verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] },
    ],
    nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['*'] }],
    incomplete: false,
  };

  test('lists the read-only rules in a new object whose spec is empty, as the storage answers (JSON, kubectl ≤1.31)', async () => {
    const res = await request(app)
      .post(SSRR)
      .send({
        kind: 'SelfSubjectRulesReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: { creationTimestamp: null },
        spec: { namespace: 'default' },
        status: { resourceRules: null, nonResourceRules: null, incomplete: false },
      })
      .expect(201);
    expect(res.body).toEqual({
      kind: 'SelfSubjectRulesReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: {},
      status: RULES,
    });
  });

  test('answers the same to protobuf (kubectl ≥1.32 `auth can-i --list`)', async () => {
    const raw = encodeObjectMessage({ metadata: {}, spec: { namespace: 'default' } }, SELF_SUBJECT_RULES_REVIEW);
    const body = Buffer.from(encodeEnvelope('authorization.k8s.io/v1', 'SelfSubjectRulesReview', raw));
    const res = await request(app).post(SSRR).set('Content-Type', PROTOBUF).set('Accept', KUBECTL_ACCEPT).send(body).buffer(true).parse(binaryBody).expect(201);
    expect(decodeBody(res.body as Buffer, 'k8s.io.api.authorization.v1.SelfSubjectRulesReview').object['status']).toEqual(RULES);
  });

  test('a review without a namespace is a 400', async () => {
    const res = await request(app).post(SSRR).send({ spec: {} }).expect(400);
    expect(res.body).toMatchObject({ reason: 'BadRequest', message: 'no namespace on request' });
  });
});

describe('SelfSubjectReview (`auth whoami`)', () => {
  const whoami = {
    metadata: { creationTimestamp: '2026-01-01T12:00:00Z' },
    status: { userInfo: { username: 'system:anonymous', groups: ['system:unauthenticated'] } },
  };

  test('v1beta1 in JSON, as kubectl 1.27 posts it', async () => {
    const res = await request(app)
      .post('/apis/authentication.k8s.io/v1beta1/selfsubjectreviews')
      .send({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1beta1', metadata: { creationTimestamp: null }, status: {} })
      .expect(201);
    expect(res.body).toEqual({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1beta1', ...whoami });
  });

  test('v1 in protobuf, as kubectl 1.33 posts it', async () => {
    const raw = encodeObjectMessage({ metadata: {} }, SELF_SUBJECT_REVIEW);
    const body = Buffer.from(encodeEnvelope('authentication.k8s.io/v1', 'SelfSubjectReview', raw));
    const res = await request(app).post('/apis/authentication.k8s.io/v1/selfsubjectreviews').set('Content-Type', PROTOBUF).send(body).expect(201);
    expect(res.body).toEqual({ kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', ...whoami });
  });
});

describe('review bodies', () => {
  test('YAML and a body without Content-Type (read as JSON) are accepted', async () => {
    const yaml = 'kind: SelfSubjectAccessReview\napiVersion: authorization.k8s.io/v1\nspec:\n  resourceAttributes:\n    verb: list\n    resource: nodes\n';
    const fromYaml = await request(app).post(SSAR).set('Content-Type', 'application/yaml').send(yaml).expect(201);
    expect(fromYaml.body.status).toEqual({ allowed: true });
    const untyped = await request(app)
      .post(SSAR)
      .unset('Content-Type')
      .send(Buffer.from(jsonReview({ resourceAttributes: { verb: 'get', resource: 'nodes' } })))
      .expect(201);
    expect(untyped.body.status).toEqual({ allowed: true });
  });

  test('YAML output is given to a client that asks for it', async () => {
    const res = await request(app)
      .post(SSAR)
      .set('Accept', 'application/yaml')
      .type('json')
      .send(jsonReview({ resourceAttributes: { verb: 'get', resource: 'pods' } }))
      .expect(201);
    // The serializer's media type as it is, as the real server sets it (responsewriters), without a charset.
    expect(res.headers['content-type']).toBe('application/yaml');
    expect(res.text).toContain('allowed: true');
  });

  test('any other media type is 415 Unsupported Media Type', async () => {
    const res = await request(app).post(SSAR).set('Content-Type', 'text/plain').send('get pods').expect(415);
    expect(res.body).toMatchObject({
      reason: 'UnsupportedMediaType',
      message:
        'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    });
  });

  test.each([
    [
      'JSON that does not parse',
      'application/json',
      '{"spec":',
      /^the object provided is unrecognized \(must be of type SelfSubjectAccessReview\): couldn't get version\/kind; json parse error: /,
    ],
    [
      'protobuf without the k8s envelope',
      PROTOBUF,
      Buffer.from('0a00', 'hex'),
      /provided data does not appear to be a protobuf message, expected prefix \[107 56 115 0\]$/,
    ],
    [
      'protobuf of another kind',
      PROTOBUF,
      Buffer.from(encodeEnvelope('v1', 'Pod', new Uint8Array())),
      /^Pod in version "v1" cannot be handled as a SelfSubjectAccessReview/,
    ],
    [
      'JSON of another group version',
      'application/json',
      '{"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1beta1"}',
      /^the API version in the data \(authorization.k8s.io\/v1beta1\) does not match the expected API version \(authorization.k8s.io\/v1\)$/,
    ],
  ])('%s is a 400', async (_what, type, body, message) => {
    const res = await request(app).post(SSAR).set('Content-Type', type).send(body).expect(400);
    expect(res.body.reason).toBe('BadRequest');
    expect(res.body.message).toMatch(message);
  });

  test('a client accepting only protobuf is answered in protobuf', async () => {
    const res = await request(app)
      .post(SSAR)
      .set('Accept', PROTOBUF)
      .type('json')
      .send(jsonReview({ resourceAttributes: { verb: 'get', resource: 'pods' } }))
      .buffer(true)
      .parse(binaryBody)
      .expect(201);
    expect(decodeBody(res.body as Buffer, 'k8s.io.api.authorization.v1.SelfSubjectAccessReview').object['status']).toEqual({ allowed: true });
  });

  test('a client accepting neither JSON, YAML nor protobuf is told which types are served', async () => {
    const res = await request(app)
      .post(SSAR)
      .set('Accept', 'text/html')
      .type('json')
      .send(jsonReview({ resourceAttributes: { verb: 'get', resource: 'pods' } }))
      .expect(406);
    expect(res.body.reason).toBe('NotAcceptable');
  });
});
