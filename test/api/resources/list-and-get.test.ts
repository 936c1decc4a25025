import request from 'supertest';
import type { KubeObject } from '../../../src/cluster/index.js';
import { TABLE_ACCEPT, testApp } from '../../support/test-app.js';

const names = (body: { items: { metadata: { name: string } }[] }): string[] => body.items.map((i) => i.metadata.name);

describe('listing and getting objects', () => {
  const { app, cluster } = testApp();

  test('a namespaced list is a typed list of that namespace, in name order, with the list resourceVersion', async () => {
    const res = await request(app).get('/api/v1/namespaces/default/pods').expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.kind).toBe('PodList');
    expect(res.body.apiVersion).toBe('v1');
    expect(res.body.metadata).toEqual({ resourceVersion: String(cluster.store.resourceVersion) });
    expect(names(res.body)).toEqual(['db-1', 'web-1', 'web-2']);
  });

  test('a list across all namespaces is in etcd key order', async () => {
    const res = await request(app).get('/api/v1/pods').expect(200);
    expect(res.body.items.map((p: { metadata: { namespace: string; name: string } }) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'default/db-1',
      'default/web-1',
      'default/web-2',
      'kube-system/etcd-node1',
    ]);
  });

  test('an empty list has items [] and never null', async () => {
    const res = await request(app).get('/api/v1/namespaces/nowhere/pods').expect(200);
    expect(res.body.items).toEqual([]);
  });

  test('a get returns the object with its kind, apiVersion and resourceVersion', async () => {
    const res = await request(app).get('/api/v1/nodes/node1').expect(200);
    expect(res.body).toMatchObject({ kind: 'Node', apiVersion: 'v1', metadata: { name: 'node1' } });
    expect(Number(res.body.metadata.resourceVersion)).toBeGreaterThan(0);
  });

  test.each([
    ['/api/v1/nodes/node9', 'nodes "node9" not found', { name: 'node9', kind: 'nodes' }],
    ['/api/v1/namespaces/default/pods/nope', 'pods "nope" not found', { name: 'nope', kind: 'pods' }],
    ['/apis/apps/v1/namespaces/default/deployments/x', 'deployments.apps "x" not found', { name: 'x', group: 'apps', kind: 'deployments' }],
  ])('GET %s is a NotFound Status', async (path, message, details) => {
    const res = await request(app).get(path).expect(404);
    expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'NotFound', details, code: 404 });
  });

  test.each([['/api/v1/foos'], ['/apis/nope.io/v1/things'], ['/api/v1/namespaces/default/nodes'], ['/api/v1/pods/web-1']])(
    'GET %s names no resource: 404 "the server could not find the requested resource"',
    async (path) => {
      const res = await request(app).get(path).expect(404);
      expect(res.body).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'the server could not find the requested resource', code: 404 });
    },
  );

  test.each([
    ['/api/v1/namespaces/default/pods/%2E%2E', `Name parameter invalid: "..": may not be '..'`],
    ['/api/v1/namespaces/default/pods/a%25b', `Name parameter invalid: "a%b": may not contain '%'`],
    ['/api/v1/nodes/%2E', `Name parameter invalid: ".": may not be '.'`],
  ])('GET %s names no object a store could hold: 400 %s', async (path, message) => {
    const res = await request(app).get(path).expect(400);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'BadRequest', message, code: 400 });
  });

  test("a component that does not exist is the real registry's 500 without reason", async () => {
    const res = await request(app).get('/api/v1/componentstatuses/foo').expect(500);
    expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Component not found: foo', code: 500 });
  });

  test('componentstatuses and endpoints carry their deprecation warnings', async () => {
    const cs = await request(app).get('/api/v1/componentstatuses').expect(200);
    expect(cs.headers['warning']).toBe('299 - "v1 ComponentStatus is deprecated in v1.19+"');
    const ep = await request(app).get('/api/v1/endpoints').expect(200);
    expect(ep.headers['warning']).toBe('299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"');
  });

  test('component statuses are probed, not stored: a name alone, no resourceVersion, no pages', async () => {
    const list = await request(app).get('/api/v1/componentstatuses?limit=1').expect(200);
    expect(list.body.metadata).toEqual({});
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items[0]).toEqual({
      apiVersion: 'v1',
      kind: 'ComponentStatus',
      metadata: { name: 'controller-manager', creationTimestamp: null },
      conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }],
    });
    const one = await request(app).get('/api/v1/componentstatuses/etcd-0').expect(200);
    expect(one.body.metadata).toEqual({ name: 'etcd-0', creationTimestamp: null });
    const table = await request(app).get('/api/v1/componentstatuses').set('Accept', TABLE_ACCEPT).expect(200);
    expect(table.body.metadata).toEqual({});
  });

  test('watching componentstatuses is not allowed: they are not watchable', async () => {
    const res = await request(app).get('/api/v1/componentstatuses?watch=true').expect(405);
    expect(res.body.reason).toBe('MethodNotAllowed');
  });

  test('an Accept the server cannot produce is 406 with the served media types', async () => {
    const res = await request(app).get('/api/v1/pods').set('Accept', 'text/html').expect(406);
    expect(res.body.message).toBe('only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf');
  });

  test('YAML is served when asked for', async () => {
    const res = await request(app).get('/api/v1/nodes/node2').set('Accept', 'application/yaml').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    expect(res.text).toMatch(/^apiVersion: v1\nkind: Node\n/m);
  });

  test('every response carries an Audit-Id and no-cache headers', async () => {
    const res = await request(app).get('/api/v1/nodes').set('Audit-ID', 'abc').expect(200);
    expect(res.headers['audit-id']).toBe('abc');
    expect(res.headers['cache-control']).toBe('no-cache, private');
  });

  test('a non-API path lists the served paths with a 404, and / with a 200', async () => {
    const root = await request(app).get('/').expect(200);
    expect(root.body.paths).toEqual(expect.arrayContaining(['/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/version']));
    await request(app).get('/foo').expect(404);
  });
});

