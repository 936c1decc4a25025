import { request as httpRequest, type IncomingMessage } from 'node:http';
import request from 'supertest';
import { ApiMetrics } from '../../../src/api/observability/index.js';
import { createApp } from '../../../src/api/server.js';
import { type KubeObject, loadCluster, ManualClock } from '../../../src/cluster/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { binaryBody, decodeBody, decodeWatchFrames, PROTOBUF, TYPED_CLIENT_ACCEPT } from '../../support/protobuf-decoder.js';
import { sampleObjects } from '../../support/sample-objects.js';
import { TABLE_ACCEPT, testApp } from '../../support/test-app.js';
import { listen } from '../../support/watch-client.js';

const TYPED_CLIENT = TYPED_CLIENT_ACCEPT;
const POD = 'k8s.io.api.core.v1.Pod';
const POD_LIST = 'k8s.io.api.core.v1.PodList';
const STATUS = 'k8s.io.apimachinery.pkg.apis.meta.v1.Status';
/** runtime.Unknown's empty contentEncoding (3) and contentType (4), which end every body. */
const ENVELOPE_TAIL = '1a002200';

function getProtobuf(app: Parameters<typeof request>[0], path: string, accept = TYPED_CLIENT) {
  return request(app).get(path).set('Accept', accept).buffer(true).parse(binaryBody);
}

const DEPLOYMENT: KubeObject = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: { name: 'web', namespace: 'default', uid: 'b0c1a5e2-4c44-4f7e-9d36-0f5d8f1d2a11', creationTimestamp: '2026-01-01T11:00:00Z' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
  },
  status: { replicas: 2, readyReplicas: 2 },
};

