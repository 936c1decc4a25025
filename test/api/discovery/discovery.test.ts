import { createHash } from 'node:crypto';
import express, { type Express } from 'express';
import request from 'supertest';
import { createDiscoveryRouter } from '../../../src/api/discovery/index.js';
import { errorHandler } from '../../../src/api/errors/error-handler.js';
import { registry, ResourceRegistry, type ResourceType } from '../../../src/cluster/index.js';
import { RESOURCE_TYPES } from '../../../src/cluster/resources/registry.js';

const quietLogger = { error: () => undefined };

function discoveryApp(reg: ResourceRegistry = registry, address: () => string = () => '10.0.0.1:6443'): Express {
  return express()
    .use(createDiscoveryRouter(reg, { serverAddress: address }))
    .use(errorHandler(quietLogger));
}

/** What each kubectl generation sends on /api and /apis (reference §1.2). */
const KUBECTL_1_27 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const KUBECTL_1_33 =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const CLIENT_GO_HEAD =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList;profile=nopeer,application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
const LEGACY_GV = 'application/json, */*';
const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

const sha512 = (text: string): string => createHash('sha512').update(text).digest('hex').toUpperCase();

describe('legacy discovery documents', () => {
  const app = discoveryApp();

  test('/api names the core version and where clients reach the server, without apiVersion', async () => {
    const res = await request(app).get('/api').set('Accept', LEGACY_GV).expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe('{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"10.0.0.1:6443"}]}');
  });

  test('/api follows the server address when it changes', async () => {
    let address = '127.0.0.1:1';
    const moving = discoveryApp(registry, () => address);
    expect((await request(moving).get('/api')).body.serverAddressByClientCIDRs[0].serverAddress).toBe('127.0.0.1:1');
    address = '127.0.0.1:2';
    expect((await request(moving).get('/api')).body.serverAddressByClientCIDRs[0].serverAddress).toBe('127.0.0.1:2');
  });

  test('/apis lists the registry groups by priority, preferred version first, no server addresses', async () => {
    const res = await request(app).get('/apis').expect(200);
    expect(res.body.kind).toBe('APIGroupList');
    expect(res.body.apiVersion).toBe('v1');
    expect(res.body.groups.map((g: { name: string }) => g.name)).toEqual(registry.groups());
    // apiregistration.k8s.io and apps share the top priority (17800); ties go by name.
    expect(res.body.groups.slice(0, 3).map((g: { name: string }) => g.name)).toEqual(['apiregistration.k8s.io', 'apps', 'events.k8s.io']);
    expect(res.body.groups[1]).toEqual({
      name: 'apps',
      versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
    });
    expect(res.body.groups.at(-1).name).toBe('metrics.k8s.io');
    expect(res.text).not.toContain('serverAddressByClientCIDRs');
  });

  test('/apis/<group> is an APIGroup', async () => {
    const res = await request(app).get('/apis/coordination.k8s.io').expect(200);
    expect(res.body).toEqual({
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: 'coordination.k8s.io',
      versions: [{ groupVersion: 'coordination.k8s.io/v1', version: 'v1' }],
      preferredVersion: { groupVersion: 'coordination.k8s.io/v1', version: 'v1' },
    });
  });

  test('/api/v1 lists resources by name with subresources right after, and has no apiVersion', async () => {
    const res = await request(app).get('/api/v1').expect(200);
    expect(Object.keys(res.body)).toEqual(['kind', 'groupVersion', 'resources']);
    const names: string[] = res.body.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual([...names].sort());
    expect(names.slice(names.indexOf('pods'), names.indexOf('pods') + 3)).toEqual(['pods', 'pods/attach', 'pods/binding']);
    const byName = new Map(res.body.resources.map((r: { name: string }) => [r.name, r]));
    expect(res.text).toContain(
      '{"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod","verbs":["create","delete","deletecollection","get","list","patch","update","watch"],"shortNames":["po"],"categories":["all"],"storageVersionHash":"xPOwRZ+Yhw8="}',
    );
    expect(byName.get('pods/eviction')).toEqual({
      name: 'pods/eviction',
      singularName: '',
      namespaced: true,
      group: 'policy',
      version: 'v1',
      kind: 'Eviction',
      verbs: ['create'],
    });
    expect(byName.get('namespaces/status')).toEqual({
      name: 'namespaces/status',
      singularName: '',
      namespaced: false,
      kind: 'Namespace',
      verbs: ['get', 'patch', 'update'],
    });
    expect(byName.get('componentstatuses')).toEqual({
      name: 'componentstatuses',
      singularName: 'componentstatus',
      namespaced: false,
      kind: 'ComponentStatus',
      verbs: ['get', 'list'],
      shortNames: ['cs'],
    });
  });

  test('/apis/<group>/<version> carries apiVersion, and kinds from other groups on subresources', async () => {
    const res = await request(app).get('/apis/apps/v1').expect(200);
    expect(res.body.apiVersion).toBe('v1');
    expect(res.body.groupVersion).toBe('apps/v1');
    const scale = res.body.resources.find((r: { name: string }) => r.name === 'deployments/scale');
    expect(scale).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
  });

  test('autoscaling lists v2 first and as its preferred version, as upstream', async () => {
    const res = await request(app).get('/apis/autoscaling').expect(200);
    expect(res.body.versions).toEqual([
      { groupVersion: 'autoscaling/v2', version: 'v2' },
      { groupVersion: 'autoscaling/v1', version: 'v1' },
    ]);
    expect(res.body.preferredVersion).toEqual({ groupVersion: 'autoscaling/v2', version: 'v2' });
  });

  test('the access reviews are listed as the registry has them', async () => {
    const res = await request(app).get('/apis/authorization.k8s.io/v1').expect(200);
    expect(res.body.resources).toEqual([
      { name: 'localsubjectaccessreviews', singularName: 'localsubjectaccessreview', namespaced: true, kind: 'LocalSubjectAccessReview', verbs: ['create'] },
      { name: 'selfsubjectaccessreviews', singularName: 'selfsubjectaccessreview', namespaced: false, kind: 'SelfSubjectAccessReview', verbs: ['create'] },
      { name: 'selfsubjectrulesreviews', singularName: 'selfsubjectrulesreview', namespaced: false, kind: 'SelfSubjectRulesReview', verbs: ['create'] },
      { name: 'subjectaccessreviews', singularName: 'subjectaccessreview', namespaced: false, kind: 'SubjectAccessReview', verbs: ['create'] },
    ]);
  });

  test.each(['/api/v2', '/apis/nope', '/apis/apps/v2', '/apis/nope/v1'])('%s is NotFound with the generic message', async (path) => {
    const res = await request(app).get(path).expect(404);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    });
  });

  test.each(['/api/v1', '/apis/apps', '/apis/apps/v1', '/apis'])('%s has an ETag that a repeated request turns into 304', async (path) => {
    const first = await request(app).get(path).set('Accept', LEGACY_GV).expect(200);
    expect(first.headers['etag']).toBe(`"${sha512(first.text)}"`);
    expect(first.headers['vary']).toBe('Accept');
    const again = await request(app)
      .get(path)
      .set('Accept', LEGACY_GV)
      .set('If-None-Match', first.headers['etag'] ?? '')
      .expect(304);
    expect(again.text).toBe('');
    await request(app).get(path).set('If-None-Match', '"stale"').expect(200);
  });

  test('YAML is served when asked for, and curl gets indented JSON', async () => {
    const yaml = await request(app).get('/apis/apps').set('Accept', 'application/yaml').expect(200);
    expect(yaml.headers['content-type']).toBe('application/yaml');
    expect(yaml.text).toContain('kind: APIGroup');
    const curl = await request(app).get('/apis/apps').set('User-Agent', 'curl/8.5.0').expect(200);
    expect(curl.text).toBe(`${JSON.stringify(JSON.parse(curl.text), null, 2)}\n`);
  });

  test('discovery follows the registry: a custom group it gains appears after the built-in ones, before metrics.k8s.io', async () => {
    const widgets: ResourceType = {
      ...(RESOURCE_TYPES.find((t) => t.plural === 'leases') as ResourceType),
      group: 'example.com',
      version: 'v1alpha1',
      plural: 'widgets',
      singular: 'widget',
      kind: 'Widget',
      listKind: 'WidgetList',
      namespaced: false,
      verbs: ['get', 'list'],
      storage: 'virtual',
    };
    delete widgets.storageVersionHash;
    const extended = discoveryApp(new ResourceRegistry([...RESOURCE_TYPES, widgets]));
    const groups = (await request(extended).get('/apis').expect(200)).body.groups.map((g: { name: string }) => g.name);
    expect(groups).toEqual([...registry.groups().filter((g) => g !== 'metrics.k8s.io'), 'example.com', 'metrics.k8s.io']);
    const list = await request(extended).get('/apis/example.com/v1alpha1').expect(200);
    expect(list.body.resources).toEqual([{ name: 'widgets', singularName: 'widget', namespaced: false, kind: 'Widget', verbs: ['get', 'list'] }]);
    const aggregated = await request(extended).get('/apis').set('Accept', V2).expect(200);
    expect(aggregated.body.items.at(-2).metadata).toEqual({ name: 'example.com', creationTimestamp: null });
  });
});

