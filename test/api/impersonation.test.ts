import request from 'supertest';
import { sampleObjects } from '../support/sample-objects.js';
import { testApp } from '../support/test-app.js';

const refused = (resource: string, name: string, scope: string, group = ''): string =>
  `${group === '' ? resource : `${resource}.${group}`} "${name}" is forbidden: User "system:anonymous" cannot impersonate resource "${resource}" in API group "${group}" ${scope}`;

describe('impersonation (kubectl --as, --as-group, --as-uid)', () => {
  const { app } = testApp(sampleObjects());

  test.each([
    [{ 'Impersonate-User': 'bob' }, 'users', 'bob', 'at the cluster scope', ''],
    [{ 'Impersonate-User': 'system:serviceaccount:default:builder' }, 'serviceaccounts', 'builder', 'in the namespace "default"', ''],
    [{ 'Impersonate-User': 'bob', 'Impersonate-Group': 'admins', 'Impersonate-Uid': '1234' }, 'users', 'bob', 'at the cluster scope', ''],
  ])('%j is refused before the request is read, on the first identity checked', async (headers, resource, name, scope, group) => {
    for (const path of ['/api', '/api/v1/namespaces/default/pods', '/version']) {
      const res = await request(app).get(path).set(headers).expect(403);
      expect(res.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: refused(resource, name, scope, group),
        reason: 'Forbidden',
        details: { name, kind: resource },
        code: 403,
      });
    }
  });

  test('a self-subject access review sent as someone else is refused too, not answered for them', async () => {
    const review = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'get', resource: 'pods' } } };
    const res = await request(app).post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews').set('Impersonate-User', 'bob').send(review).expect(403);
    expect(res.body.message).toBe(refused('users', 'bob', 'at the cluster scope'));
  });

  test('groups without a user to impersonate are an error of the request', async () => {
    const res = await request(app).get('/api/v1/pods').set('Impersonate-Group', 'admins').expect(500);
    expect(res.body).toMatchObject({ kind: 'Status', code: 500, reason: 'InternalError' });
  });

  test('a request without impersonation headers is served', async () => {
    await request(app).get('/api/v1/pods').expect(200);
  });
});
