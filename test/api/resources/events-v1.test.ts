import request from 'supertest';
import type { KubeObject } from '../../../src/cluster/index.js';
import { sampleObjects } from '../../support/sample-objects.js';
import { expectMatchesOwnKind } from '../../support/openapi-validator.js';
import { TABLE_ACCEPT, testApp } from '../../support/test-app.js';
import { listen, openStream } from '../../support/watch-client.js';

function coreEvent(name: string, involvedName: string, reason: string, message: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default', creationTimestamp: '2026-01-01T11:59:00Z' },
    involvedObject: { kind: 'Pod', namespace: 'default', name: involvedName, uid: `uid-pod-default-${involvedName}`, apiVersion: 'v1' },
    reason,
    message,
    source: { component: 'kubelet', host: 'node2' },
    firstTimestamp: '2026-01-01T11:59:00Z',
    lastTimestamp: '2026-01-01T11:59:30Z',
    count: 2,
    type: 'Normal',
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'node2',
  };
}

/** events.k8s.io/v1 serves the stored core/v1 Events in its own form, as the real server does from one storage. */
describe('events.k8s.io/v1', () => {
  const { app, cluster } = testApp([
    ...sampleObjects(),
    coreEvent('web-1.1', 'web-1', 'Pulled', 'Container image "nginx:1.17" already present on machine'),
    coreEvent('db-1.1', 'db-1', 'Started', 'Started container main'),
  ]);

  test('lists the core events converted: regarding, note, deprecated source and counts', async () => {
    const res = await request(app).get('/apis/events.k8s.io/v1/namespaces/default/events').expect(200);
    expect(res.body.kind).toBe('EventList');
    expect(res.body.apiVersion).toBe('events.k8s.io/v1');
    const web = res.body.items.find((e: { metadata: { name: string } }) => e.metadata.name === 'web-1.1');
    expect(web).toMatchObject({
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      regarding: { kind: 'Pod', name: 'web-1' },
      note: 'Container image "nginx:1.17" already present on machine',
      reason: 'Pulled',
      reportingController: 'kubelet',
      deprecatedSource: { component: 'kubelet', host: 'node2' },
      deprecatedCount: 2,
      deprecatedLastTimestamp: '2026-01-01T11:59:30Z',
    });
    expect(web.involvedObject).toBeUndefined();
    for (const item of res.body.items) expectMatchesOwnKind(item);
  });

  test('field selectors use the events.k8s.io names', async () => {
    const res = await request(app).get('/apis/events.k8s.io/v1/events').query({ fieldSelector: 'regarding.name=db-1' }).expect(200);
    expect(res.body.items.map((e: { metadata: { name: string } }) => e.metadata.name)).toEqual(['db-1.1']);
    const refused = await request(app).get('/apis/events.k8s.io/v1/events').query({ fieldSelector: 'involvedObject.name=db-1' }).expect(400);
    expect(refused.body.message).toContain('field label not supported: involvedObject.name');
  });

  test('the events Table prints the same columns for both forms', async () => {
    const res = await request(app).get('/apis/events.k8s.io/v1/namespaces/default/events').set('Accept', TABLE_ACCEPT).expect(200);
    const core = await request(app).get('/api/v1/namespaces/default/events').set('Accept', TABLE_ACCEPT).expect(200);
    expect(res.body.rows.map((r: { cells: unknown[] }) => r.cells)).toEqual(core.body.rows.map((r: { cells: unknown[] }) => r.cells));
  });

  test('a watch sends a new core event in the events.k8s.io form', async () => {
    const served = await listen(app);
    try {
      const watch = await openStream(
        served.port,
        `/apis/events.k8s.io/v1/namespaces/default/events?watch=true&resourceVersion=${cluster.store.resourceVersion}`,
      );
      cluster.store.create('/events', coreEvent('web-1.2', 'web-1', 'Killing', 'Stopping container main'));
      const [event] = await watch.take(1);
      expect(event).toMatchObject({ type: 'ADDED', object: { apiVersion: 'events.k8s.io/v1', note: 'Stopping container main', regarding: { name: 'web-1' } } });
      watch.close();
    } finally {
      await served.close();
    }
  });
});
