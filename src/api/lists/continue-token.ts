import { badRequest } from '../errors/api-error.js';

/**
 * Continue tokens in the real server's own shape (apiserver pkg/storage/continue.go): base64url of
 * `{"v":"meta.k8s.io/v1","rv":<list RV>,"start":"<key after the last item, relative to the list's scope>\u0000"}`.
 * Clients treat them as opaque; keeping the shape means a token reads the same as a real one when debugging.
 */
export interface ContinuePoint {
  resourceVersion: number;
  /** The last key returned, relative to the list's scope (`name` in a namespace, `namespace/name` across all). */
  lastKey: string;
}

const VERSION = 'meta.k8s.io/v1';

export function encodeContinue(point: ContinuePoint): string {
  const json = JSON.stringify({ v: VERSION, rv: point.resourceVersion, start: `${point.lastKey}\u0000` });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeContinue(token: string): ContinuePoint {
  const invalid = (detail: string) => badRequest(`invalid continue token: continue key is not valid: ${detail}`);
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(token)) throw invalid('illegal base64 data');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('invalid character in continue key');
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('not an object');
  const { v, rv, start } = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (v !== VERSION) throw invalid(`incorrect encoded start resourceVersion (version ${VERSION})`);
  if (typeof rv !== 'number' || !Number.isInteger(rv) || rv <= 0) throw invalid('incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (typeof start !== 'string' || start === '') throw invalid('encoded start key empty');
  const lastKey = start.endsWith('\u0000') ? start.slice(0, -1) : start;
  if (lastKey.includes('..') || lastKey.startsWith('/')) throw invalid('key path is not clean');
  return { resourceVersion: rv, lastKey };
}
