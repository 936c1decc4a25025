import request from 'supertest';
import { TABLE_ACCEPT } from '../../support/test-app.js';
import { metricsApp } from './metrics-app.js';

const BASE = '/apis/metrics.k8s.io/v1beta1';
const names = (body: { items: { metadata: { name: string; namespace?: string } }[] }): string[] =>
  body.items.map((i) => (i.metadata.namespace ? `${i.metadata.namespace}/${i.metadata.name}` : i.metadata.name));

describe('metrics.k8s.io/v1beta1 lists', () => {
  test('nodes list as a NodeMetricsList of bare items, without resourceVersion, sorted, labels copied', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/nodes`).expect(200).expect('Content-Type', 'application/json');
    expect(res.body).toMatchObject({ kind: 'NodeMetricsList', apiVersion: 'metrics.k8s.io/v1beta1', metadata: {} });
    expect(res.body.metadata).toEqual({});
    expect(names(res.body)).toEqual(['node1', 'node2', 'node3']);
    const [first] = res.body.items;
    expect(Object.keys(first)).toEqual(['metadata', 'timestamp', 'window', 'usage']);
    expect(first.metadata).toEqual({
      name: 'node1',
      creationTimestamp: '2026-01-01T12:00:00Z',
      labels: { 'kubernetes.io/hostname': 'node1', 'node-role.kubernetes.io/master': '' },
    });
    expect(first.usage).toEqual({ cpu: expect.stringMatching(/^\d+(n|u|m)?$/), memory: expect.stringMatching(/^\d+Ki$/) });
    expect(first.window).toMatch(/^\d+(\.\d+)?s$/);
  });

  test.each([
    ['pods of one namespace, Running ones only', `${BASE}/namespaces/default/pods`, ['default/db-1', 'default/web-1']],
    ['pods of all namespaces, by namespace then name', `${BASE}/pods`, ['default/db-1', 'default/web-1', 'kube-system/etcd-node1']],
    ['pods selected by label', `${BASE}/pods?labelSelector=tier%3Dfrontend`, ['default/web-1']],
    ['pods selected by name', `${BASE}/pods?fieldSelector=metadata.name%3Ddb-1`, ['default/db-1']],
    ['nodes selected by label', `${BASE}/nodes?labelSelector=node-role.kubernetes.io/master`, ['node1']],
  ])('%s', async (_what, url, expected) => {
    const { app } = metricsApp();
    const res = await request(app).get(url).expect(200);
    expect(names(res.body)).toEqual(expected);
  });

  test('a PodMetricsList item lists its containers', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/namespaces/default/pods`).expect(200);
    expect(res.body.kind).toBe('PodMetricsList');
    expect(res.body.items[0]).toEqual({
      metadata: { name: 'db-1', namespace: 'default', creationTimestamp: '2026-01-01T12:00:00Z', labels: { app: 'db', tier: 'backend' } },
      timestamp: expect.any(String),
      window: expect.any(String),
      containers: [{ name: 'main', usage: { cpu: expect.any(String), memory: expect.any(String) } }],
    });
  });

  test('a bad label selector is refused as on any list', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/pods?labelSelector=a%3D%3D%3Db`).expect(400);
    expect(res.body.kind).toBe('Status');
  });
});

describe('metrics.k8s.io/v1beta1 objects', () => {
  test('one node is a NodeMetrics with its kind', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/nodes/node2`).expect(200);
    expect(Object.keys(res.body)).toEqual(['kind', 'apiVersion', 'metadata', 'timestamp', 'window', 'usage']);
    expect(res.body).toMatchObject({ kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', metadata: { name: 'node2' } });
  });

  test('one pod is a PodMetrics', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/namespaces/kube-system/pods/etcd-node1`).expect(200);
    expect(res.body).toMatchObject({ kind: 'PodMetrics', metadata: { name: 'etcd-node1', namespace: 'kube-system' } });
  });

  test.each([
    ["an unknown node: the node lister's error", `${BASE}/nodes/nope`, 'node "nope" not found', { name: 'nope', kind: 'node' }],
    [
      'a node without metrics',
      `${BASE}/nodes/node4`,
      'nodemetrics.metrics.k8s.io "node4" not found',
      { name: 'node4', group: 'metrics.k8s.io', kind: 'nodemetrics' },
    ],
    ["an unknown pod: the pod lister's error", `${BASE}/namespaces/default/pods/nope`, 'pods "nope" not found', { name: 'nope', kind: 'pods' }],
    [
      'a pod without metrics (Pending)',
      `${BASE}/namespaces/default/pods/web-2`,
      'podmetrics.metrics.k8s.io "default/web-2" not found',
      { name: 'default/web-2', group: 'metrics.k8s.io', kind: 'podmetrics' },
    ],
  ])('%s is a 404', async (_what, url, message, details) => {
    const { app } = metricsApp();
    const res = await request(app).get(url).expect(404);
    expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'NotFound', details, code: 404 });
  });

  test.each([
    ['a watch', `${BASE}/nodes?watch=true`, 405],
    ['a namespaced pod without its namespace', `${BASE}/pods/web-1`, 404],
    ['nodes inside a namespace', `${BASE}/namespaces/default/nodes`, 404],
  ])('%s is refused', async (_what, url, code) => {
    const { app } = metricsApp();
    await request(app).get(url).expect(code);
  });

  test('without a metrics source the aggregated API is unavailable', async () => {
    const { app } = metricsApp(undefined, false);
    await request(app).get(`${BASE}/nodes`).expect(503);
  });
});

describe('metrics.k8s.io/v1beta1 as Tables', () => {
  test('a list prints Name, cpu, memory and Window in the Table version asked for', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/namespaces/default/pods`).set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.body.apiVersion).toBe('meta.k8s.io/v1');
    expect(res.body.metadata).toEqual({});
    expect(res.body.columnDefinitions.map((c: { name: string; format: string }) => `${c.name}:${c.format}`)).toEqual([
      'Name:name',
      'cpu:quantity',
      'memory:quantity',
      'Window:duration',
    ]);
    expect(res.body.rows.map((r: { cells: unknown[] }) => r.cells[0])).toEqual(['db-1', 'web-1']);
    expect(res.body.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'db-1' } });
    const beta = await request(app).get(`${BASE}/nodes/node1`).set('Accept', 'application/json;as=Table;v=v1beta1;g=meta.k8s.io').expect(200);
    expect(beta.body.apiVersion).toBe('meta.k8s.io/v1beta1');
    expect(beta.body.rows).toHaveLength(1);
  });

  test('an empty list has neither columns nor rows, as metrics-server sets them from the first item', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/pods?labelSelector=app%3Dnone`).set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.body).toEqual({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: null, rows: null });
    expect(res.text).toBe(`${JSON.stringify(res.body)}\n`);
  });

  test('a Table, written a row at a time, is compact JSON in the struct order with the newline json.Encoder ends it with', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/pods`).set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.text).toBe(`${JSON.stringify(res.body)}\n`);
    expect(Object.keys(res.body)).toEqual(['kind', 'apiVersion', 'metadata', 'columnDefinitions', 'rows']);
    expect(res.body.rows.length).toBeGreaterThan(1);
  });

  test('YAML is served too', async () => {
    const { app } = metricsApp();
    const res = await request(app).get(`${BASE}/nodes/node1`).set('Accept', 'application/yaml').expect(200);
    expect(res.text).toContain('kind: NodeMetrics\n');
    expect(res.text).toContain('apiVersion: metrics.k8s.io/v1beta1\n');
  });
});

describe('metrics move with the clock', () => {
  test('a later request sees a later sample', async () => {
    const { app, clock } = metricsApp();
    const before = await request(app).get(`${BASE}/nodes/node1`).expect(200);
    clock.advance(60_000);
    const after = await request(app).get(`${BASE}/nodes/node1`).expect(200);
    expect(Date.parse(after.body.timestamp) - Date.parse(before.body.timestamp)).toBeGreaterThanOrEqual(50_000);
    expect(after.body.usage).not.toEqual(before.body.usage);
  });
});
