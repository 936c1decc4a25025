import { StoreError } from './store-error.js';

/**
 * Continue tokens in the real server's own shape (apiserver pkg/storage/continue.go): base64url of
 * `{"v":"meta.k8s.io/v1","rv":<list RV>,"start":"<key after the last item, relative to the list's scope>\u0000"}`.
 * Clients treat them as opaque; keeping the shape means a token reads the same as a real one when debugging.
 */
export interface ContinuePoint {
  /** The list's resourceVersion; -1 continues at the latest one (the token a 410 for an expired page carries). */
  resourceVersion: number;
  /** The last key returned, relative to the list's scope (`name` in a namespace, `namespace/name` across all). */
  lastKey: string;
}

const VERSION = 'meta.k8s.io/v1';

/** The resourceVersion of a continuation at the latest state (storage.EncodeContinue with -1). */
export const LATEST = -1;

export function encodeContinue(point: ContinuePoint): string {
  const json = JSON.stringify({ v: VERSION, rv: point.resourceVersion, start: `${point.lastKey}\u0000` });
  return Buffer.from(json, 'utf8').toString('base64url');
}

const NOT_VALID = 'continue key is not valid';

/** Go's path.Clean leaves a clean path as it is: no empty, `.` or `..` segment, no trailing slash. */
function isCleanPath(path: string): boolean {
  if (path === '/') return true;
  return path
    .slice(1)
    .split('/')
    .every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * Reads a token back, refusing a bad one in the real server's words (storage/continue.go DecodeContinue, wrapped
 * by the etcd3 store as `invalid continue token: ...`, which the API layer answers as a BadRequest).
 */
export function decodeContinue(token: string): ContinuePoint {
  const invalid = (detail: string): StoreError => new StoreError('InvalidContinue', `invalid continue token: ${detail}`);
  // base64.RawURLEncoding: the URL alphabet, no padding.
  const illegal = token.search(/[^A-Za-z0-9_-]/);
  if (illegal >= 0 || token.length % 4 === 1) throw invalid(`${NOT_VALID}: illegal base64 data at input byte ${illegal >= 0 ? illegal : token.length - 1}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (error) {
    throw invalid(`${NOT_VALID}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid(`${NOT_VALID}: json: cannot unmarshal into a continue token`);
  const { v, rv, start } = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (v !== VERSION) throw invalid(`${NOT_VALID}: server does not recognize this encoded version ${typeof v === 'string' ? v : ''}`);
  const resourceVersion = typeof rv === 'number' && Number.isInteger(rv) ? rv : 0;
  if (resourceVersion === 0) throw invalid(`${NOT_VALID}: incorrect encoded start resourceVersion (version ${VERSION})`);
  if (typeof start !== 'string' || start === '') throw invalid(`${NOT_VALID}: encoded start key empty (version ${VERSION})`);
  const key = start.startsWith('/') ? start : `/${start}`;
  if (!isCleanPath(key)) throw invalid(`${NOT_VALID}: ${start}`);
  const relative = key.slice(1);
  const lastKey = relative.endsWith('\u0000') ? relative.slice(0, -1) : relative;
  return { resourceVersion: resourceVersion < 0 ? LATEST : resourceVersion, lastKey };
}
