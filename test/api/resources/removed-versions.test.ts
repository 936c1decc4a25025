import request from 'supertest';
import { ApiMetrics } from '../../../src/api/observability/index.js';
import { createApp } from '../../../src/api/server.js';
import { loadCluster, ManualClock } from '../../../src/cluster/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { TABLE_ACCEPT } from '../../support/test-app.js';

/** A capture of an old cluster, served at the versions a v1.33 server serves, converted as upstream converts. */

const NOW = Date.parse('2026-12-02T00:00:00Z');
const warnings: string[] = [];
const cluster = loadCluster(
  { file: 'test/fixtures/good/removed-versions.yaml' },
  { clock: new ManualClock(NOW), now: new Date(NOW), onWarning: (w) => warnings.push(w) },
);
const app = createApp(cluster, { logger: createLogger('silent'), metrics: new ApiMetrics(), serverAddress: () => '127.0.0.1:6443' });

test('a batch/v1beta1 CronJob is served as batch/v1, without the selfLink old servers set', async () => {
  const res = await request(app).get('/apis/batch/v1/namespaces/default/cronjobs/nightly').expect(200);
  expect(res.body.apiVersion).toBe('batch/v1');
  expect(res.body.metadata.selfLink).toBeUndefined();
  expect(res.body.spec).toMatchObject({
    schedule: '0 3 * * *',
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
  });
  await request(app).get('/apis/batch/v1beta1/namespaces/default/cronjobs').expect(404);
});

test('an extensions/v1beta1 Ingress is served as networking.k8s.io/v1 with service backends and a default path type', async () => {
  const res = await request(app).get('/apis/networking.k8s.io/v1/namespaces/default/ingresses/web').expect(200);
  expect(res.body.spec.defaultBackend).toEqual({ service: { name: 'default-http', port: { number: 80 } } });
  expect(res.body.spec.rules[0].http.paths[0]).toEqual({
    path: '/',
    pathType: 'ImplementationSpecific',
    backend: { service: { name: 'web', port: { name: 'http' } } },
  });
});

test('a policy/v1beta1 PodDisruptionBudget is served as policy/v1', async () => {
  const res = await request(app).get('/apis/policy/v1/namespaces/default/poddisruptionbudgets/web').expect(200);
  expect(res.body).toMatchObject({ apiVersion: 'policy/v1', spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } });
});

test('HorizontalPodAutoscalers of any version are readable at v2 and at v1, printed alike', async () => {
  const v2 = await request(app).get('/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/api').expect(200);
  expect(v2.body.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }]);
  const v1 = await request(app).get('/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web').expect(200);
  expect(v1.body).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 70 } });
  const tables = await Promise.all(
    ['v1', 'v2'].map((v) => request(app).get(`/apis/autoscaling/${v}/namespaces/default/horizontalpodautoscalers`).set('Accept', TABLE_ACCEPT).expect(200)),
  );
  const cells = tables.map((t) => t.body.rows.map((r: { cells: unknown[] }) => r.cells));
  expect(cells[0]).toEqual(cells[1]);
  expect(cells[1]).toEqual([
    ['api', 'Deployment/api', 'cpu: 12%/60%', '1', 4, 1, '5y185d'],
    ['web', 'Deployment/web', 'cpu: 42%/70%', '2', 10, 3, '5y185d'],
  ]);
});

test('a PodSecurityPolicy, which no v1.33 kind holds, is served as captured after a warning, never refused', async () => {
  expect(warnings.some((w) => w.includes('PodSecurityPolicy "restricted"'))).toBe(true);
  await request(app).get('/apis/policy/v1beta1/podsecuritypolicies/restricted').expect(200);
});
