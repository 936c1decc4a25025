import request from 'supertest';
import type { KubeObject } from '../../../src/cluster/index.js';
import { namespace, node, pod } from '../../support/sample-objects.js';
import { TABLE_ACCEPT, testApp } from '../../support/test-app.js';

/**
 * Pages of a list are read from one consistent snapshot, as upstream serves continue tokens (the list's
 * resourceVersion is carried in the token and every page is read at it): writes between pages never show in
 * later pages, nor shift them; a token whose snapshot has left the history is 410 Expired.
 */
describe('paginated lists read one snapshot while the cluster changes', () => {
  const pods = (count: number): KubeObject[] =>
    Array.from({ length: count }, (_, i) =>
      pod('shop', `p-${String(i).padStart(2, '0')}`, i % 2 === 0 ? 'node1' : 'node2', { app: i % 3 === 0 ? 'web' : 'db' }, `10.0.0.${i}`),
    );
  const cluster = (): KubeObject[] => [
    namespace('default'),
    namespace('shop'),
    node('node1', '192.168.0.1', true, 600),
    node('node2', '192.168.0.2', true, 600),
    ...pods(20),
  ];
  const names = (body: { items?: KubeObject[]; rows?: { object: KubeObject }[] }): string[] =>
    body.items ? body.items.map((item) => item.metadata.name) : (body.rows ?? []).map((row) => row.object.metadata.name);

  it.each([
    ['a typed list', 'application/json', ''],
    ['a Table', TABLE_ACCEPT, ''],
    ['a label-selected list', 'application/json', 'app=db'],
  ])('%s: later pages show the objects as they were when the first page was read', async (_form, accept, labelSelector) => {
    const { app, cluster: served } = testApp(cluster());
    const query = { limit: 4, ...(labelSelector ? { labelSelector } : {}) };
    const before = await request(app)
      .get('/api/v1/namespaces/shop/pods')
      .set('Accept', accept)
      .query({ ...(labelSelector ? { labelSelector } : {}) })
      .expect(200);
    const expected = names(before.body);

    const seen: string[] = [];
    let page = await request(app).get('/api/v1/namespaces/shop/pods').set('Accept', accept).query(query).expect(200);
    const listVersion = page.body.metadata.resourceVersion;
    seen.push(...names(page.body));
    let round = 0;
    while (page.body.metadata.continue) {
      // Between pages: delete an object not yet read, add one that sorts early and late, relabel another.
      const store = served.store;
      store.delete('/pods', 'shop', `p-${String(19 - round).padStart(2, '0')}`);
      store.create('/pods', pod('shop', `a-new-${round}`, 'node1', { app: 'db' }, '10.1.0.1'));
      store.create('/pods', pod('shop', `z-new-${round}`, 'node1', { app: 'db' }, '10.1.0.2'));
      const moved = store.get('/pods', 'shop', `p-${String(10 + round).padStart(2, '0')}`)?.object as KubeObject;
      store.update('/pods', { ...moved, metadata: { ...moved.metadata, labels: { app: 'web' } } });
      round++;
      page = await request(app)
        .get('/api/v1/namespaces/shop/pods')
        .set('Accept', accept)
        .query({ ...query, continue: page.body.metadata.continue })
        .expect(200);
      expect(page.body.metadata.resourceVersion).toBe(listVersion);
      seen.push(...names(page.body));
    }
    expect(round).toBeGreaterThan(0);
    expect(seen).toEqual(expected);
    // The objects themselves are their versions of that moment too.
    const now = await request(app)
      .get('/api/v1/namespaces/shop/pods')
      .query({ ...(labelSelector ? { labelSelector } : {}) })
      .expect(200);
    expect(names(now.body)).not.toEqual(expected);
  });

  it('a token whose snapshot has left the history is 410 Expired, not a page of another moment', async () => {
    const { app, cluster: served } = testApp(cluster(), 5);
    const first = await request(app).get('/api/v1/namespaces/shop/pods').query({ limit: 4 }).expect(200);
    for (let i = 0; i < 6; i++) served.store.create('/pods', pod('shop', `late-${i}`, 'node1', { app: 'db' }, '10.2.0.1'));
    const res = await request(app).get('/api/v1/namespaces/shop/pods').query({ limit: 4, continue: first.body.metadata.continue }).expect(410);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
  });
});
