import yaml from 'js-yaml';
import { decodeEnvelope, decodeObjectMessage, ProtobufDecodeError } from '../src/api/protobuf/index.js';
import { SeededRandom } from '../src/cluster/simulation/random.js';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

const SEGMENTS = [
  'api',
  'apis',
  'v1',
  'v2',
  'apps',
  'namespaces',
  'default',
  'kube-system',
  'pods',
  'nodes',
  'services',
  'deployments',
  'status',
  'log',
  'exec',
  'proxy',
  'watch',
  'openapi',
  'version',
  '..',
  '.',
  '%2e%2e',
  '%00',
  '%ZZ',
  '~',
  'a'.repeat(300),
  'ñ',
  '%F0%9F%92%A9',
  '',
  ' ',
  '{}',
  '[',
  'null',
  '-1',
  '99999999999999999999',
  'pods;x',
  'metrics.k8s.io',
  'v1beta1',
  'coordination.k8s.io',
  'leases',
];
const QUERY_KEYS = [
  'limit',
  'continue',
  'labelSelector',
  'fieldSelector',
  'watch',
  'resourceVersion',
  'resourceVersionMatch',
  'timeoutSeconds',
  'sendInitialEvents',
  'allowWatchBookmarks',
  'pretty',
  'includeObject',
  'as',
  'x',
  '',
  'limit[]',
  'follow',
  'tailLines',
  'container',
];
const QUERY_VALUES = [
  '',
  '0',
  '-1',
  '500',
  '1e9',
  'abc',
  'true',
  'false',
  'app=',
  'app in (',
  '!!',
  'a=b,c!=d',
  'metadata.name=x',
  'spec.nodeName=',
  '%',
  '%ZZ',
  '%00',
  'x'.repeat(2000),
  'NotOlderThan',
  'Exact',
  'eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ',
  '\u00ff',
  '1.5',
  '[]',
];
const ACCEPTS = [
  'application/json',
  'application/json;as=Table;v=v1;g=meta.k8s.io',
  'application/vnd.kubernetes.protobuf',
  'application/yaml',
  'text/html',
  '*/*',
  'application/json;as=Nope',
  'garbage/;;;',
  ';',
  'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io',
  '',
];
const METHODS = ['GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const HEADER_NAMES = [
  'Impersonate-User',
  'Impersonate-Group',
  'Content-Type',
  'If-None-Match',
  'Accept-Encoding',
  'X-Forwarded-For',
  'User-Agent',
  'Authorization',
];
const HEADER_VALUES = [
  '',
  'system:admin',
  'x'.repeat(4000),
  'gzip',
  'br;q=0',
  '*',
  'Bearer',
  'Bearer x',
  'Basic Og==',
  '\t',
  'application/json',
  'application/merge-patch+json',
];

/** `count` requests of random paths, query strings and headers: the same for the same seed. */
export function fuzzRequests(seed: number, count: number): FuzzRequest[] {
  const random = new SeededRandom(`fuzz/${seed}`);
  const requests: FuzzRequest[] = [];
  for (let i = 0; i < count; i++) {
    const segments = Array.from({ length: random.int(0, 7) }, () => random.pick(SEGMENTS));
    const query = Array.from(
      { length: random.int(0, 4) },
      () => `${random.pick(QUERY_KEYS)}=${encodeURIComponent(random.pick(QUERY_VALUES)).replace(/%25(ZZ|00)/g, '%$1')}`,
    );
    const headers: Record<string, string> = { Accept: random.pick(ACCEPTS) };
    for (let h = random.int(0, 2); h > 0; h--) headers[random.pick(HEADER_NAMES)] = random.pick(HEADER_VALUES);
    const path = `/${segments.map((segment) => (segment.includes('%') ? segment : encodeURIComponent(segment))).join('/')}${query.length > 0 ? `?${query.join('&')}` : ''}`;
    requests.push({ method: random.pick(METHODS), path, headers });
  }
  return requests;
}

/** A stack trace or a source location in a body: what must never reach a client. */
const STACK =
  /\n\s+at [^\n]+\(?[^\n]*:\d+:\d+\)?|node_modules\/|\/src\/[\w/-]+\.(ts|js)|\.(ts|js):\d+:\d+|\bTypeError\b|\bReferenceError\b|RangeError: Maximum/;

/**
 * Why an answer breaks the rule "every error is a Kubernetes Status, never a stack trace", or undefined when it
 * keeps it. A successful answer needs no Status; HEAD answers have no body. A Status comes as JSON or, to a client
 * that asked for YAML or protobuf, as YAML or protobuf; a 404 for a path outside the API lists the served paths, as
 * kube-apiserver's does.
 */
export function statusProblem(method: string, status: number, contentType: string, bytes: Buffer | string): string | undefined {
  const body = bytes.toString();
  if (STACK.test(body)) return `a stack trace or source location in a ${status} answer`;
  if (status < 400 || method === 'HEAD') return undefined;
  const isYaml = /yaml/.test(contentType);
  const isProtobuf = contentType === 'application/vnd.kubernetes.protobuf';
  if (!/json/.test(contentType) && !isYaml && !isProtobuf) return `a ${status} answer of type ${contentType || 'none'}, not a Status`;
  let parsed: unknown;
  try {
    if (isProtobuf) {
      const envelope = decodeEnvelope(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
      parsed = { ...decodeObjectMessage(envelope.raw, 'k8s.io.apimachinery.pkg.apis.meta.v1.Status'), kind: envelope.kind, apiVersion: envelope.apiVersion };
    } else parsed = isYaml ? yaml.load(body) : JSON.parse(body);
  } catch (error) {
    if (isProtobuf && !(error instanceof ProtobufDecodeError)) throw error;
    return `a ${status} answer that is not ${isProtobuf ? 'protobuf' : isYaml ? 'YAML' : 'JSON'}`;
  }
  const object = (parsed ?? {}) as { kind?: unknown; apiVersion?: unknown; status?: unknown; code?: unknown; paths?: unknown };
  if (status === 404 && Array.isArray(object.paths)) return undefined;
  if (object.kind !== 'Status' || object.apiVersion !== 'v1' || object.status !== 'Failure') return `a ${status} answer that is not a v1 Status of Failure`;
  if (object.code !== status) return `a Status whose code ${String(object.code)} is not the HTTP status ${status}`;
  return undefined;
}
