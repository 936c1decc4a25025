import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { openApiDirectory } from '../../../src/api/openapi/index.js';
import { expectMatchesSchema } from '../../support/openapi-validator.js';
import { NOW, openApiApp } from './openapi-test-app.js';

const JSON_TYPE = 'application/json';
const PROTOBUF_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const PROTOBUF_ACCEPT_DEPRECATED = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

/** A supertest parser keeping the body as bytes (protobuf is not text). */
const binary = (res: unknown, done: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const sha512 = (body: Buffer | string) => createHash('sha512').update(body).digest('hex').toUpperCase();

describe('GET /openapi/v2', () => {
  const app = openApiApp();

  test.each([
    [undefined, JSON_TYPE],
    ['*/*', JSON_TYPE],
    ['application/json', JSON_TYPE],
    ['application/*', JSON_TYPE],
    ['text/html, */*;q=0.1', JSON_TYPE],
    [PROTOBUF_ACCEPT_DEPRECATED, PROTOBUF_TYPE],
    [PROTOBUF_TYPE, PROTOBUF_TYPE],
    [`application/json;q=0.5, ${PROTOBUF_TYPE}`, PROTOBUF_TYPE],
    [`${PROTOBUF_ACCEPT_DEPRECATED}, application/json`, PROTOBUF_TYPE],
  ])('with Accept %s answers %s', async (accept, contentType) => {
    const req = request(app).get('/openapi/v2');
    if (accept !== undefined) req.set('Accept', accept);
    const res = await req.buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe(contentType);
    expect(res.headers['vary']).toBe('Accept');
    expect(res.headers['last-modified']).toBe(NOW.toUTCString());
  });

  test('the JSON form is the trimmed upstream swagger, compact, tagged with the SHA-512 of its bytes', async () => {
    const res = await request(app).get('/openapi/v2').buffer(true).parse(binary).expect(200);
    const body = res.body as Buffer;
    const onDisk: unknown = JSON.parse(readFileSync(join(openApiDirectory(), 'v2.json'), 'utf8'));
    expect(body.toString('utf8')).toBe(JSON.stringify(onDisk));
    expect(res.headers['etag']).toBe(`"${sha512(body)}"`);
    expect(res.headers['content-length']).toBe(String(body.length));
  });

  test('the protobuf form carries the JSON form’s ETag, as kube-openapi derives one from the other', async () => {
    const json = await request(app).get('/openapi/v2').expect(200);
    const proto = await request(app).get('/openapi/v2').set('Accept', PROTOBUF_TYPE).buffer(true).parse(binary).expect(200);
    expect(proto.headers['etag']).toBe(json.headers['etag']);
    expect((proto.body as Buffer).length).toBeGreaterThan(100_000);
  });

  test('/swagger-2.0.0.pb-v1, where kubectl 1.27 retries, serves the same protobuf whatever the Accept', async () => {
    const v2 = await request(app).get('/openapi/v2').set('Accept', PROTOBUF_TYPE).buffer(true).parse(binary).expect(200);
    const legacy = await request(app).get('/swagger-2.0.0.pb-v1').set('Accept', 'application/json').buffer(true).parse(binary).expect(200);
    expect(legacy.headers['content-type']).toBe(PROTOBUF_TYPE);
    expect((legacy.body as Buffer).equals(v2.body as Buffer)).toBe(true);
  });

  test.each([['text/html'], ['application/yaml'], ['application/vnd.kubernetes.protobuf'], ['application/json;q=0']])(
    'with Accept %s answers 406 with a NotAcceptable Status',
    async (accept) => {
      const res = await request(app).get('/openapi/v2').set('Accept', accept).expect(406);
      expect(res.headers['vary']).toBe('Accept');
      expectMatchesSchema(res.body, 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
      expect(res.body).toMatchObject({
        reason: 'NotAcceptable',
        message: `only the following media types are accepted: ${JSON_TYPE}, ${PROTOBUF_TYPE}`,
      });
    },
  );

  describe('conditional requests', () => {
    let etag = '';
    beforeAll(async () => {
      etag = String((await request(app).get('/openapi/v2')).headers['etag']);
    });

    test.each([
      ['If-None-Match equal to the ETag', 304, () => ({ 'If-None-Match': etag })],
      ['If-None-Match listing the ETag among others', 304, () => ({ 'If-None-Match': `"other", ${etag}` })],
      ['If-None-Match with the ETag as a weak tag', 304, () => ({ 'If-None-Match': `W/${etag}` })],
      ['If-None-Match: *', 304, () => ({ 'If-None-Match': '*' })],
      ['If-None-Match with another tag', 200, () => ({ 'If-None-Match': '"0000"' })],
      ['If-Modified-Since the document was loaded', 304, () => ({ 'If-Modified-Since': NOW.toUTCString() })],
      ['If-Modified-Since a second before', 200, () => ({ 'If-Modified-Since': new Date(NOW.getTime() - 1000).toUTCString() })],
      ['a stale If-None-Match that outranks If-Modified-Since', 200, () => ({ 'If-None-Match': '"0000"', 'If-Modified-Since': NOW.toUTCString() })],
    ])('%s answers %d', async (_name, status, headers) => {
      const res = await request(app).get('/openapi/v2').set(headers()).expect(status);
      expect(res.headers['etag']).toBe(etag);
      if (status === 304) {
        expect(res.text ?? '').toBe('');
        expect(res.headers['content-type']).toBeUndefined();
      }
    });
  });
});