describe('selectors', () => {
  const { app } = testApp();

  test.each([
    ['app=web', ['web-1', 'web-2']],
    ['app==db', ['db-1']],
    ['app!=web', ['db-1']],
    ['tier in (frontend,backend)', ['db-1', 'web-1', 'web-2']],
    ['tier notin (frontend)', ['db-1']],
    ['app', ['db-1', 'web-1', 'web-2']],
    ['!app', []],
    ['app=web,tier=backend', []],
  ])('labelSelector %s selects %j', async (selector, expected) => {
    const res = await request(app).get('/api/v1/namespaces/default/pods').query({ labelSelector: selector }).expect(200);
    expect(names(res.body)).toEqual(expected);
  });

  test.each([
    ['spec.nodeName=node2', ['db-1', 'web-1']],
    ['spec.nodeName=node2,status.phase!=Running', []],
    ['status.phase=Pending', ['web-2']],
    ['metadata.name=web-1', ['web-1']],
    ['spec.host=node3', ['web-2']],
  ])('fieldSelector %s selects %j', async (selector, expected) => {
    const res = await request(app).get('/api/v1/namespaces/default/pods').query({ fieldSelector: selector }).expect(200);
    expect(names(res.body)).toEqual(expected);
  });

  test('a field selector across namespaces uses the node index and still filters', async () => {
    const res = await request(app).get('/api/v1/pods').query({ fieldSelector: 'spec.nodeName=node1,status.phase!=Succeeded,status.phase!=Failed' }).expect(200);
    expect(names(res.body)).toEqual(['etcd-node1']);
  });

  test.each([
    ['/api/v1/pods', 'fieldSelector', 'foo=bar', 'field label not supported: foo'],
    ['/api/v1/nodes', 'fieldSelector', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['/api/v1/configmaps', 'fieldSelector', 'data.x=1', '"data.x" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['/api/v1/pods', 'labelSelector', 'a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
  ])('GET %s?%s=%s is a 400 with the real message', async (path, param, value, message) => {
    const res = await request(app)
      .get(path)
      .query({ [param]: value })
      .expect(400);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
    expect(res.body.message).toContain(message);
  });
});

describe('pagination', () => {
  const { app, cluster } = testApp();

  test('limit and continue walk the whole list, page by page, at one resourceVersion', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let listRv: string | undefined;
    let pages = 0;
    do {
      const res = await request(app)
        .get('/api/v1/pods')
        .query({ limit: 1, ...(token ? { continue: token } : {}) })
        .expect(200);
      seen.push(...names(res.body));
      listRv ??= res.body.metadata.resourceVersion;
      expect(res.body.metadata.resourceVersion).toBe(listRv);
      token = res.body.metadata.continue;
      if (token) expect(res.body.metadata.remainingItemCount).toBe(4 - seen.length);
      pages++;
      if (pages === 2) cluster.store.delete('/pods', 'kube-system', 'etcd-node1');
    } while (token);
    expect(seen).toEqual(['db-1', 'web-1', 'web-2', 'etcd-node1']);
  });

  test('a continue token that does not decode is a 400', async () => {
    const res = await request(app).get('/api/v1/pods').query({ limit: 1, continue: 'not a token!' }).expect(400);
    expect(res.body.message).toMatch(/^invalid continue token: continue key is not valid: /);
  });

  test('continue with a resourceVersion is refused', async () => {
    const first = await request(app).get('/api/v1/pods').query({ limit: 1 }).expect(200);
    const res = await request(app).get('/api/v1/pods').query({ limit: 1, continue: first.body.metadata.continue, resourceVersion: '5' }).expect(400);
    expect(res.body.message).toBe('specifying resource version is not allowed when using continue');
  });

  test('a continue token older than the history is 410 Expired with a fresh token', async () => {
    const small = testApp(undefined, 1);
    const first = await request(small.app).get('/api/v1/namespaces/default/pods').query({ limit: 1 }).expect(200);
    small.cluster.store.update('/nodes', small.cluster.store.get('/nodes', undefined, 'node1')?.object as KubeObject);
    small.cluster.store.update('/nodes', small.cluster.store.get('/nodes', undefined, 'node2')?.object as KubeObject);
    const res = await request(small.app).get('/api/v1/namespaces/default/pods').query({ limit: 1, continue: first.body.metadata.continue }).expect(410);
    expect(res.body.reason).toBe('Expired');
    expect(res.body.message).toMatch(/^The provided continue parameter is too old/);
    expect(res.body.metadata.continue).toEqual(expect.any(String));
    // The fresh token continues after the same key, at whatever state is latest when it is used.
    const token = JSON.parse(Buffer.from(res.body.metadata.continue, 'base64url').toString('utf8'));
    expect(token).toMatchObject({ v: 'meta.k8s.io/v1', rv: -1 });
    const rest = await request(small.app).get('/api/v1/namespaces/default/pods').query({ limit: 10, continue: res.body.metadata.continue }).expect(200);
    expect(rest.body.metadata.resourceVersion).toBe(String(small.cluster.store.resourceVersion));
    expect(rest.body.items.map((pod: KubeObject) => pod.metadata.name)).toEqual(['web-1', 'web-2']);
  });

  const tokenOf = (content: object): string => Buffer.from(JSON.stringify(content), 'utf8').toString('base64url');
  test.each([
    ['not a token!', 'continue key is not valid: illegal base64 data at input byte 3'],
    [tokenOf({ v: 'v99', rv: 5, start: 'web-1\u0000' }), 'continue key is not valid: server does not recognize this encoded version v99'],
    [
      tokenOf({ v: 'meta.k8s.io/v1', rv: 0, start: 'web-1\u0000' }),
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    ],
    [tokenOf({ v: 'meta.k8s.io/v1', rv: 5, start: '' }), 'continue key is not valid: encoded start key empty (version meta.k8s.io/v1)'],
    [tokenOf({ v: 'meta.k8s.io/v1', rv: 5, start: '../secrets/x' }), 'continue key is not valid: ../secrets/x'],
  ])('the continue token %s is refused in the real store’s words', async (token, detail) => {
    const res = await request(app).get('/api/v1/namespaces/default/pods').query({ limit: 1, continue: token }).expect(400);
    expect(res.body).toMatchObject({ reason: 'BadRequest', message: `invalid continue token: ${detail}` });
  });

  test('resourceVersionMatch without resourceVersion is 422 Invalid', async () => {
    const res = await request(app).get('/api/v1/pods').query({ resourceVersionMatch: 'Exact' }).expect(422);
    expect(res.body.message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    );
  });

  test('a resourceVersion newer than the store is a 504 Timeout', async () => {
    const res = await request(app).get('/api/v1/pods').query({ resourceVersion: '999999' }).expect(504);
    expect(res.body.message).toMatch(/^Timeout: Too large resource version: 999999, current: \d+$/);
  });
});

describe('Tables', () => {
  const { app } = testApp();

  test('kubectl get nodes gets a Table with every column, wide ones at priority 1', async () => {
    const res = await request(app).get('/api/v1/nodes').query({ limit: 500 }).set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.body.kind).toBe('Table');
    expect(res.body.apiVersion).toBe('meta.k8s.io/v1');
    expect(res.body.columnDefinitions.map((c: { name: string; priority: number }) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Status', 0],
      ['Roles', 0],
      ['Age', 0],
      ['Version', 0],
      ['Internal-IP', 1],
      ['External-IP', 1],
      ['OS-Image', 1],
      ['Kernel-Version', 1],
      ['Container-Runtime', 1],
    ]);
    expect(res.body.rows[0].cells).toEqual([
      'node1',
      'Ready',
      'master',
      '92s',
      'v1.14.2',
      '192.168.0.18',
      '<none>',
      'CentOS Linux 7 (Core)',
      '4.4.0-141-generic',
      'docker://18.9.6',
    ]);
    expect(res.body.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'node1' } });
    expect(res.body.rows[2].cells.slice(0, 2)).toEqual(['node3', 'NotReady']);
  });

  test('includeObject=Object embeds whole objects, None embeds null', async () => {
    const full = await request(app).get('/api/v1/namespaces/default/pods').query({ includeObject: 'Object' }).set('Accept', TABLE_ACCEPT).expect(200);
    expect(full.body.rows[0].object).toMatchObject({ kind: 'Pod', apiVersion: 'v1', spec: { nodeName: 'node2' } });
    const none = await request(app).get('/api/v1/namespaces/default/pods').query({ includeObject: 'None' }).set('Accept', TABLE_ACCEPT).expect(200);
    expect(none.body.rows[0].object).toBeNull();
  });

  test("a single object asked for as a Table is a one-row Table at the object's resourceVersion", async () => {
    const res = await request(app).get('/api/v1/namespaces/default/pods/web-1').set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.body.rows).toHaveLength(1);
    expect(res.body.rows[0].cells.slice(0, 3)).toEqual(['web-1', '1/1', 'Running']);
  });

  test('v1beta1 Tables are served to clients that ask only for them', async () => {
    const res = await request(app).get('/api/v1/componentstatuses').set('Accept', 'application/json;as=Table;v=v1beta1;g=meta.k8s.io').expect(200);
    expect(res.body.apiVersion).toBe('meta.k8s.io/v1beta1');
    expect(res.body.rows.map((r: { cells: unknown[] }) => r.cells)).toEqual([
      ['controller-manager', 'Healthy', 'ok', ''],
      ['etcd-0', 'Healthy', '{"health":"true"}', ''],
      ['scheduler', 'Healthy', 'ok', ''],
    ]);
  });

  test('a bad includeObject is a 400', async () => {
    const res = await request(app).get('/api/v1/nodes').query({ includeObject: 'x' }).set('Accept', TABLE_ACCEPT).expect(400);
    expect(res.body.message).toBe(`Unable to convert to Table as requested: includeObject: Invalid value: "x": must be 'Metadata', 'Object', 'None', or empty`);
  });
});
