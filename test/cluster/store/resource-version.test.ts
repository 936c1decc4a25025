import {
  ClusterStore,
  decodeContinue,
  encodeContinue,
  LATEST,
  listPage,
  type ListRequest,
  parseResourceVersion,
  StoreError,
} from '../../../src/cluster/store/index.js';
import type { KubeObject } from '../../../src/cluster/objects.js';

const PODS = '/pods' as const;

const pod = (namespace: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } });

function newStore(historyCapacity = 100): ClusterStore {
  const store = new ClusterStore({ resources: [PODS], historyCapacity });
  store.load([pod('a', 'x'), pod('a', 'y'), pod('a', 'z'), pod('b', 'x')].map((object) => ({ resource: PODS, object })));
  return store;
}

const page = (store: ClusterStore, request: ListRequest) =>
  listPage(store, request, (point) => store.list(PODS, { ...point, ...(request.namespace ? { namespace: request.namespace } : {}) }));

function refusal(run: () => unknown): StoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('continue tokens', () => {
  it('are the real server’s base64url JSON, read back to the same point', () => {
    const token = encodeContinue({ resourceVersion: 7, lastKey: 'a/x' });
    expect(JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))).toEqual({ v: 'meta.k8s.io/v1', rv: 7, start: 'a/x\u0000' });
    expect(decodeContinue(token)).toEqual({ resourceVersion: 7, lastKey: 'a/x' });
    expect(decodeContinue(encodeContinue({ resourceVersion: LATEST, lastKey: 'x' }))).toEqual({ resourceVersion: LATEST, lastKey: 'x' });
  });

  it.each([
    ['not base64', 'a b', 'invalid continue token: continue key is not valid: illegal base64 data at input byte 1'],
    ['another version', Buffer.from('{"v":"x","rv":1,"start":"a"}').toString('base64url'), 'server does not recognize this encoded version x'],
    ['no resourceVersion', Buffer.from('{"v":"meta.k8s.io/v1","start":"a"}').toString('base64url'), 'incorrect encoded start resourceVersion'],
    ['no start key', Buffer.from('{"v":"meta.k8s.io/v1","rv":3}').toString('base64url'), 'encoded start key empty'],
    ['an unclean key', Buffer.from('{"v":"meta.k8s.io/v1","rv":3,"start":"../x"}').toString('base64url'), 'continue key is not valid: ../x'],
  ])('refuses a token with %s', (_, token, message) => {
    const error = refusal(() => decodeContinue(token));
    expect(error.reason).toBe('InvalidContinue');
    expect(error.message).toContain(message);
  });
});

describe('resourceVersion semantics of a list', () => {
  it('reads a resourceVersion parameter as a non-negative integer', () => {
    expect(parseResourceVersion('12')).toBe(12);
    expect(refusal(() => parseResourceVersion('abc'))).toMatchObject({ reason: 'InvalidResourceVersion', message: 'invalid resource version: abc' });
  });

  it('pages with tokens relative to the namespace listed, and the last page has none', () => {
    const store = newStore();
    const first = page(store, { limit: 2, namespace: 'a' });
    expect(first.items.map((i) => i.key)).toEqual(['a/x', 'a/y']);
    expect(first.remainingItemCount).toBe(1);
    expect(decodeContinue(first.continue ?? '')).toEqual({ resourceVersion: 4, lastKey: 'y' });
    const rest = page(store, { limit: 2, namespace: 'a', continueFrom: decodeContinue(first.continue ?? '') });
    expect(rest.items.map((i) => i.key)).toEqual(['a/z']);
    expect(rest.continue).toBeUndefined();
  });

  it('refuses a resourceVersion the store has not reached', () => {
    expect(refusal(() => page(newStore(), { resourceVersion: 99 }))).toMatchObject({
      reason: 'TooLargeResourceVersion',
      resourceVersions: { requested: 99, limit: 4 },
    });
  });

  it('reads an exact resourceVersion that has left the history as Expired', () => {
    const store = newStore(1);
    store.create(PODS, pod('c', 'x'));
    store.create(PODS, pod('c', 'y'));
    expect(refusal(() => page(store, { resourceVersion: 4, resourceVersionMatch: 'Exact' })).message).toBe(
      'The resourceVersion for the provided list is too old.',
    );
  });

  it('answers an expired continue token with one that continues at the latest state', () => {
    const store = newStore(1);
    const first = page(store, { limit: 1 });
    store.create(PODS, pod('c', 'x'));
    store.create(PODS, pod('c', 'y'));
    const error = refusal(() => page(store, { limit: 1, continueFrom: decodeContinue(first.continue ?? '') }));
    expect(error.reason).toBe('Expired');
    expect(error.message).toMatch(/^The provided continue parameter is too old/);
    expect(decodeContinue(error.continueToken ?? '')).toEqual({ resourceVersion: LATEST, lastKey: 'a/x' });
  });
});
