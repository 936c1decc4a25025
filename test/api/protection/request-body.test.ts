import request from 'supertest';
import { MAX_REQUEST_BODY_BYTES } from '../../../src/api/limits/index.js';
import { sampleObjects } from '../../support/sample-objects.js';
import { testApp } from '../../support/test-app.js';

describe('the request body limit', () => {
  const { app } = testApp(sampleObjects());
  const review = (extra: string): string =>
    JSON.stringify({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb: 'get', resource: 'pods', name: extra } },
    });

  it('reads a review body of up to 3 MiB', async () => {
    const body = review('x'.repeat(MAX_REQUEST_BODY_BYTES - review('').length));
    expect(body.length).toBe(MAX_REQUEST_BODY_BYTES);
    await request(app).post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews').set('Content-Type', 'application/json').send(body).expect(201);
  });

  it('answers a larger one 413 RequestEntityTooLarge, as handlers/rest.go limitedReadBody does', async () => {
    const body = review('x'.repeat(MAX_REQUEST_BODY_BYTES));
    const res = await request(app)
      .post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews')
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(413);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Request entity too large: limit is 3145728',
      reason: 'RequestEntityTooLarge',
      code: 413,
    });
  });

  it('refuses a write 403 before reading its body, however large: authorization comes first', async () => {
    const res = await request(app)
      .post('/api/v1/namespaces/default/pods')
      .set('Content-Type', 'application/json')
      .send(review('x'.repeat(MAX_REQUEST_BODY_BYTES)))
      .expect(403);
    expect(res.body.reason).toBe('Forbidden');
  });
});
