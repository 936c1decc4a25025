import request from 'supertest';
import { testApp } from '../../support/test-app.js';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
/** What each kubectl sends to /api and /apis (reference §1.2). */
const KUBECTL_1_30_PLUS = `${V2},${V2BETA1},application/json`;
const KUBECTL_1_27_TO_1_29 = `${V2BETA1},application/json`;

describe('discovery', () => {
  const { app } = testApp();

  test.each([
    [KUBECTL_1_30_PLUS, `${V2}`, 'apidiscovery.k8s.io/v2'],
    [KUBECTL_1_27_TO_1_29, `${V2BETA1}`, 'apidiscovery.k8s.io/v2beta1'],
  ])('Accept %s gets aggregated discovery with Content-Type %s', async (accept, contentType, apiVersion) => {
    const res = await request(app).get('/apis').set('Accept', accept).expect(200);
    expect(res.headers['content-type']).toBe(contentType);
    expect(res.headers['vary']).toMatch(/^Accept(, Accept-Encoding)?$/);
    expect(res.headers['cache-control']).toBe('public');
    expect(res.headers['etag']).toMatch(/^"[0-9A-F]{128}"$/);
    const body = JSON.parse(res.text);
    expect(body.apiVersion).toBe(apiVersion);
    expect(body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['apps', 'authorization.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io']);
  });

  test('an aggregated document answers 304 to its own ETag', async () => {
    const first = await request(app).get('/api').set('Accept', KUBECTL_1_30_PLUS).expect(200);
    await request(app).get('/api').set('Accept', KUBECTL_1_30_PLUS).set('If-None-Match', first.headers['etag'] as string).expect(304);
  });

  test('the core group in aggregated form lists pods with short names, categories and subresources', async () => {
    const res = await request(app).get('/api').set('Accept', V2).expect(200);
    const core = JSON.parse(res.text).items[0];
    expect(core.metadata).toEqual({ creationTimestamp: null });
    const pods = core.versions[0].resources.find((r: { resource: string }) => r.resource === 'pods');
    expect(pods).toMatchObject({ scope: 'Namespaced', singularResource: 'pod', shortNames: ['po'], categories: ['all'], responseKind: { group: '', version: '', kind: 'Pod' } });
    expect(pods.subresources.find((s: { subresource: string }) => s.subresource === 'eviction').responseKind).toEqual({ group: 'policy', version: 'v1', kind: 'Eviction' });
  });

  test('plain JSON gets the legacy documents', async () => {
    const api = await request(app).get('/api').set('Accept', 'application/json, */*').expect(200);
    expect(api.body).toEqual({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] });
    const apis = await request(app).get('/apis').expect(200);
    expect(apis.body.groups[0]).toEqual({ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } });
  });

  test('/api/v1 lists resources by name, subresources after their resource, without apiVersion', async () => {
    const res = await request(app).get('/api/v1').expect(200);
    expect(res.body.apiVersion).toBeUndefined();
    expect(res.body.groupVersion).toBe('v1');
    const names = res.body.resources.map((r: { name: string }) => r.name);
    expect(names.slice(0, 4)).toEqual(['componentstatuses', 'configmaps', 'endpoints', 'events']);
    expect(names.indexOf('pods/log')).toBeGreaterThan(names.indexOf('pods'));
    expect(res.body.resources.find((r: { name: string }) => r.name === 'pods')).toEqual({
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
      storageVersionHash: 'xPOwRZ+Yhw8=',
    });
    expect(res.body.resources.find((r: { name: string }) => r.name === 'pods/log')).toEqual({ name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] });
  });

  test('a group and its version have their own documents; an unknown one is NotFound', async () => {
    const group = await request(app).get('/apis/apps').expect(200);
    expect(group.body).toMatchObject({ kind: 'APIGroup', apiVersion: 'v1', name: 'apps' });
    const list = await request(app).get('/apis/apps/v1').expect(200);
    expect(list.body).toMatchObject({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1' });
    const missing = await request(app).get('/apis/nope.io/v1').expect(404);
    expect(missing.body.message).toBe('the server could not find the requested resource');
  });

  test('/version answers the imitated API server version', async () => {
    const res = await request(app).get('/version').expect(200);
    expect(res.body).toMatchObject({ major: '1', minor: '33', gitVersion: 'v1.33.1', platform: 'linux/amd64' });
  });
});
