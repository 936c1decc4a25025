import request from 'supertest';
import type { KubeObject } from '../../../src/cluster/index.js';
import { expectMatchesSchema } from '../../support/openapi-validator.js';
import { testApp } from '../../support/test-app.js';
import { listen, openStream } from '../../support/watch-client.js';

const AS = (kind: string, version = 'v1'): string => `application/json;as=${kind};g=meta.k8s.io;v=${version},application/json`;

/** client-go's metadata client asks for objects reduced to their metadata (apiserver handlers/response.go). */
describe('PartialObjectMetadata', () => {
  const { app, cluster } = testApp();

  test('a GET answers the object’s metadata alone', async () => {
    const res = await request(app).get('/api/v1/namespaces/default/pods/web-1').set('Accept', AS('PartialObjectMetadata')).expect(200);
    const stored = cluster.store.get('/pods', 'default', 'web-1')?.object as KubeObject;
    expect(res.body).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: stored.metadata });
    expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadata');
  });

  test('a LIST answers a PartialObjectMetadataList, paginated like the list itself', async () => {
    const res = await request(app).get('/api/v1/pods?limit=2').set('Accept', AS('PartialObjectMetadataList')).expect(200);
    expect(res.body.kind).toBe('PartialObjectMetadataList');
    expect(res.body.apiVersion).toBe('meta.k8s.io/v1');
    expect(res.body.metadata).toMatchObject({
      resourceVersion: String(cluster.store.resourceVersion),
      continue: expect.any(String),
      remainingItemCount: expect.any(Number),
    });
    expect(res.body.items.map((item: KubeObject) => [item.kind, item.metadata.name])).toEqual([
      ['PartialObjectMetadata', 'db-1'],
      ['PartialObjectMetadata', 'web-1'],
    ]);
    expect(Object.keys(res.body.items[0])).toEqual(['kind', 'apiVersion', 'metadata']);
    expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.PartialObjectMetadataList');
  });

  test('v1beta1 is served as well', async () => {
    const res = await request(app).get('/api/v1/nodes/node1').set('Accept', AS('PartialObjectMetadata', 'v1beta1')).expect(200);
    expect(res.body).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1beta1', metadata: { name: 'node1' } });
  });

  test.each([
    ['/api/v1/pods', 'PartialObjectMetadata', 'PodList'],
    ['/api/v1/namespaces/default/pods/web-1', 'PartialObjectMetadataList', 'Pod'],
    ['/apis/metrics.k8s.io/v1beta1/nodes', 'PartialObjectMetadataList', 'NodeMetricsList'],
  ])('GET %s asking for %s falls through to the next clause (%s)', async (path, kind, served) => {
    const res = await request(app).get(path).set('Accept', AS(kind)).expect(200);
    expect(res.body.kind).toBe(served);
  });

  test('a WATCH sends every event object, bookmarks included, as PartialObjectMetadata', async () => {
    const served = await listen(app);
    try {
      const watch = await openStream(
        served.port,
        '/api/v1/nodes?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true',
        {
          Accept: AS('PartialObjectMetadata'),
        },
      );
      const events = await watch.take(4);
      expect(events.map((e) => [e.type, e.object['kind'], (e.object['metadata'] as { name?: string }).name])).toEqual([
        ['ADDED', 'PartialObjectMetadata', 'node1'],
        ['ADDED', 'PartialObjectMetadata', 'node2'],
        ['ADDED', 'PartialObjectMetadata', 'node3'],
        ['BOOKMARK', 'PartialObjectMetadata', undefined],
      ]);
      expect(events[3]?.object).toEqual({
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { resourceVersion: String(cluster.store.resourceVersion), annotations: { 'k8s.io/initial-events-end': 'true' } },
      });
      watch.close();
    } finally {
      await served.close();
    }
  });
});
