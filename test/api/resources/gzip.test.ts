import request from 'supertest';
import { pod, sampleObjects } from '../../support/sample-objects.js';
import { testApp } from '../../support/test-app.js';

/** Responses above 128 KiB are gzipped for clients that accept it, smaller ones never (apiserver responsewriters). */
describe('gzip', () => {
  const many = Array.from({ length: 400 }, (_, i) => pod('big', `pod-${String(i).padStart(4, '0')}`, 'node2', { app: 'big' }, `10.244.9.${i % 250}`));
  const { app } = testApp([...sampleObjects(), ...many]);

  test('a list over 128 KiB is gzipped when the client accepts gzip', async () => {
    const res = await request(app).get('/api/v1/namespaces/big/pods').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body.items).toHaveLength(400);
  });

  test('the same list is sent plain to a client that does not accept gzip', async () => {
    const res = await request(app).get('/api/v1/namespaces/big/pods').set('Accept-Encoding', 'identity').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBeGreaterThan(128 * 1024);
  });

  test('a small response is never gzipped', async () => {
    const res = await request(app).get('/api/v1/nodes/node1').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