describe('aggregated discovery', () => {
  const app = discoveryApp();

  test.each([
    ['kubectl 1.27–1.29', '/api', 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList', KUBECTL_1_27],
    ['kubectl 1.27–1.29', '/apis', 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList', KUBECTL_1_27],
    ['kubectl 1.30–1.33', '/api', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList', KUBECTL_1_33],
    ['kubectl 1.30–1.33', '/apis', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList', KUBECTL_1_33],
    ['client-go head (profile=nopeer ignored)', '/apis', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList', CLIENT_GO_HEAD],
    ['a per-group-version fetch', '/apis', 'application/json', LEGACY_GV],
    ['no Accept at all', '/api', 'application/json', ''],
    ['*/*', '/apis', 'application/json', '*/*'],
    ['an aggregated clause on a group version document (skipped)', '/api/v1', 'application/json', KUBECTL_1_33],
    ['an unknown conversion, then JSON', '/apis', 'application/json', 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json'],
  ])('%s on %s gets %s', async (_who, path, contentType, accept) => {
    const req = request(app).get(path);
    if (accept !== '') req.set('Accept', accept);
    const res = await req.expect(200);
    expect(res.headers['content-type']).toBe(contentType);
  });

  test('only protobuf, or only an aggregated version not served, is Not Acceptable', async () => {
    for (const accept of ['application/vnd.kubernetes.protobuf', 'application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList']) {
      const res = await request(app).get('/apis').set('Accept', accept).expect(406);
      expect(res.body.message).toBe('only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf');
    }
  });

  test('an aggregated answer is public, varies on Accept, and is tagged with the SHA-512 of its list without TypeMeta', async () => {
    const res = await request(app).get('/apis').set('Accept', V2).expect(200);
    expect(res.headers['cache-control']).toBe('public');
    expect(res.headers['vary']).toBe('Accept');
    const { kind, apiVersion, ...list } = JSON.parse(res.text) as Record<string, unknown>;
    expect([kind, apiVersion]).toEqual(['APIGroupDiscoveryList', 'apidiscovery.k8s.io/v2']);
    expect(res.headers['etag']).toBe(`"${sha512(JSON.stringify(list))}"`);
    expect(res.headers['etag']).toMatch(/^"[0-9A-F]{128}"$/);
  });

  test('v2 and v2beta1 are the same document under two apiVersions, with one ETag', async () => {
    const v2 = await request(app).get('/apis').set('Accept', V2).expect(200);
    const beta = await request(app).get('/apis').set('Accept', V2BETA1).expect(200);
    expect(beta.body.apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    expect(beta.body.items).toEqual(v2.body.items);
    expect(beta.headers['etag']).toBe(v2.headers['etag']);
  });

  test('the ETag kubectl replays is answered 304 with the caching headers and no body', async () => {
    const first = await request(app).get('/api').set('Accept', KUBECTL_1_33).expect(200);
    const etag = first.headers['etag'] ?? '';
    const again = await request(app).get('/api').set('Accept', KUBECTL_1_33).set('If-None-Match', etag).expect(304);
    expect(again.headers['etag']).toBe(etag);
    expect(again.headers['cache-control']).toBe('public');
    expect(again.text).toBe('');
    // The legacy form of the same URL has another tag: a cached aggregated tag does not validate it.
    await request(app).get('/api').set('Accept', LEGACY_GV).set('If-None-Match', etag).expect(200);
  });

  test('/api has one nameless item: the core group with its resources, scopes and subresources', async () => {
    const res = await request(app).get('/api').set('Accept', V2).expect(200);
    expect(res.body.metadata).toEqual({});
    expect(res.body.items).toHaveLength(1);
    const [core] = res.body.items;
    expect(core.metadata).toEqual({ creationTimestamp: null });
    expect(core.versions.map((v: { version: string; freshness: string }) => [v.version, v.freshness])).toEqual([['v1', 'Current']]);
    const pods = core.versions[0].resources.find((r: { resource: string }) => r.resource === 'pods');
    expect(Object.keys(pods)).toEqual(['resource', 'responseKind', 'scope', 'singularResource', 'verbs', 'shortNames', 'categories', 'subresources']);
    expect(pods.responseKind).toEqual({ group: '', version: '', kind: 'Pod' });
    expect(pods.scope).toBe('Namespaced');
    expect(pods.subresources.find((s: { subresource: string }) => s.subresource === 'eviction')).toEqual({
      subresource: 'eviction',
      responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' },
      verbs: ['create'],
    });
    const nodes = core.versions[0].resources.find((r: { resource: string }) => r.resource === 'nodes');
    expect(nodes.scope).toBe('Cluster');
    expect(res.text).not.toContain('storageVersionHash');
  });

  test('/apis has one item per group, in legacy /apis order, resources without empty lists', async () => {
    const aggregated = await request(app).get('/apis').set('Accept', V2).expect(200);
    const legacy = await request(app).get('/apis').expect(200);
    expect(aggregated.body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(legacy.body.groups.map((g: { name: string }) => g.name));
    const apps = aggregated.body.items[1];
    expect(apps.metadata).toEqual({ name: 'apps', creationTimestamp: null });
    const deployments = apps.versions[0].resources.find((r: { resource: string }) => r.resource === 'deployments');
    expect(deployments.subresources).toEqual([
      { subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] },
      { subresource: 'status', responseKind: { group: '', version: '', kind: 'Deployment' }, verbs: ['get', 'patch', 'update'] },
    ]);
    const leases = aggregated.body.items.find((i: { metadata: { name: string } }) => i.metadata.name === 'coordination.k8s.io').versions[0].resources[0];
    expect(leases).toEqual({
      resource: 'leases',
      responseKind: { group: '', version: '', kind: 'Lease' },
      scope: 'Namespaced',
      singularResource: 'lease',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    });
  });
});
