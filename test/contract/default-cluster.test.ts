import request from 'supertest';
import { ApiMetrics } from '../../src/api/observability/index.js';
import { createApp } from '../../src/api/server.js';
import { defaultClusterFile } from '../../src/cli/package-root.js';
import { loadCluster, ManualClock } from '../../src/cluster/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { expectMatchesOwnKind, expectMatchesSchema } from '../support/openapi-validator.js';

const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

/** The default cluster as served, every list and Table of every stored resource, checked against upstream's schemas. */
describe('the default cluster as served matches the upstream OpenAPI schemas', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');
  const cluster = loadCluster({ file: defaultClusterFile() }, { clock: new ManualClock(now), now: new Date(now) });
  const app = createApp(cluster, { logger: createLogger('silent'), metrics: new ApiMetrics(), serverAddress: () => '127.0.0.1:6443' });
  const stored = cluster.registry.types.filter((t) => t.storage === 'stored');

  test.each(stored.map((t) => [t.group ? `/apis/${t.group}/${t.version}/${t.plural}` : `/api/v1/${t.plural}`, t.listKind]))(
    'GET %s: a %s whose every item is valid',
    async (path, listKind) => {
      const res = await request(app).get(path).expect(200);
      expect(res.body.kind).toBe(listKind);
      expectMatchesOwnKind(res.body);
      for (const item of res.body.items) expectMatchesOwnKind(item);
    },
  );

  test.each(stored.map((t) => [t.group ? `/apis/${t.group}/${t.version}/${t.plural}` : `/api/v1/${t.plural}`]))('GET %s as a Table', async (path) => {
    const res = await request(app).get(path).query({ includeObject: 'Object' }).set('Accept', TABLE_ACCEPT).expect(200);
    expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.Table');
  });

  test('the default cluster is not empty where the talk needs it', () => {
    expect(cluster.store.count('/nodes')).toBe(4);
    expect(cluster.store.count('/pods')).toBeGreaterThan(10);
    expect(cluster.store.count('/services')).toBeGreaterThan(1);
  });
});
