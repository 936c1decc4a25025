import { ApiMetrics } from '../../../src/api/observability/index.js';
import { createApp } from '../../../src/api/server.js';
import { ManualTimers } from '../../../src/api/watch/watch-timers.js';
import type { KubeObject } from '../../../src/cluster/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { listen, openStream } from '../../support/watch-client.js';
import { TABLE_ACCEPT, testApp } from '../../support/test-app.js';

type Served = Awaited<ReturnType<typeof listen>>;

function relabel(object: Readonly<KubeObject>, labels: Record<string, string>): KubeObject {
  return { ...object, metadata: { ...object.metadata, labels } } as KubeObject;
}

describe('watch', () => {
  let served: Served;
  const { app, cluster } = testApp(undefined, 50);
  beforeAll(async () => {
    served = await listen(app);
  });
  afterAll(async () => {
    await served.close();
  });

  const web1 = () => cluster.store.get('/pods', 'default', 'web-1')?.object as KubeObject;

  test('from the list resourceVersion, a change made through the store arrives as MODIFIED', async () => {
    const rv = cluster.store.resourceVersion;
    const watch = await openStream(served.port, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}`);
    expect(watch.response.statusCode).toBe(200);
    expect(watch.response.headers['content-type']).toBe('application/json');
    const updated = cluster.store.update('/pods', relabel(web1(), { app: 'web', tier: 'frontend', touched: 'yes' }));
    const [event] = await watch.take(1);
    expect(event?.type).toBe('MODIFIED');
    expect(event?.object).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'web-1', resourceVersion: String(updated.resourceVersion) } });
    watch.close();
  });

  test('without a resourceVersion, the current objects come first as ADDED', async () => {
    const watch = await openStream(served.port, '/api/v1/nodes?watch=1');
    const events = await watch.take(3);
    expect(events.map((e) => [e.type, e.object.metadata?.name])).toEqual([
      ['ADDED', 'node1'],
      ['ADDED', 'node2'],
      ['ADDED', 'node3'],
    ]);
    watch.close();
  });

  test('an object that starts or stops matching the selector is ADDED or DELETED for that watch', async () => {
    const rv = cluster.store.resourceVersion;
    const watch = await openStream(served.port, `/api/v1/namespaces/default/pods?watch=true&labelSelector=app%3Dweb&resourceVersion=${rv}`);
    cluster.store.update('/pods', relabel(web1(), { app: 'moved' }));
    const db = cluster.store.get('/pods', 'default', 'db-1')?.object as KubeObject;
    cluster.store.update('/pods', relabel(db, { app: 'web' }));
    cluster.store.update('/pods', relabel(web1(), { app: 'web' }));
    const events = await watch.take(3);
    expect(events.map((e) => [e.type, e.object.metadata?.name])).toEqual([
      ['DELETED', 'web-1'],
      ['ADDED', 'db-1'],
      ['ADDED', 'web-1'],
    ]);
    watch.close();
  });

  test("a deletion arrives as DELETED with the last state at the deletion's resourceVersion", async () => {
    const rv = cluster.store.resourceVersion;
    const watch = await openStream(served.port, `/api/v1/namespaces/kube-system/pods?watch=true&resourceVersion=${rv}`);
    const deleted = cluster.store.delete('/pods', 'kube-system', 'etcd-node1');
    const [event] = await watch.take(1);
    expect(event).toMatchObject({ type: 'DELETED', object: { metadata: { name: 'etcd-node1', resourceVersion: String(deleted.resourceVersion) } } });
    watch.close();
  });

  test('a watch from a recent resourceVersion replays what it missed', async () => {
    const rv = cluster.store.resourceVersion;
    cluster.store.update('/pods', relabel(web1(), { app: 'web', replay: '1' }));
    const watch = await openStream(served.port, `/api/v1/pods?watch=true&resourceVersion=${rv}`);
    const [event] = await watch.take(1);
    expect(event).toMatchObject({ type: 'MODIFIED', object: { metadata: { name: 'web-1', labels: { replay: '1' } } } });
    watch.close();
  });

  test('a Table watch sends column definitions only with the first event', async () => {
    const watch = await openStream(served.port, '/api/v1/nodes?watch=true', { Accept: TABLE_ACCEPT });
    const events = await watch.take(2);
    expect(events[0]?.object).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
    expect((events[0]?.object['columnDefinitions'] as unknown[]).length).toBe(10);
    expect(events[1]?.object['columnDefinitions']).toBeNull();
    expect((events[1]?.object['rows'] as { cells: unknown[] }[])[0]?.cells[0]).toBe('node2');
    watch.close();
  });

  test('watch-list sends the initial state, then a bookmark marking its end', async () => {
    const watch = await openStream(
      served.port,
      '/api/v1/nodes?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&resourceVersion=',
    );
    const events = await watch.take(4);
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED', 'BOOKMARK']);
    expect(events[3]?.object).toMatchObject({
      kind: 'Node',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(cluster.store.resourceVersion), annotations: { 'k8s.io/initial-events-end': 'true' } },
    });
    watch.close();
  });

  test('watch-list without allowWatchBookmarks sends the initial state but no bookmark marking its end', async () => {
    const watch = await openStream(served.port, '/api/v1/nodes?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&resourceVersion=');
    const events = await watch.take(3);
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED']);
    const node = cluster.store.get('/nodes', undefined, 'node1')?.object as KubeObject;
    cluster.store.update('/nodes', relabel(node, { ...node.metadata.labels, seen: 'after' }));
    const [next] = await watch.take(1);
    expect(next?.type).toBe('MODIFIED');
    watch.close();
  });

  test('a continue parameter on a watch is ignored, as the watch cache ignores it', async () => {
    const watch = await openStream(served.port, `/api/v1/nodes?watch=true&continue=not-a-token&resourceVersion=${cluster.store.resourceVersion}`);
    expect(watch.response.statusCode).toBe(200);
    watch.close();
  });
});

describe('watch from a compacted resourceVersion', () => {
  test('is answered 200 with one ERROR event carrying 410 Expired, then closed', async () => {
    const { app, cluster } = testApp(undefined, 1);
    const served = await listen(app);
    try {
      const old = cluster.store.resourceVersion;
      const node = cluster.store.get('/nodes', undefined, 'node1')?.object as KubeObject;
      cluster.store.update('/nodes', node);
      cluster.store.update('/nodes', node);
      const watch = await openStream(served.port, `/api/v1/nodes?watch=true&resourceVersion=${old}`);
      expect(watch.response.statusCode).toBe(200);
      const events = await watch.take(2);
      expect(events).toEqual([
        {
          type: 'ERROR',
          object: {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Failure',
            message: `too old resource version: ${old} (${old + 1})`,
            reason: 'Expired',
            code: 410,
          },
        },
      ]);
    } finally {
      await served.close();
    }
  });
});

describe('watch timing', () => {
  async function timedApp(random = () => 0) {
    const { cluster } = testApp();
    const timers = new ManualTimers();
    const app = createApp(cluster, {
      logger: createLogger('silent'),
      metrics: new ApiMetrics(),
      serverAddress: () => '127.0.0.1:0',
      watchTiming: { timers, bookmarkIntervalMs: 60_000, minRequestTimeoutMs: 1_800_000, random },
    });
    return { cluster, timers, served: await listen(app) };
  }

  test('bookmarks arrive every interval when allowed, carrying the current resourceVersion', async () => {
    const { cluster, timers, served } = await timedApp();
    try {
      const rv = cluster.store.resourceVersion;
      const watch = await openStream(served.port, `/api/v1/nodes?watch=true&allowWatchBookmarks=true&resourceVersion=${rv}`);
      timers.advance(59_999);
      timers.advance(1);
      const [event] = await watch.take(1);
      expect(event).toEqual({ type: 'BOOKMARK', object: { kind: 'Node', apiVersion: 'v1', metadata: { resourceVersion: String(rv) } } });
      watch.close();
    } finally {
      await served.close();
    }
  });

  test('a bookmark also comes 2 s before the watch times out, so the client resumes from a fresh resourceVersion', async () => {
    const { cluster, timers, served } = await timedApp();
    try {
      const rv = cluster.store.resourceVersion;
      const watch = await openStream(served.port, `/api/v1/nodes?watch=true&allowWatchBookmarks=true&resourceVersion=${rv}&timeoutSeconds=8`);
      timers.advance(5_999);
      const node = cluster.store.get('/nodes', undefined, 'node1')?.object as KubeObject;
      const changed = cluster.store.update('/nodes', node);
      const [modified] = await watch.take(1);
      expect(modified?.type).toBe('MODIFIED');
      timers.advance(1);
      const [bookmark] = await watch.take(1);
      expect(bookmark).toEqual({
        type: 'BOOKMARK',
        object: { kind: 'Node', apiVersion: 'v1', metadata: { resourceVersion: String(changed.resourceVersion) } },
      });
      timers.advance(2_000);
      expect(await watch.next()).toBeUndefined();
    } finally {
      await served.close();
    }
  });

  test('a watch shorter than 2 s gets no bookmark', async () => {
    const { cluster, timers, served } = await timedApp();
    try {
      const watch = await openStream(
        served.port,
        `/api/v1/nodes?watch=true&allowWatchBookmarks=true&resourceVersion=${cluster.store.resourceVersion}&timeoutSeconds=1`,
      );
      timers.advance(1_000);
      expect(await watch.next()).toBeUndefined();
    } finally {
      await served.close();
    }
  });

  test('timeoutSeconds ends the stream cleanly when its time is up, not before', async () => {
    const { cluster, timers, served } = await timedApp();
    try {
      const watch = await openStream(served.port, `/api/v1/nodes?watch=true&resourceVersion=${cluster.store.resourceVersion}&timeoutSeconds=5`);
      timers.advance(4_999);
      const node = cluster.store.get('/nodes', undefined, 'node1')?.object as KubeObject;
      cluster.store.update('/nodes', node);
      const [event] = await watch.take(1);
      expect(event?.type).toBe('MODIFIED');
      timers.advance(1);
      expect(await watch.next()).toBeUndefined();
      expect(watch.ended).toBe(true);
    } finally {
      await served.close();
    }
  });

  test.each([
    [0, 1_800_000],
    [0.5, 2_700_000],
    [0.999_999, 3_599_998],
  ])('a watch without timeoutSeconds stays open for min-request-timeout × (1 + a random number in [0, 1)): %p gives %p ms', async (drawn, lastsMs) => {
    const { cluster, timers, served } = await timedApp(() => drawn);
    try {
      const watch = await openStream(served.port, `/api/v1/nodes?watch=true&resourceVersion=${cluster.store.resourceVersion}`);
      timers.advance(lastsMs - 1);
      const node = cluster.store.get('/nodes', undefined, 'node1')?.object as KubeObject;
      cluster.store.update('/nodes', node);
      const [event] = await watch.take(1);
      expect(event?.type).toBe('MODIFIED');
      timers.advance(1);
      expect(await watch.next()).toBeUndefined();
    } finally {
      await served.close();
    }
  });
});
