/**
 * pods/<name>/proxy and services/<name>/proxy: the API server finds the backend as upstream does (the pod's IP
 * and port; a ready endpoint of the service, its port named by number or name), then cannot reach it, because
 * there is no pod network behind kubefacade.
 */
import request from 'supertest';
import { testApp } from '../../support/test-app.js';
import { proxyObjects } from './proxy-objects.js';

const { app } = testApp(proxyObjects());

const unreachable = (address: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: `error trying to reach service: dial tcp ${address}: connect: no route to host`,
  reason: 'ServiceUnavailable',
  code: 503,
});

describe('pods/proxy', () => {
  test.each([
    ['web-1', '10.244.1.2:80'],
    ['web-1:8443', '10.244.1.2:8443'],
    ['https:web-1:', '10.244.1.2:443'],
    // api-1 declares containerPort 8080, the port used when the URL names none.
    ['api-1', '10.244.0.7:8080'],
  ])('%s dials %s and cannot reach it', async (name, address) => {
    const res = await request(app).get(`/api/v1/namespaces/default/pods/${name}/proxy/metrics`).expect(503);
    expect(res.body).toEqual(unreachable(address));
  });

  test('`…/proxy` alone is redirected to `…/proxy/` before any dial', async () => {
    const res = await request(app).get('/api/v1/namespaces/default/pods/web-1/proxy').expect(301);
    expect(res.headers['location']).toBe('/api/v1/namespaces/default/pods/web-1/proxy/');
  });

  test('a pod that does not exist is NotFound', async () => {
    const res = await request(app).get('/api/v1/namespaces/default/pods/nope/proxy/').expect(404);
    expect(res.body.message).toBe('pods "nope" not found');
  });

  test('a pod whose IP may not be proxied to is a bad request', async () => {
    const { app: other } = testApp(
      proxyObjects().map((o) =>
        o.metadata.name === 'web-1' ? { ...o, status: { ...(o.status as object), podIP: '127.0.0.1', podIPs: [{ ip: '127.0.0.1' }] } } : o,
      ),
    );
    const res = await request(other).get('/api/v1/namespaces/default/pods/web-1/proxy/').expect(400);
    expect(res.body).toMatchObject({ message: 'address not allowed', reason: 'BadRequest' });
  });

  test('an upgrade request fails on the dial itself: a 500 with the bare error', async () => {
    const res = await request(app).get('/api/v1/namespaces/default/pods/web-1/proxy/ws').set({ Connection: 'Upgrade', Upgrade: 'websocket' }).expect(500);
    expect(res.body).toMatchObject({ message: 'dial tcp 10.244.1.2:80: connect: no route to host', code: 500 });
    expect(res.body.reason).toBeUndefined();
  });
});

describe('services/proxy', () => {
  test.each([
    ['web:http', 'by port name'],
    ['web:80', 'by service port number, turned into its name'],
  ])('%s picks the ready endpoint %s, on the endpoint port', async (name) => {
    const res = await request(app).get(`/api/v1/namespaces/default/services/${name}/proxy/`).expect(503);
    expect(res.body).toEqual(unreachable('10.244.1.2:8080'));
  });

  test.each([
    ['empty', 'no endpoints available for service "empty"'],
    // A name without a port asks for the unnamed port; web's only port is named.
    ['web', 'no endpoints available for service "web"'],
    ['web:9090', 'no service port 9090 found for service "web"'],
    ['web:metrics', 'no endpoints available for service "web:metrics"'],
    // An address that is not a pod of the namespace is never proxied to (isValidAddress).
    ['outside', 'no endpoints available for service "outside"'],
  ])('%s → 503 %j', async (name, message) => {
    const res = await request(app).get(`/api/v1/namespaces/default/services/${name}/proxy/`).expect(503);
    expect(res.body).toMatchObject({ message, reason: 'ServiceUnavailable', code: 503 });
  });

  test.each([
    ['nope', 'endpoints "nope" not found'],
    ['nope:80', 'services "nope" not found'],
  ])('%s → 404 %j', async (name, message) => {
    const res = await request(app).get(`/api/v1/namespaces/default/services/${name}/proxy/`).expect(404);
    expect(res.body.message).toBe(message);
  });

  test('writing through the proxy is refused by the authorization filter', async () => {
    const res = await request(app).post('/api/v1/namespaces/default/services/web/proxy/api').send({}).expect(403);
    expect(res.body.message).toBe(
      'services "web" is forbidden: User "system:anonymous" cannot create resource "services/proxy" in API group "" in the namespace "default"',
    );
  });
});
