import request from 'supertest';
import yaml from 'js-yaml';
import { testApp } from '../../support/test-app.js';

const NOT_FOUND = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'nodes "node9" not found',
  reason: 'NotFound',
  details: { name: 'node9', kind: 'nodes' },
  code: 404,
};

/** How an error's Status is written: in the representation the request negotiated (responsewriters.ErrorNegotiated). */
describe('Status bodies', () => {
  const { app, cluster } = testApp();

  test('are compact JSON for a program, ending with a newline as Go’s json.Encoder writes it', async () => {
    const res = await request(app).get('/api/v1/nodes/node9').set('User-Agent', 'kubectl/v1.33.1').expect(404);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(`${JSON.stringify(NOT_FOUND)}\n`);
  });

  test.each([
    ['curl/8.5.0', ''],
    ['kubectl/v1.33.1', '?pretty=true'],
  ])('are indented JSON for a person (User-Agent %s, query "%s"), with no newline after it', async (agent, query) => {
    const res = await request(app).get(`/api/v1/nodes/node9${query}`).set('User-Agent', agent).expect(404);
    expect(res.text).toBe(JSON.stringify(NOT_FOUND, null, 2));
  });

  test('are YAML for a client that asks for YAML', async () => {
    const res = await request(app).get('/api/v1/nodes/node9').set('Accept', 'application/yaml').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    expect(yaml.load(res.text)).toEqual(NOT_FOUND);
  });

  test('a 406 is indented JSON whatever was asked, since nothing asked for can be written', async () => {
    const res = await request(app).get('/api/v1/nodes').set('Accept', 'text/html').expect(406);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.text).toBe(JSON.stringify(JSON.parse(res.text), null, 2));
    expect(JSON.parse(res.text)).toMatchObject({ kind: 'Status', code: 406, reason: 'NotAcceptable' });
  });

  test.each(['/api/v1/pods', '/api/v1/namespaces/default/pods/web-1'])(
    'a too large resourceVersion on GET %s is a 504 that tells the client when to retry, in the header as in the details',
    async (path) => {
      const ahead = cluster.store.resourceVersion + 100;
      const res = await request(app).get(`${path}?resourceVersion=${ahead}`).expect(504);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).toMatchObject({
        reason: 'Timeout',
        message: `Timeout: Too large resource version: ${ahead}, current: ${cluster.store.resourceVersion}`,
        details: { retryAfterSeconds: 1 },
      });
    },
  );
});