describe('protobuf, as client-go asks for it', () => {
  const { app, cluster } = testApp([...sampleObjects(), DEPLOYMENT], 50);
  const stored = (name: string): KubeObject => cluster.store.get('/pods', 'default', name)?.object as KubeObject;

  test("a GET answers the object's message in the k8s\\0 envelope that names its kind", async () => {
    const res = await getProtobuf(app, '/api/v1/namespaces/default/pods/web-1').expect(200);
    expect(res.headers['content-type']).toBe(PROTOBUF);
    expect(Number(res.headers['content-length'])).toBe((res.body as Buffer).length);
    const body = decodeBody(res.body as Buffer, POD);
    expect(body).toMatchObject({ apiVersion: 'v1', kind: 'Pod' });
    expect(body.tail.toString('hex')).toBe(ENVELOPE_TAIL);
    const pod = stored('web-1');
    expect(body.object['metadata']).toMatchObject({
      name: 'web-1',
      namespace: 'default',
      uid: pod.metadata.uid,
      resourceVersion: pod.metadata.resourceVersion,
      labels: pod.metadata.labels,
      creationTimestamp: { seconds: Date.parse(pod.metadata.creationTimestamp as string) / 1000, nanos: 0 },
    });
    expect(body.object['spec']).toMatchObject({ nodeName: (pod.spec as { nodeName: string }).nodeName });
    expect(body.object['status']).toMatchObject({ phase: (pod.status as { phase: string }).phase, podIP: (pod.status as { podIP: string }).podIP });
  });

  test('a LIST is the list kind with its ListMeta and every item, pages and all', async () => {
    const json = await request(app).get('/api/v1/pods?limit=2').expect(200);
    const res = await getProtobuf(app, '/api/v1/pods?limit=2').expect(200);
    const body = decodeBody(res.body as Buffer, POD_LIST);
    expect(body).toMatchObject({ apiVersion: 'v1', kind: 'PodList' });
    expect(body.object['metadata']).toEqual({
      resourceVersion: json.body.metadata.resourceVersion,
      continue: json.body.metadata.continue,
      remainingItemCount: json.body.metadata.remainingItemCount,
    });
    const items = body.object['items'] as { metadata: { name: string; resourceVersion: string } }[];
    expect(items.map((item) => [item.metadata.name, item.metadata.resourceVersion])).toEqual(
      json.body.items.map((item: KubeObject) => [item.metadata.name, item.metadata.resourceVersion]),
    );
    const next = await getProtobuf(app, `/api/v1/pods?limit=2&continue=${encodeURIComponent(json.body.metadata.continue as string)}`).expect(200);
    expect(decodeBody(next.body as Buffer, POD_LIST).object['items']).toEqual(expect.any(Array));
  });

  test('a full list of every kind decodes to as many items as its JSON', async () => {
    for (const path of ['/api/v1/nodes', '/api/v1/namespaces', '/api/v1/pods', '/api/v1/componentstatuses']) {
      const json = await request(app).get(path).expect(200);
      const res = await getProtobuf(app, path).expect(200);
      const list = decodeBody(res.body as Buffer, `k8s.io.api.core.v1.${json.body.kind as string}`);
      expect(list.kind).toBe(json.body.kind);
      expect((list.object['items'] as unknown[] | undefined) ?? []).toHaveLength(json.body.items.length);
    }
  });

  test('a failure is a protobuf Status, named v1 Status as upstream names it', async () => {
    const res = await getProtobuf(app, '/api/v1/namespaces/default/pods/nosuch').expect(404);
    expect(res.headers['content-type']).toBe(PROTOBUF);
    const body = decodeBody(res.body as Buffer, STATUS);
    expect(body).toMatchObject({ apiVersion: 'v1', kind: 'Status' });
    expect(body.object).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'pods "nosuch" not found',
      reason: 'NotFound',
      details: { name: 'nosuch', kind: 'pods' },
      code: 404,
    });
  });

  test('a client preferring JSON is answered in JSON; a Table is JSON only, so a protobuf Table clause is passed over', async () => {
    const json = await request(app).get('/api/v1/namespaces/default/pods/web-1').set('Accept', `application/json,${PROTOBUF}`).expect(200);
    expect(json.headers['content-type']).toBe('application/json');
    const table = await request(app).get('/api/v1/pods').set('Accept', `${PROTOBUF};as=Table;v=v1;g=meta.k8s.io,${TABLE_ACCEPT}`).expect(200);
    expect(table.body.kind).toBe('Table');
  });

  test('metadata informers get PartialObjectMetadataList in protobuf', async () => {
    const accept = `${PROTOBUF};as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json`;
    const res = await getProtobuf(app, '/api/v1/pods', accept).expect(200);
    const body = decodeBody(res.body as Buffer, 'k8s.io.apimachinery.pkg.apis.meta.v1.PartialObjectMetadataList');
    expect(body).toMatchObject({ apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadataList' });
    const items = body.object['items'] as { metadata: { name: string } }[];
    expect(items.length).toBe(cluster.store.list('/pods').items.length);
    expect(Object.keys(items[0] ?? {})).toEqual(['metadata']);
    const one = await getProtobuf(app, '/api/v1/nodes/node1', accept.replaceAll('PartialObjectMetadataList', 'PartialObjectMetadata')).expect(200);
    expect(decodeBody(one.body as Buffer, 'k8s.io.apimachinery.pkg.apis.meta.v1.PartialObjectMetadata')).toMatchObject({
      kind: 'PartialObjectMetadata',
      object: { metadata: { name: 'node1' } },
    });
  });

  test('a subresource of another kind is that kind’s message (a Deployment’s Scale is autoscaling/v1 Scale)', async () => {
    const res = await getProtobuf(app, '/apis/apps/v1/namespaces/default/deployments/web/scale').expect(200);
    const scale = decodeBody(res.body as Buffer, 'k8s.io.api.autoscaling.v1.Scale');
    expect(scale).toMatchObject({ apiVersion: 'autoscaling/v1', kind: 'Scale' });
    expect(scale.object['spec']).toEqual({ replicas: 2 });
  });

  test('metrics come as metrics-server sends them to kubectl top: a NodeMetricsList of bare items', async () => {
    const json = await request(app).get('/apis/metrics.k8s.io/v1beta1/nodes').expect(200);
    const res = await getProtobuf(app, '/apis/metrics.k8s.io/v1beta1/nodes').expect(200);
    const list = decodeBody(res.body as Buffer, 'k8s.io.metrics.pkg.apis.metrics.v1beta1.NodeMetricsList');
    expect(list).toMatchObject({ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'NodeMetricsList' });
    const items = list.object['items'] as { metadata: { name: string }; usage: Record<string, { string: string }> }[];
    expect(items.map((item) => [item.metadata.name, item.usage['cpu']?.string])).toEqual(
      json.body.items.map((item: { metadata: { name: string }; usage: { cpu: string } }) => [item.metadata.name, item.usage.cpu]),
    );
    expect(items.length).toBeGreaterThan(0);
  });

  describe('watch', () => {
    let served: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      served = await listen(app);
    });
    afterAll(async () => {
      await served.close();
    });

    test('streams length-prefixed WatchEvents whose objects are enveloped messages', async () => {
      const rv = cluster.store.resourceVersion;
      const watch = await openRawStream(served.port, `/api/v1/namespaces/default/pods?watch=true&resourceVersion=${rv}`);
      expect(watch.response.headers['content-type']).toBe(`${PROTOBUF};stream=watch`);
      const pod = stored('web-1');
      const updated = cluster.store.update('/pods', { ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, touched: 'yes' } } });
      const [event] = await watch.frames(1);
      expect(event?.type).toBe('MODIFIED');
      const object = decodeBody(event?.raw as Buffer, POD);
      expect(object).toMatchObject({ apiVersion: 'v1', kind: 'Pod' });
      expect(object.object['metadata']).toMatchObject({ name: 'web-1', resourceVersion: String(updated.resourceVersion), labels: { touched: 'yes' } });
      watch.close();
    });

    test('initial events, then the bookmark that ends them, carrying its annotation', async () => {
      const watch = await openRawStream(
        served.port,
        '/api/v1/nodes?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&resourceVersion=',
      );
      const nodes = cluster.store.list('/nodes').items.length;
      const events = await watch.frames(nodes + 1);
      expect(events.map((e) => e.type)).toEqual([...Array<string>(nodes).fill('ADDED'), 'BOOKMARK']);
      const bookmark = decodeBody(events[nodes]?.raw as Buffer, 'k8s.io.api.core.v1.Node');
      expect(bookmark).toMatchObject({ apiVersion: 'v1', kind: 'Node' });
      expect(bookmark.object['metadata']).toEqual({
        resourceVersion: String(cluster.store.resourceVersion),
        annotations: { 'k8s.io/initial-events-end': 'true' },
      });
      watch.close();
    });

    test('a watch from a compacted resourceVersion gets its 410 as an ERROR event holding a Status', async () => {
      for (let i = 0; i < 60; i++) {
        const pod = stored('web-1');
        cluster.store.update('/pods', { ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, round: String(i) } } });
      }
      const watch = await openRawStream(served.port, '/api/v1/pods?watch=true&resourceVersion=1');
      const [event] = await watch.frames(1);
      expect(event?.type).toBe('ERROR');
      expect(decodeBody(event?.raw as Buffer, STATUS).object).toMatchObject({ status: 'Failure', reason: 'Expired', code: 410 });
      watch.close();
    });
  });
});

