/**
 * nodes/<name>/proxy: the API server's side of it (which node, which port, a kubelet that does not answer, the
 * redirect of `…/proxy`) and the simulated kubelet's answers relayed as they come.
 */
import request from 'supertest';
import { testApp } from '../../support/test-app.js';
import { proxyObjects } from './proxy-objects.js';

const { app } = testApp(proxyObjects());

/** The body kept as text whatever its type: kubelet answers are HTML, plain text or JSON. */
const text = (req: request.Test): request.Test => req.buffer(true);

const status = (code: number, reason: string, message: string, details?: object) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  ...(reason === '' ? {} : { reason }),
  ...(details ? { details } : {}),
  code,
});

const WEBSOCKET = { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };

describe('the API server in front of the kubelet', () => {
  test('`…/proxy` alone is redirected to `…/proxy/`, query kept', async () => {
    const res = await request(app).get('/api/v1/nodes/node1/proxy?x=1').expect(301);
    expect(res.headers['location']).toBe('/api/v1/nodes/node1/proxy/?x=1');
  });

  test('a node that does not exist is NotFound', async () => {
    const res = await request(app).get('/api/v1/nodes/nope/proxy/healthz').expect(404);
    expect(res.body).toEqual(status(404, 'NotFound', 'nodes "nope" not found', { name: 'nope', kind: 'nodes' }));
  });

  test('a kubelet that stopped posting status cannot be dialed: 503, the dial error wrapped', async () => {
    const res = await request(app).get('/api/v1/nodes/node4/proxy/stats/summary').expect(503);
    expect(res.body).toEqual(status(503, 'ServiceUnavailable', 'error trying to reach service: dial tcp 192.168.0.15:10250: connect: no route to host'));
  });

  test('an upgrade to a silent kubelet fails with the bare dial error, a 500 without reason', async () => {
    const res = await request(app).get('/api/v1/nodes/node4/proxy/exec/default/x/main').set(WEBSOCKET).expect(500);
    expect(res.body).toEqual(status(500, '', 'dial tcp 192.168.0.15:10250: connect: no route to host'));
  });

  test('a NotReady node still has a kubelet that answers', async () => {
    await text(request(app).get('/api/v1/nodes/node3/proxy/healthz')).expect(200, 'ok');
  });

  test.each([
    ['node1:10250', 200],
    ['https:node1:10250', 200],
  ])('%s is the kubelet port itself', async (name, code) => {
    await text(request(app).get(`/api/v1/nodes/${name}/proxy/healthz`)).expect(code, 'ok');
  });

  test('another port of the node has nothing listening', async () => {
    const res = await request(app).get('/api/v1/nodes/node1:10255/proxy/metrics').expect(503);
    expect(res.body.message).toBe('error trying to reach service: dial tcp 192.168.0.18:10255: connect: connection refused');
  });

  test('a name that is not scheme:name:port is a bad request', async () => {
    const res = await request(app).get('/api/v1/nodes/ftp:node1:21/proxy/').expect(400);
    expect(res.body).toEqual(status(400, 'BadRequest', 'invalid node request "ftp:node1:21"'));
  });

  test('proxying is a get of nodes/proxy, which the read-only policy allows; writing through it is not', async () => {
    const res = await request(app).post('/api/v1/nodes/node1/proxy/run/default/web-1/main').expect(403);
    expect(res.body.message).toBe(
      'nodes "node1" is forbidden: User "system:anonymous" cannot create resource "nodes/proxy" in API group "" at the cluster scope',
    );
  });

  test('the old /api/v1/proxy/ prefix is the `proxy` verb, which the policy does not grant', async () => {
    const res = await request(app).get('/api/v1/proxy/nodes/node1/healthz').expect(403);
    expect(res.body.message).toBe('nodes "node1" is forbidden: User "system:anonymous" cannot proxy resource "nodes" in API group "" at the cluster scope');
  });
});

describe('what the kubelet answers', () => {
  test.each([
    ['/healthz', 'ok'],
    ['/healthz/syncloop', 'ok'],
    ['/healthz?verbose', '[+]ping ok\n[+]log ok\n[+]syncloop ok\nhealthz check passed\n'],
  ])('%s → %j', async (path, body) => {
    const res = await text(request(app).get(`/api/v1/nodes/node1/proxy${path}`)).expect(200, body);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  test.each([
    ['/', '404 page not found\n'],
    ['/metrics/', '404 page not found\n'],
    ['/stats/', '404: Page Not Found'],
    ['/stats/container', '404: Page Not Found'],
    ['/exec', '404: Page Not Found'],
  ])('%s is not served: %j', async (path, body) => {
    await text(request(app).get(`/api/v1/nodes/node1/proxy${path}`)).expect(404, body);
  });

  test('/pods is the PodList of the pods bound to the node, items without kind', async () => {
    const res = await request(app).get('/api/v1/nodes/node2/proxy/pods').expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toMatchObject({ kind: 'PodList', apiVersion: 'v1', metadata: {} });
    expect(res.body.items.map((pod: { metadata: { name: string } }) => pod.metadata.name)).toEqual(['db-1', 'web-1']);
    expect(res.body.items[0].kind).toBeUndefined();
  });

  test('/stats redirects to /stats/, the Location rewritten under the proxy path', async () => {
    const res = await text(request(app).get('/api/v1/nodes/node1/proxy/stats')).expect(301);
    expect(res.headers['location']).toBe('/api/v1/nodes/node1/proxy/stats/');
    expect(res.text).toBe('<a href="/stats/">Moved Permanently</a>.\n\n');
  });

  describe('its streaming endpoints, which need an upgrade the facade never makes', () => {
    test.each([
      ['/exec/default/web-1/main?command=ls', 400, 'you must specify at least 1 of stdin, stdout, stderr'],
      ['/exec/default/nope/main?command=ls&output=1', 404, 'pod does not exist'],
      ['/exec/default/web-1/main?command=ls&output=1', 500, 'Upgrade request required\n'],
      ['/attach/default/web-1/main?input=1&tty=1', 500, 'Upgrade request required\n'],
      ['/portForward/default/web-1', 500, 'Upgrade request required\n'],
      ['/run/default/web-1/main', 405, '405: Method Not Allowed'],
      ['/checkpoint/default/web-1/main', 405, '405: Method Not Allowed'],
    ])('%s → %i %j', async (path, code, body) => {
      await text(request(app).get(`/api/v1/nodes/node2/proxy${path}`)).expect(code, body);
    });

    test('a websocket upgrade is relayed the kubelet’s error status', async () => {
      await text(request(app).get('/api/v1/nodes/node2/proxy/exec/default/web-1/main?output=1').set(WEBSOCKET)).expect(500, 'Upgrade request required\n');
    });

    test('an upgrade the kubelet answers with a success is the proxy’s own failure', async () => {
      const res = await request(app).get('/api/v1/nodes/node2/proxy/healthz').set(WEBSOCKET).expect(500);
      expect(res.body).toEqual(status(500, '', 'invalid upgrade response: status code 200'));
    });
  });
});
