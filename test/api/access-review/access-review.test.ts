import request from 'supertest';
import { testApp } from '../../support/test-app.js';

const SSAR = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
const SSRR = '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews';

/** Encodes one length-delimited protobuf field. */
function field(number: number, value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([Buffer.from([(number << 3) | 2, bytes.length]), bytes]);
}

/** A body as kubectl >= 1.32 sends it: the k8s envelope around a protobuf SelfSubjectAccessReview (reference §13.3). */
function protobufReview(kind: string, spec: Buffer): Buffer {
  const typeMeta = field(1, Buffer.concat([field(1, 'authorization.k8s.io/v1'), field(2, kind)]));
  const object = Buffer.concat([field(1, Buffer.alloc(0)), field(2, spec), field(3, Buffer.alloc(0))]);
  return Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00]), typeMeta, field(2, object)]);
}

const resourceAttributes = (namespace: string, verb: string, resource: string): Buffer =>
  field(1, Buffer.concat([field(1, namespace), field(2, verb), field(3, ''), field(4, ''), field(5, resource), field(6, ''), field(7, '')]));

describe('access reviews', () => {
  const { app } = testApp();

  test.each([
    ['get', true],
    ['list', true],
    ['watch', true],
    ['create', false],
    ['delete', false],
    ['patch', false],
  ])('a JSON review of "%s pods" is allowed: %s', async (verb, allowed) => {
    const body = { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec: { resourceAttributes: { namespace: 'default', verb, resource: 'pods' } }, status: { allowed: false } };
    const res = await request(app).post(SSAR).set('Content-Type', 'application/json').send(JSON.stringify(body)).expect(201);
    expect(res.body).toEqual({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: 'default', verb, resource: 'pods' } },
      status: { allowed },
    });
  });

  test.each([
    ['get', true],
    ['create', false],
  ])('a protobuf review of "%s pods" is decoded and answered: %s', async (verb, allowed) => {
    const res = await request(app)
      .post(SSAR)
      .set('Content-Type', 'application/vnd.kubernetes.protobuf')
      .send(protobufReview('SelfSubjectAccessReview', resourceAttributes('default', verb, 'pods')))
      .expect(201);
    expect(res.body.spec).toEqual({ resourceAttributes: { namespace: 'default', verb, resource: 'pods' } });
    expect(res.body.status).toEqual({ allowed });
  });

  test('the observed kubectl 1.33 body of `auth can-i create pods` decodes', async () => {
    const hex =
      '6b387300' + '0a32' + '0a17' + Buffer.from('authorization.k8s.io/v1').toString('hex') + '1217' + Buffer.from('SelfSubjectAccessReview').toString('hex') +
      '1229' + '0a00' + '1221' + '0a1f' + '0a07' + Buffer.from('default').toString('hex') + '1206' + Buffer.from('create').toString('hex') +
      '1a00' + '2200' + '2a04' + Buffer.from('pods').toString('hex') + '3200' + '3a00' + '1a02' + '0800';
    const res = await request(app).post(SSAR).set('Content-Type', 'application/vnd.kubernetes.protobuf').send(Buffer.from(hex, 'hex')).expect(201);
    expect(res.body.spec.resourceAttributes).toEqual({ namespace: 'default', verb: 'create', resource: 'pods' });
    expect(res.body.status.allowed).toBe(false);
  });

  test('a non-resource get is allowed', async () => {
    const body = { spec: { nonResourceAttributes: { path: '/healthz', verb: 'get' } } };
    const res = await request(app).post(SSAR).send(body).expect(201);
    expect(res.body.status).toEqual({ allowed: true });
  });

  test('a rules review lists read verbs on everything, in JSON and protobuf', async () => {
    const json = await request(app).post(SSRR).send({ spec: { namespace: 'default' } }).expect(201);
    expect(json.body.status.resourceRules).toContainEqual({ verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] });
    expect(json.body.status.incomplete).toBe(false);
    const proto = await request(app)
      .post(SSRR)
      .set('Content-Type', 'application/vnd.kubernetes.protobuf')
      .send(protobufReview('SelfSubjectRulesReview', field(1, 'kube-system')))
      .expect(201);
    expect(proto.body.spec).toEqual({ namespace: 'kube-system' });
  });

  test('a body in another format is 415', async () => {
    const res = await request(app).post(SSAR).set('Content-Type', 'application/xml').send('<x/>').expect(415);
    expect(res.body.reason).toBe('UnsupportedMediaType');
  });
});

describe('writes are refused as for a read-only RBAC user', () => {
  const { app, cluster } = testApp();

  test.each([
    ['delete', '/api/v1/namespaces/default/pods/web-1', 'pods "web-1" is forbidden: User "system:anonymous" cannot delete resource "pods" in API group "" in the namespace "default"', { name: 'web-1', kind: 'pods' }],
    ['post', '/api/v1/namespaces/default/pods', 'pods is forbidden: User "system:anonymous" cannot create resource "pods" in API group "" in the namespace "default"', { kind: 'pods' }],
    ['patch', '/api/v1/nodes/node1', 'nodes "node1" is forbidden: User "system:anonymous" cannot patch resource "nodes" in API group "" at the cluster scope', { name: 'node1', kind: 'nodes' }],
    ['put', '/apis/apps/v1/namespaces/default/deployments/web/scale', 'deployments.apps "web" is forbidden: User "system:anonymous" cannot update resource "deployments/scale" in API group "apps" in the namespace "default"', { name: 'web', group: 'apps', kind: 'deployments' }],
    ['delete', '/api/v1/namespaces/default/pods', 'pods is forbidden: User "system:anonymous" cannot deletecollection resource "pods" in API group "" in the namespace "default"', { kind: 'pods' }],
    ['post', '/logs', 'forbidden: User "system:anonymous" cannot post path "/logs"', {}],
  ] as const)('%s %s', async (method, path, message, details) => {
    const rv = cluster.store.resourceVersion;
    const res = await request(app)[method](path).send({ propagationPolicy: 'Background' }).expect(403);
    expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 });
    expect(cluster.store.resourceVersion).toBe(rv);
  });
});
