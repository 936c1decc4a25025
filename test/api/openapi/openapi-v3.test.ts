import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import request from 'supertest';
import { openApiDirectory } from '../../../src/api/openapi/index.js';
import { expectMatchesSchema } from '../../support/openapi-validator.js';
import { NOW, openApiApp } from './openapi-test-app.js';

const sha512 = (text: string) => createHash('sha512').update(text).digest('hex').toUpperCase();

/** Every key there is a document for: the files under openapi/v3. */
function documentKeys(): string[] {
  const root = join(openApiDirectory(), 'v3');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).slice(0, -'.json'.length).split(sep).join('/'))
    .sort();
}

interface Root {
  paths: Record<string, { serverRelativeURL: string }>;
}

describe('GET /openapi/v3', () => {
  const app = openApiApp();

  test('lists one serverRelativeURL per document, carrying the SHA-512 of that document', async () => {
    const res = await request(app).get('/openapi/v3').expect(200).expect('Content-Type', 'application/json');
    const root = res.body as Root;
    expect(Object.keys(root.paths)).toEqual(documentKeys());
    expect(Object.keys(root.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/coordination.k8s.io/v1']));
    for (const [key, { serverRelativeURL }] of Object.entries(root.paths)) {
      const document = await request(app).get(`/openapi/v3/${key}`).expect(200);
      expect(serverRelativeURL).toBe(`/openapi/v3/${key}?hash=${sha512(document.text)}`);
    }
  });

  test('is tagged with the SHA-512 of its own bytes and answers 304 to it', async () => {
    const res = await request(app).get('/openapi/v3').expect(200);
    expect(res.headers['etag']).toBe(`"${sha512(res.text)}"`);
    await request(app).get('/openapi/v3').set('If-None-Match', String(res.headers['etag'])).expect(304);
  });
});

describe('GET /openapi/v3/<group version>', () => {
  let clock = NOW;
  const app = openApiApp(() => clock);
  let current = '';
  beforeAll(async () => {
    current = ((await request(app).get('/openapi/v3')).body as Root).paths['apis/apps/v1']?.serverRelativeURL ?? '';
  });
  afterEach(() => {
    clock = NOW;
  });

  test('without a hash is a plain JSON document with an ETag, Last-Modified and Vary', async () => {
    const res = await request(app).get('/openapi/v3/apis/apps/v1').expect(200);
    expect(res.headers).toMatchObject({
      'content-type': 'application/json',
      etag: `"${sha512(res.text)}"`,
      vary: 'Accept',
      'last-modified': NOW.toUTCString(),
    });
    expect(res.headers['cache-control']).toBeUndefined();
    expect(res.headers['expires']).toBeUndefined();
    expect(res.body).toMatchObject({ openapi: '3.0.0', info: { title: 'Kubernetes' } });
  });

  test('with the current hash is immutable and expires a year after the request', async () => {
    clock = new Date('2025-07-04T08:30:15.250Z');
    const res = await request(app).get(current).expect(200);
    expect(res.headers['cache-control']).toBe('public, immutable');
    expect(res.headers['expires']).toBe('Sat, 04 Jul 2026 08:30:15 GMT');
  });

  test('with a stale hash redirects permanently to the current URL, without a body', async () => {
    const res = await request(app).get('/openapi/v3/apis/apps/v1?hash=0123ABCD').redirects(0).expect(301);
    expect(res.headers['location']).toBe(current);
    expect(res.headers['etag']).toBe(`"${current.split('hash=')[1] ?? ''}"`);
    expect(res.text ?? '').toBe('');
  });

  test('answers 304 to If-None-Match with its ETag, keeping the caching headers of a hashed request', async () => {
    const etag = `"${current.split('hash=')[1] ?? ''}"`;
    const res = await request(app).get(current).set('If-None-Match', etag).expect(304);
    expect(res.headers['etag']).toBe(etag);
    expect(res.headers['cache-control']).toBe('public, immutable');
  });

  test.each([['application/json'], ['*/*'], ['application/json, */*'], [undefined]])('with Accept %s answers JSON', async (accept) => {
    const req = request(app).get('/openapi/v3/api/v1');
    if (accept !== undefined) req.set('Accept', accept);
    await req.expect(200).expect('Content-Type', 'application/json');
  });

  test.each([['application/yaml'], ['application/com.github.proto-openapi.spec.v3.v1.0+protobuf'], ['text/plain']])(
    'with Accept %s answers 406 with a NotAcceptable Status',
    async (accept) => {
      const res = await request(app).get('/openapi/v3/api/v1').set('Accept', accept).expect(406);
      expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
      expect(res.body).toMatchObject({ reason: 'NotAcceptable', message: 'only the following media types are accepted: application/json' });
    },
  );

  test.each([['/openapi/v3/apis/resource.k8s.io/v1'], ['/openapi/v3/apis/apps/v2'], ['/openapi/v3/apis/metrics.k8s.io'], ['/openapi/v3/nope']])('%s is a NotFound Status', async (path) => {
    const res = await request(app).get(path).expect(404);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });
});