describe('protobuf and custom resources', () => {
  const NOW = Date.parse('2026-12-02T00:00:00Z');
  const cluster = loadCluster({ file: 'test/fixtures/good/crontabs.yaml' }, { clock: new ManualClock(NOW), now: new Date(NOW), onWarning: () => undefined });
  const app = createApp(cluster, { logger: createLogger('silent'), metrics: new ApiMetrics(), serverAddress: () => '127.0.0.1:6443' });

  test('are answered in JSON to a client that also takes JSON, as apiextensions-apiserver serves no protobuf', async () => {
    const res = await request(app).get('/apis/stable.example.com/v1/crontabs').set('Accept', TYPED_CLIENT).expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.kind).toBe('CronTabList');
  });

  test('and refused with a 406 naming JSON and YAML to one that takes protobuf only', async () => {
    const res = await request(app).get('/apis/stable.example.com/v1/crontabs').set('Accept', PROTOBUF).expect(406);
    expect(res.body.message).toBe('only the following media types are accepted: application/json, application/yaml');
  });

  test('while their metadata alone is served in protobuf, as for any resource', async () => {
    const accept = `${PROTOBUF};as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json`;
    const res = await getProtobuf(app, '/apis/stable.example.com/v1/crontabs', accept).expect(200);
    const items = decodeBody(res.body as Buffer, 'k8s.io.apimachinery.pkg.apis.meta.v1.PartialObjectMetadataList').object['items'] as unknown[];
    expect(items.length).toBeGreaterThan(0);
  });
});

/** A watch read as bytes: `frames(n)` waits for n length-prefixed frames. */
interface RawStream {
  response: IncomingMessage;
  frames(count: number): Promise<{ type: string; raw: Buffer }[]>;
  close(): void;
}

function openRawStream(port: number, path: string): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: TYPED_CLIENT } }, (response) => {
      let received = Buffer.alloc(0);
      let wake: (() => void) | undefined;
      response.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        wake?.();
      });
      response.on('end', () => wake?.());
      const complete = (count: number): { type: string; raw: Buffer }[] | undefined => {
        const frames = decodeWatchFrames(received.subarray(0, completeLength(received)));
        return frames.length >= count || response.readableEnded ? frames.slice(0, count) : undefined;
      };
      resolve({
        response,
        frames: (count) =>
          new Promise((done) => {
            const check = (): void => {
              const frames = complete(count);
              if (frames) done(frames);
            };
            wake = check;
            check();
          }),
        close: () => response.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** How many leading bytes of `stream` are whole frames. */
function completeLength(stream: Buffer): number {
  let at = 0;
  while (at + 4 <= stream.length && at + 4 + stream.readUInt32BE(at) <= stream.length) at += 4 + stream.readUInt32BE(at);
  return at;
}
