import request from 'supertest';
import { ApiMetrics } from '../../../src/api/observability/index.js';
import type { AnonymousAuth } from '../../../src/api/authentication/index.js';
import { anonymousAuthFor, bearerTokenOf } from '../../../src/api/authentication/index.js';
import { createApp } from '../../../src/api/server.js';
import { loadCluster, ManualClock } from '../../../src/cluster/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { sampleObjects, START } from '../../support/sample-objects.js';

const TOKEN = 'kf-token-0123456789';

/** The app as startKubefacade builds it, with the given anonymous policy and the token. */
function appWith(anonymous: AnonymousAuth) {
  const cluster = loadCluster({ objects: sampleObjects() }, { clock: new ManualClock(START), now: new Date(START) });
  return createApp(cluster, {
    logger: createLogger('silent'),
    metrics: new ApiMetrics(),
    serverAddress: () => '10.0.0.5:6443',
    protection: { authentication: { token: TOKEN, anonymous } },
  });
}

const UNAUTHORIZED = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 };

describe('bearer-token authentication', () => {
  const app = appWith('health-checks');

  it('serves the kubeconfig user, who is who kubefacade always reported', async () => {
    await request(app).get('/api/v1/nodes').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    const review = await request(app)
      .post('/apis/authentication.k8s.io/v1/selfsubjectreviews')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' })
      .expect(201);
    expect(review.body.status).toEqual({ userInfo: { username: 'system:anonymous', groups: ['system:unauthenticated'] } });
  });

  it('keeps refusing writes in RBAC words for the token user', async () => {
    const res = await request(app).delete('/api/v1/namespaces/default/pods/web-1').set('Authorization', `Bearer ${TOKEN}`).expect(403);
    expect(res.body.message).toContain('User "system:anonymous" cannot delete resource "pods"');
  });

  it.each([
    ['a wrong token', `Bearer ${TOKEN}x`],
    ['a token cut short', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the scheme in lower case with a wrong token', 'bearer nope'],
  ])('answers %s with the 401 Status, before anything else', async (_name, header) => {
    for (const path of ['/api/v1/nodes', '/healthz', '/version', '/apis']) {
      const res = await request(app).get(path).set('Authorization', header).expect(401);
      expect(res.body).toEqual(UNAUTHORIZED);
    }
  });

  it('answers a wrong token with 401 even where anonymous requests are served', async () => {
    const res = await request(appWith('enabled')).get('/api/v1/nodes').set('Authorization', 'Bearer wrong').expect(401);
    expect(res.body).toEqual(UNAUTHORIZED);
  });

  it('answers a wrong token with 401 before impersonation is judged', async () => {
    await request(app).get('/api/v1/nodes').set('Authorization', 'Bearer wrong').set('Impersonate-User', 'bob').expect(401);
  });
});

describe('requests without a token', () => {
  it('are anonymous and served where anonymous auth is enabled (a loopback address)', async () => {
    const app = appWith('enabled');
    await request(app).get('/api/v1/nodes').expect(200);
    await request(app).get('/version').expect(200);
    // HTTP Basic credentials, as client-go sends for a kubeconfig username, are no credentials since 1.19.
    await request(app).get('/api/v1/nodes').set('Authorization', 'Basic YW5vbnltb3VzOg==').expect(200);
    // `Bearer` with nothing after it carries no token either (bearertoken.go).
    await request(app).get('/api/v1/nodes').set('Authorization', 'Bearer ').expect(200);
  });

  it.each([['/api/v1/nodes'], ['/api'], ['/apis'], ['/version'], ['/openapi/v2'], ['/livez/ping'], ['/metrics']])(
    'get 401 for %s on a non-loopback address without --anonymous-auth',
    async (path) => {
      const res = await request(appWith('health-checks')).get(path).expect(401);
      expect(res.body).toEqual(UNAUTHORIZED);
    },
  );

  it.each([['/healthz'], ['/livez'], ['/readyz']])('still reach %s there, for probes and load balancers', async (path) => {
    await request(appWith('health-checks')).get(path).expect(200);
  });

  it('get 401 everywhere with --anonymous-auth=false, health checks included', async () => {
    const app = appWith('disabled');
    for (const path of ['/healthz', '/api/v1/nodes', '/version']) await request(app).get(path).expect(401);
    await request(app).get('/healthz').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  });

  it('answer the 401 in YAML to a client that asks for YAML, as any Status', async () => {
    const res = await request(appWith('disabled')).get('/api/v1/nodes').set('Accept', 'application/yaml').expect(401);
    expect(res.type).toBe('application/yaml');
    expect(res.text).toContain('reason: Unauthorized');
  });
});

describe('who may connect anonymously by default', () => {
  it.each([
    ['127.0.0.1', undefined, 'enabled'],
    ['127.0.0.2', undefined, 'enabled'],
    ['localhost', undefined, 'enabled'],
    ['::1', undefined, 'enabled'],
    ['0.0.0.0', undefined, 'health-checks'],
    ['::', undefined, 'health-checks'],
    ['192.168.1.20', undefined, 'health-checks'],
    ['kube.example', undefined, 'health-checks'],
    ['0.0.0.0', true, 'enabled'],
    ['127.0.0.1', false, 'disabled'],
  ] as const)('on %s with --anonymous-auth %s: %s', (host, flag, expected) => {
    expect(anonymousAuthFor(host, flag)).toBe(expected);
  });
});

describe('the bearer token of an Authorization header', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['  Bearer abc  ', 'abc'],
    ['Bearer abc extra', 'abc'],
    ['Bearer  abc', undefined],
    ['Bearer', undefined],
    ['Basic YWJjOg==', undefined],
    ['', undefined],
  ])('%j carries %s', (header, token) => {
    expect(bearerTokenOf(header)).toBe(token);
  });
});
