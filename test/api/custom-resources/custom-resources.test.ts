import request from 'supertest';
import { ApiMetrics } from '../../../src/api/observability/index.js';
import { createApp } from '../../../src/api/server.js';
import { loadCluster, ManualClock } from '../../../src/cluster/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { TABLE_ACCEPT } from '../../support/test-app.js';

/** Custom resources served as apiextensions-apiserver serves them, from a CRD found in the cluster file. */

const NOW = Date.parse('2026-12-02T00:00:00Z');
const warnings: string[] = [];
const cluster = loadCluster(
  { file: 'test/fixtures/good/crontabs.yaml' },
  { clock: new ManualClock(NOW), now: new Date(NOW), onWarning: (w) => warnings.push(w) },
);
const app = createApp(cluster, { logger: createLogger('silent'), metrics: new ApiMetrics(), serverAddress: () => '127.0.0.1:6443' });
const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

describe('discovery of a CRD', () => {
  test('/apis/<group> lists its served versions, storage version preferred', async () => {
    const res = await request(app).get('/apis/stable.example.com').expect(200);
    expect(res.body.versions).toEqual([
      { groupVersion: 'stable.example.com/v1', version: 'v1' },
      { groupVersion: 'stable.example.com/v1beta1', version: 'v1beta1' },
    ]);
    expect(res.body.preferredVersion).toEqual({ groupVersion: 'stable.example.com/v1', version: 'v1' });
  });

  test('/apis/<group>/<version> describes the resource as the CRD names it', async () => {
    const res = await request(app).get('/apis/stable.example.com/v1').expect(200);
    expect(res.body.resources).toEqual([
      {
        name: 'crontabs',
        singularName: 'crontab',
        namespaced: true,
        kind: 'CronTab',
        verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
        shortNames: ['ct'],
        categories: ['all'],
        storageVersionHash: expect.any(String),
      },
      { name: 'crontabs/scale', singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] },
      { name: 'crontabs/status', singularName: '', namespaced: true, kind: 'CronTab', verbs: ['get', 'patch', 'update'] },
    ]);
  });

  test('custom groups come after the built-in ones in aggregated discovery, metrics.k8s.io last', async () => {
    const res = await request(app).get('/apis').set('Accept', V2).expect(200);
    const names = res.body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    expect(names.slice(-3)).toEqual(['stable.example.com', 'velero.io', 'metrics.k8s.io']);
  });
});

describe('reading custom resources', () => {
  test('a list at the storage version holds every object, converted to it', async () => {
    const res = await request(app).get('/apis/stable.example.com/v1/namespaces/default/crontabs').expect(200);
    expect(res.body.kind).toBe('CronTabList');
    expect(res.body.items.map((i: { apiVersion: string; metadata: { name: string } }) => [i.apiVersion, i.metadata.name])).toEqual([
      ['stable.example.com/v1', 'hourly'],
      ['stable.example.com/v1', 'nightly'],
    ]);
  });

  test('another served version reads the same objects at its own apiVersion, with its deprecation warning', async () => {
    const res = await request(app).get('/apis/stable.example.com/v1beta1/namespaces/default/crontabs/nightly').expect(200);
    expect(res.body.apiVersion).toBe('stable.example.com/v1beta1');
    expect(res.headers['warning']).toBe('299 - "stable.example.com/v1beta1 CronTab is deprecated"');
  });

  test('a Table has the CRD columns, each cell formatted by its type', async () => {
    const res = await request(app).get('/apis/stable.example.com/v1/namespaces/default/crontabs').set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.body.columnDefinitions.map((c: { name: string; type: string; priority: number }) => [c.name, c.type, c.priority])).toEqual([
      ['Name', 'string', 0],
      ['Spec', 'string', 0],
      ['Replicas', 'integer', 0],
      ['Ratio', 'number', 1],
      ['Enabled', 'boolean', 0],
      ['Last Run', 'date', 0],
      ['Age', 'date', 0],
    ]);
    expect(res.body.rows.map((r: { cells: unknown[] }) => r.cells)).toEqual([
      ['hourly', '0 * * * *', 1, null, false, null, '36h'],
      ['nightly', '0 3 * * *', 2, 0.5, true, '21h', '37h'],
    ]);
  });

  test('a selectable field of the CRD selects', async () => {
    const res = await request(app).get('/apis/stable.example.com/v1/crontabs').query({ fieldSelector: 'spec.image=backup:1.2' }).expect(200);
    expect(res.body.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['nightly']);
    const refused = await request(app).get('/apis/stable.example.com/v1/crontabs').query({ fieldSelector: 'spec.cronSpec=x' }).expect(400);
    expect(refused.body.message).toBe('field label not supported: spec.cronSpec');
  });

  test('the scale subresource reads the paths the CRD declares', async () => {
    const res = await request(app).get('/apis/stable.example.com/v1/namespaces/default/crontabs/nightly/scale').expect(200);
    expect(res.body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 2 }, status: { replicas: 2 } });
  });

  test('kubectl get crd prints the default Name / Created At table', async () => {
    const res = await request(app).get('/apis/apiextensions.k8s.io/v1/customresourcedefinitions').set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Created At']);
    expect(res.body.rows[0].cells).toEqual(['crontabs.stable.example.com', '2026-11-30T10:00:00Z']);
  });
});

describe('a custom resource without its CRD', () => {
  test('is served all the same, with Name and Age, after one warning', async () => {
    expect(warnings).toEqual([
      'test/fixtures/good/crontabs.yaml:67: no CustomResourceDefinition defines Backup (velero.io/v1); served as backups.velero.io with default columns',
    ]);
    const res = await request(app).get('/apis/velero.io/v1/namespaces/velero/backups').set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.body.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Age']);
    expect(res.body.rows[0].cells).toEqual(['daily-20261201', '24h']);
  });
});
