import express from 'express';
import request from 'supertest';
import { createAccessReviewRouter } from '../../src/api/access-review/index.js';
import { errorHandler } from '../../src/api/errors/error-handler.js';
import { forbidWrites } from '../../src/api/forbidden.js';

const app = express()
  .use(forbidWrites())
  .use(createAccessReviewRouter())
  .use((req, res) => {
    res.status(299).send(`passed ${req.method} ${req.path}`);
  })
  .use(errorHandler({ error: () => undefined }));

const ANON = 'User "system:anonymous"';

describe('writes on a read-only server', () => {
  test.each([
    // Named objects, namespaced: the observed `kubectl delete pod web-1` / `label` / `apply` wording.
    [
      'DELETE',
      '/api/v1/namespaces/default/pods/web-1',
      `pods "web-1" is forbidden: ${ANON} cannot delete resource "pods" in API group "" in the namespace "default"`,
      { name: 'web-1', kind: 'pods' },
    ],
    [
      'PATCH',
      '/api/v1/namespaces/default/pods/web-1?fieldManager=kubectl-label',
      `pods "web-1" is forbidden: ${ANON} cannot patch resource "pods" in API group "" in the namespace "default"`,
      { name: 'web-1', kind: 'pods' },
    ],
    [
      'PUT',
      '/api/v1/namespaces/default/configmaps/settings',
      `configmaps "settings" is forbidden: ${ANON} cannot update resource "configmaps" in API group "" in the namespace "default"`,
      { name: 'settings', kind: 'configmaps' },
    ],
    // Collections: `kubectl create -f pod.yaml`, deletecollection.
    [
      'POST',
      '/api/v1/namespaces/default/pods?fieldManager=kubectl-create&fieldValidation=Strict',
      `pods is forbidden: ${ANON} cannot create resource "pods" in API group "" in the namespace "default"`,
      { kind: 'pods' },
    ],
    [
      'DELETE',
      '/api/v1/namespaces/default/pods',
      `pods is forbidden: ${ANON} cannot deletecollection resource "pods" in API group "" in the namespace "default"`,
      { kind: 'pods' },
    ],
    // Groups qualify the resource in the prefix and name it in the reason.
    [
      'PATCH',
      '/apis/apps/v1/namespaces/default/deployments/web',
      `deployments.apps "web" is forbidden: ${ANON} cannot patch resource "deployments" in API group "apps" in the namespace "default"`,
      { name: 'web', group: 'apps', kind: 'deployments' },
    ],
    [
      'POST',
      '/apis/apps/v1/namespaces/prod/deployments',
      `deployments.apps is forbidden: ${ANON} cannot create resource "deployments" in API group "apps" in the namespace "prod"`,
      { group: 'apps', kind: 'deployments' },
    ],
    // Subresources are part of the reason's resource, not of the prefix.
    [
      'PUT',
      '/apis/apps/v1/namespaces/default/deployments/web/scale',
      `deployments.apps "web" is forbidden: ${ANON} cannot update resource "deployments/scale" in API group "apps" in the namespace "default"`,
      { name: 'web', group: 'apps', kind: 'deployments' },
    ],
    [
      'POST',
      '/api/v1/namespaces/default/pods/web-1/eviction',
      `pods "web-1" is forbidden: ${ANON} cannot create resource "pods/eviction" in API group "" in the namespace "default"`,
      { name: 'web-1', kind: 'pods' },
    ],
    // Cluster scope.
    [
      'DELETE',
      '/api/v1/nodes/node1',
      `nodes "node1" is forbidden: ${ANON} cannot delete resource "nodes" in API group "" at the cluster scope`,
      { name: 'node1', kind: 'nodes' },
    ],
    [
      'POST',
      '/api/v1/namespaces',
      `namespaces is forbidden: ${ANON} cannot create resource "namespaces" in API group "" at the cluster scope`,
      { kind: 'namespaces' },
    ],
    [
      'PATCH',
      '/apis/coordination.k8s.io/v1/leases',
      `leases.coordination.k8s.io is forbidden: ${ANON} cannot patch resource "leases" in API group "coordination.k8s.io" at the cluster scope`,
      { group: 'coordination.k8s.io', kind: 'leases' },
    ],
    // A namespace is read as being in itself (requestinfo.go), and keeps status/finalize as subresources.
    [
      'DELETE',
      '/api/v1/namespaces/team-a',
      `namespaces "team-a" is forbidden: ${ANON} cannot delete resource "namespaces" in API group "" in the namespace "team-a"`,
      { name: 'team-a', kind: 'namespaces' },
    ],
    [
      'PUT',
      '/api/v1/namespaces/team-a/finalize',
      `namespaces "team-a" is forbidden: ${ANON} cannot update resource "namespaces/finalize" in API group "" in the namespace "team-a"`,
      { name: 'team-a', kind: 'namespaces' },
    ],
    // Authorization precedes routing: resources that do not exist are refused just the same.
    [
      'POST',
      '/apis/example.com/v1/namespaces/default/widgets',
      `widgets.example.com is forbidden: ${ANON} cannot create resource "widgets" in API group "example.com" in the namespace "default"`,
      { group: 'example.com', kind: 'widgets' },
    ],
    // Proxy is a verb, and takes no subresource.
    [
      'POST',
      '/api/v1/proxy/namespaces/default/pods/web-1/x',
      `pods "web-1" is forbidden: ${ANON} cannot proxy resource "pods" in API group "" in the namespace "default"`,
      { name: 'web-1', kind: 'pods' },
    ],
  ])('%s %s → %s', async (method, path, message, details) => {
    const res = await request(app)[method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](path).send({}).expect(403);
    expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 });
  });

  test.each([
    ['POST', '/foo', `forbidden: ${ANON} cannot post path "/foo"`],
    ['DELETE', '/healthz', `forbidden: ${ANON} cannot delete path "/healthz"`],
    ['POST', '/api/v1', `forbidden: ${ANON} cannot post path "/api/v1"`],
    ['PUT', '/apis/apps/v1', `forbidden: ${ANON} cannot put path "/apis/apps/v1"`],
    ['PATCH', '/apis', `forbidden: ${ANON} cannot patch path "/apis"`],
    ['POST', '/foo/%3Cb%3E', `forbidden: ${ANON} cannot post path "/foo/&lt;b&gt;"`],
  ])('a path that names no resource: %s %s → %s, details {}', async (method, path, message) => {
    const res = await request(app)[method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](path).expect(403);
    expect(res.body).toMatchObject({ message, reason: 'Forbidden', details: {}, code: 403 });
  });

  test.each([
    ['GET', '/api/v1/namespaces/default/pods'],
    ['HEAD', '/api/v1/nodes'],
    ['OPTIONS', '/api/v1/nodes'],
    // A POST whose verb the path makes a watch is a read, and is left to the router.
    ['POST', '/api/v1/watch/namespaces/default/pods'],
  ])('%s %s is not a write and passes on', async (method, path) => {
    const res = await request(app)[method.toLowerCase() as 'get' | 'head' | 'options' | 'post'](path).expect(299);
    if (method !== 'HEAD') expect(res.text).toBe(`passed ${method} ${path}`);
  });

  test.each([
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
    '/apis/authentication.k8s.io/v1/selfsubjectreviews',
    '/apis/authentication.k8s.io/v1beta1/selfsubjectreviews',
  ])('POST %s is allowed through to the review', async (path) => {
    const spec = path.includes('accessreviews') ? { resourceAttributes: { verb: 'get', resource: 'pods' } } : { namespace: 'default' };
    await request(app).post(path).send({ spec }).expect(201);
  });

  test('a write to a review with another verb is still refused', async () => {
    const res = await request(app).delete('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews').expect(403);
    expect(res.body.message).toBe(
      `selfsubjectaccessreviews.authorization.k8s.io is forbidden: ${ANON} cannot deletecollection resource "selfsubjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope`,
    );
  });

  test('a special verb with nothing after it cannot be read, and is a plain-text 500 as upstream', async () => {
    const res = await request(app).post('/api/v1/watch').expect(500);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe(
      'Internal Server Error: "/api/v1/watch": failed to create RequestInfo: unable to determine kind and namespace from url, /api/v1/watch\n',
    );
  });
});
