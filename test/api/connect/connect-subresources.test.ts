/**
 * pods/exec, pods/attach and pods/portforward on a read-only server: every way a client opens a stream (a
 * websocket GET, an SPDY POST, a plain GET or POST) is refused with the RBAC 403 for `create`, never a 405.
 */
import request from 'supertest';
import { testApp } from '../../support/test-app.js';

const { app } = testApp();

const refusal = (sub: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: `pods "web-1" is forbidden: User "system:anonymous" cannot create resource "pods/${sub}" in API group "" in the namespace "default"`,
  reason: 'Forbidden',
  details: { name: 'web-1', kind: 'pods' },
  code: 403,
});

const WEBSOCKET = {
  Connection: 'Upgrade',
  Upgrade: 'websocket',
  'Sec-WebSocket-Version': '13',
  'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Protocol': 'v5.channel.k8s.io, v4.channel.k8s.io, v3.channel.k8s.io, v2.channel.k8s.io, channel.k8s.io',
};
const SPDY = { Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' };
const EXEC = '/api/v1/namespaces/default/pods/web-1/exec?command=ls&container=main&stdout=true&stderr=true';

describe.each([
  ['exec', EXEC],
  ['attach', '/api/v1/namespaces/default/pods/web-1/attach?container=main&stdin=true&stdout=true&tty=true'],
  ['portforward', '/api/v1/namespaces/default/pods/web-1/portforward?ports=8080'],
])('pods/%s', (sub, path) => {
  test('a websocket handshake (GET with Upgrade) is refused as a create, before any upgrade', async () => {
    const res = await request(app).get(path).set(WEBSOCKET).expect(403);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['upgrade']).toBeUndefined();
    expect(res.body).toEqual(refusal(sub));
  });

  test('an SPDY upgrade (POST) is refused by the authorization filter in the same words', async () => {
    const res = await request(app).post(path).set(SPDY).expect(403);
    expect(res.body).toEqual(refusal(sub));
  });

  test.each(['get', 'post'] as const)('a plain %s is refused too', async (method) => {
    const res = await request(app)[method](path).expect(403);
    expect(res.body).toEqual(refusal(sub));
  });
});

describe('the refusal comes before the pod is looked up', () => {
  test('a pod that does not exist is refused, not reported missing', async () => {
    const res = await request(app).get('/api/v1/namespaces/default/pods/nope/exec?command=ls').set(WEBSOCKET).expect(403);
    expect(res.body.message).toBe(
      'pods "nope" is forbidden: User "system:anonymous" cannot create resource "pods/exec" in API group "" in the namespace "default"',
    );
  });

  test('HEAD is a get and is refused as well', async () => {
    await request(app).head(EXEC).expect(403);
  });
});

describe('what the access reviews say of these subresources', () => {
  const review = async (verb: string, resource: string, subresource: string): Promise<boolean> => {
    const res = await request(app)
      .post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews')
      .send({
        kind: 'SelfSubjectAccessReview',
        apiVersion: 'authorization.k8s.io/v1',
        spec: { resourceAttributes: { namespace: 'default', verb, resource, subresource } },
      })
      .expect(201);
    return res.body.status.allowed as boolean;
  };

  test.each([
    ['create', 'pods', 'exec', false],
    ['create', 'pods', 'attach', false],
    ['create', 'pods', 'portforward', false],
    // get on every resource is granted, as RBAC's `*` grants it; the stream itself also needs create.
    ['get', 'pods', 'exec', true],
    ['get', 'nodes', 'proxy', true],
    ['get', 'pods', 'proxy', true],
    ['get', 'services', 'proxy', true],
    ['create', 'services', 'proxy', false],
  ])('can-i %s %s/%s → %s', async (verb, resource, subresource, allowed) => {
    expect(await review(verb, resource, subresource)).toBe(allowed);
  });
});
