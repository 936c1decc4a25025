import { fuzzRequests, statusProblem } from '../../bench/fuzz.js';
import { protobufObject } from '../../src/api/encoding/protobuf-encoder.js';

const PROTOBUF_STATUS = (code: number): Buffer =>
  protobufObject({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'forbidden', reason: 'Forbidden', code } as {
    kind: string;
    apiVersion: string;
  });
import { parseMicroTime, watchTemplate } from '../../bench/watch-latency.js';

const STATUS = (code: number): string =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'no', reason: 'NotFound', code });

describe('bench fuzz', () => {
  it('makes the same requests for the same seed, and others for another', () => {
    expect(fuzzRequests(1, 50)).toEqual(fuzzRequests(1, 50));
    expect(fuzzRequests(2, 50)).not.toEqual(fuzzRequests(1, 50));
  });

  it('makes paths a server can be asked for', () => {
    for (const request of fuzzRequests(1, 500)) {
      expect(request.path.startsWith('/')).toBe(true);
      expect(request.path).not.toMatch(/[\s#]/);
    }
  });

  it.each([
    ['a 404 Status', 'GET', 404, 'application/json', STATUS(404), undefined],
    ['a success', 'GET', 200, 'application/json', '{"kind":"PodList"}', undefined],
    ['a HEAD without a body', 'HEAD', 404, '', '', undefined],
    ['a YAML Status to a client that asked for YAML', 'GET', 404, 'application/yaml', 'kind: Status\napiVersion: v1\nstatus: Failure\ncode: 404\n', undefined],
    ['the served paths for a path outside the API, as kube-apiserver answers', 'GET', 404, 'application/json', '{"paths":["/api","/apis"]}', undefined],
    ['a protobuf Status to a client that prefers protobuf', 'GET', 403, 'application/vnd.kubernetes.protobuf', PROTOBUF_STATUS(403), undefined],
    [
      'a protobuf Status of another code',
      'GET',
      500,
      'application/vnd.kubernetes.protobuf',
      PROTOBUF_STATUS(403),
      'a Status whose code 403 is not the HTTP status 500',
    ],
    ['protobuf that is not a Status', 'GET', 400, 'application/vnd.kubernetes.protobuf', Buffer.from('k8s\0oops'), 'a 400 answer that is not protobuf'],
    ['a text error', 'GET', 404, 'text/html', '<html>', 'a 404 answer of type text/html, not a Status'],
    ['an error that is not JSON', 'GET', 400, 'application/json', 'oops', 'a 400 answer that is not JSON'],
    ['an error that is not a Status', 'GET', 400, 'application/json', '{"error":"x"}', 'a 400 answer that is not a v1 Status of Failure'],
    ['a Status of another code', 'GET', 500, 'application/json', STATUS(404), 'a Status whose code 404 is not the HTTP status 500'],
    [
      'a stack trace',
      'GET',
      500,
      'text/plain',
      'TypeError: x\n    at handler (/app/dist/src/api/x.js:1:2)',
      'a stack trace or source location in a 500 answer',
    ],
    [
      'a source path in a Status',
      'GET',
      500,
      'application/json',
      STATUS(500).replace('"no"', '"at /srv/app/src/api/server.ts"'),
      'a stack trace or source location in a 500 answer',
    ],
  ])('judges %s', (_name, method, status, contentType, body, problem) => {
    expect(statusProblem(method, status, contentType, body)).toBe(problem);
  });
});

describe('bench watch latency', () => {
  it.each([
    ['2026-12-03T01:02:03.456789Z', Date.parse('2026-12-03T01:02:03Z') + 456.789],
    ['2026-12-03T01:02:03Z', Date.parse('2026-12-03T01:02:03Z')],
    ['2026-12-03T01:02:03.5Z', Date.parse('2026-12-03T01:02:03Z') + 500],
  ])('reads the MicroTime %s', (text, epochMs) => {
    expect(parseMicroTime(text)).toBeCloseTo(epochMs, 6);
  });

  it('turns an event into the ceiling’s template, the lease’s name and renewTime replaced', () => {
    const line =
      '{"type":"MODIFIED","object":{"kind":"Lease","metadata":{"name":"worker-00001"},"spec":{"holderIdentity":"worker-00001","renewTime":"2026-12-03T01:02:03.456789Z"}}}\n';
    expect(watchTemplate(line)).toBe(
      '{"type":"MODIFIED","object":{"kind":"Lease","metadata":{"name":"__NAME__"},"spec":{"holderIdentity":"__NAME__","renewTime":"__RENEW__"}}}\n',
    );
  });
});
