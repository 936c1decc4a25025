import { ClusterStore, StoreError, type StoreEvent, type StoredObject } from '../../../src/cluster/store/index.js';
import type { KubeObject } from '../../../src/cluster/objects.js';

const PODS = '/pods' as const;
const NODES = '/nodes' as const;

function pod(namespace: string, name: string, nodeName = 'node1', extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name }, spec: { nodeName }, ...extra };
}

function newStore(historyCapacity = 100): ClusterStore {
  return new ClusterStore({
    resources: [PODS, NODES],
    indexes: { [PODS]: { 'spec.nodeName': (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName } },
    historyCapacity,
  });
}

const names = (items: readonly { key: string }[]): string[] => items.map((i) => i.key);

describe('ClusterStore', () => {
  test('every write takes the next cluster-wide resourceVersion', () => {
    const store = newStore();
    store.load([{ resource: NODES, object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node1' } } }]);
    const a = store.create(PODS, pod('default', 'a'));
    const b = store.create(PODS, pod('default', 'b'));
    const a2 = store.update(PODS, pod('default', 'a', 'node2'));
    expect([a.resourceVersion, b.resourceVersion, a2.resourceVersion]).toEqual([2, 3, 4]);
    expect(a2.object.metadata.resourceVersion).toBe('4');
    expect(a2.object.metadata.uid).toBe(a.object.metadata.uid);
    expect(store.resourceVersion).toBe(4);
  });

  test('lists in etcd key order, where "a-b/x" sorts before "a/x"', () => {
    const store = newStore();
    store.load([pod('a', 'x'), pod('a-b', 'x'), pod('b', 'a')].map((object) => ({ resource: PODS, object })));
    expect(names(store.list(PODS).items)).toEqual(['a-b/x', 'a/x', 'b/a']);
  });

  test('a full list, answered from the table’s kept key order, shows every write in the next one', () => {
    const store = newStore();
    store.load([pod('a', 'x'), pod('b', 'y')].map((object) => ({ resource: PODS, object })));
    const first = store.list(PODS);
    expect(names(first.items)).toEqual(['a/x', 'b/y']);
    expect(first.examined).toBe(2);
    store.create(PODS, pod('a', 'w'));
    expect(names(store.list(PODS).items)).toEqual(['a/w', 'a/x', 'b/y']);
    store.update(PODS, pod('b', 'y', 'node2'));
    expect((store.list(PODS).items[2]?.object.spec as { nodeName: string }).nodeName).toBe('node2');
    store.delete(PODS, 'a', 'x');
    expect(names(store.list(PODS).items)).toEqual(['a/w', 'b/y']);
  });

  test('a full list is the table’s own frozen array until the next write, which makes a new one', () => {
    const store = newStore();
    store.load([pod('a', 'x'), pod('b', 'y')].map((object) => ({ resource: PODS, object })));
    const first = store.list(PODS).items;
    expect(Object.isFrozen(first)).toBe(true);
    expect(store.list(PODS, { limit: 2 }).items).toBe(first);
    store.create(PODS, pod('a', 'w'));
    const next = store.list(PODS).items;
    expect(next).not.toBe(first);
    expect(names(first)).toEqual(['a/x', 'b/y']);
    expect(Object.isFrozen(next)).toBe(true);
    // A page or a filter is a list of its own.
    expect(Object.isFrozen(store.list(PODS, { limit: 1 }).items)).toBe(false);
    expect(Object.isFrozen(store.list(PODS, { filter: () => true }).items)).toBe(false);
  });

  test('a whole namespace is its own frozen array too, until a write in that namespace', () => {
    const store = newStore();
    store.load([pod('a', 'x'), pod('a', 'y'), pod('b', 'z')].map((object) => ({ resource: PODS, object })));
    const inA = store.list(PODS, { namespace: 'a' }).items;
    expect(Object.isFrozen(inA)).toBe(true);
    store.create(PODS, pod('b', 'w'));
    expect(store.list(PODS, { namespace: 'a' }).items).toBe(inA);
    store.delete(PODS, 'a', 'x');
    const after = store.list(PODS, { namespace: 'a' }).items;
    expect(after).not.toBe(inA);
    expect(names(after)).toEqual(['a/y']);
    expect(names(store.list(PODS, { namespace: 'b' }).items)).toEqual(['b/w', 'b/z']);
    expect(Object.isFrozen(store.list(PODS, { namespace: 'a', limit: 1, after: 'a/a' }).items)).toBe(false);
  });

  test('a namespace without objects lists nothing, in every form of list, and its first object shows at once', () => {
    const store = newStore();
    store.create(PODS, pod('default', 'a'));
    for (const options of [{}, { limit: 1 }, { index: { name: 'spec.nodeName', value: 'node1' } }, { filter: () => true }]) {
      expect(store.list(PODS, { namespace: 'empty', ...options })).toMatchObject({ items: [], examined: 0 });
    }
    store.create(PODS, pod('empty', 'b'));
    expect(names(store.list(PODS, { namespace: 'empty' }).items)).toEqual(['empty/b']);
    store.delete(PODS, 'empty', 'b');
    expect(store.list(PODS, { namespace: 'empty' }).items).toEqual([]);
  });

  test('a namespaced list returns only that namespace', () => {
    const store = newStore();
    store.load([pod('kube-system', 'p1'), pod('default', 'p2'), pod('default', 'p1')].map((object) => ({ resource: PODS, object })));
    expect(names(store.list(PODS, { namespace: 'default' }).items)).toEqual(['default/p1', 'default/p2']);
    expect(store.list(PODS, { namespace: 'nowhere' }).items).toEqual([]);
  });

  test('an index follows objects as they move between values', () => {
    const store = newStore();
    store.create(PODS, pod('default', 'a', 'node1'));
    store.create(PODS, pod('default', 'b', 'node2'));
    store.update(PODS, pod('default', 'a', 'node2'));
    expect(names(store.list(PODS, { index: { name: 'spec.nodeName', value: 'node2' } }).items)).toEqual(['default/a', 'default/b']);
    expect(store.list(PODS, { index: { name: 'spec.nodeName', value: 'node1' } }).items).toEqual([]);
    store.delete(PODS, 'default', 'b');
    expect(names(store.list(PODS, { index: { name: 'spec.nodeName', value: 'node2' } }).items)).toEqual(['default/a']);
  });

  test('pages with a limit report the last key and how many remain', () => {
    const store = newStore();
    store.load(['a', 'b', 'c', 'd', 'e'].map((n) => ({ resource: PODS, object: pod('default', n) })));
    const first = store.list(PODS, { limit: 2 });
    expect(names(first.items)).toEqual(['default/a', 'default/b']);
    expect(first.lastKey).toBe('default/b');
    expect(first.remaining).toBe(3);
    const last = store.list(PODS, { limit: 3, after: 'default/b' });
    expect(names(last.items)).toEqual(['default/c', 'default/d', 'default/e']);
    expect(last.lastKey).toBeUndefined();
  });

  test('a filtered page has no remaining count and continues only if another match exists', () => {
    const store = newStore();
    store.load(['a', 'b', 'c'].map((n) => ({ resource: PODS, object: pod('default', n, n === 'c' ? 'node2' : 'node1') })));
    const onNode1 = (stored: StoredObject) => (stored.object.spec as { nodeName: string }).nodeName === 'node1';
    const page = store.list(PODS, { limit: 2, filter: onNode1 });
    expect(names(page.items)).toEqual(['default/a', 'default/b']);
    expect(page.lastKey).toBeUndefined();
    expect(page.remaining).toBeUndefined();
  });

  test('a list at a past resourceVersion shows the state of that moment', () => {
    const store = newStore();
    store.create(PODS, pod('default', 'a'));
    store.create(PODS, pod('default', 'c'));
    const rv = store.resourceVersion;
    store.create(PODS, pod('default', 'b'));
    store.update(PODS, pod('default', 'a', 'node9'));
    store.delete(PODS, 'default', 'c');
    const then = store.list(PODS, { atResourceVersion: rv });
    expect(then.resourceVersion).toBe(rv);
    expect(names(then.items)).toEqual(['default/a', 'default/c']);
    expect((then.items[0]?.object.spec as { nodeName: string }).nodeName).toBe('node1');
    const thenPage2 = store.list(PODS, { atResourceVersion: rv, after: 'default/a' });
    expect(names(thenPage2.items)).toEqual(['default/c']);
  });

  test('watch replays retained changes after the given resourceVersion, then follows new ones', () => {
    const store = newStore();
    store.create(PODS, pod('default', 'a'));
    const from = store.resourceVersion;
    store.update(PODS, pod('default', 'a', 'node2'));
    const seen: StoreEvent[] = [];
    const stop = store.watch(PODS, from, (e) => seen.push(e));
    store.delete(PODS, 'default', 'a');
    stop();
    store.create(PODS, pod('default', 'z'));
    expect(seen.map((e) => [e.type, e.resourceVersion])).toEqual([
      ['MODIFIED', 2],
      ['DELETED', 3],
    ]);
    expect(seen[1]?.previous?.resourceVersion).toBe(2);
    expect(seen[1]?.object.object.metadata.resourceVersion).toBe('3');
  });

  test('a watch or list older than the history window is Expired; one newer than the store is too large', () => {
    const store = newStore(2);
    for (const n of ['a', 'b', 'c', 'd']) store.create(PODS, pod('default', n));
    expect(() => store.watch(PODS, 1, () => undefined)).toThrow(StoreError);
    expect(() => store.watch(PODS, 1, () => undefined)).toThrow('too old resource version: 1 (2)');
    expect(() => store.list(PODS, { atResourceVersion: 1 })).toThrow(expect.objectContaining({ reason: 'Expired' }));
    expect(() => store.watch(PODS, 99, () => undefined)).toThrow(expect.objectContaining({ reason: 'TooLargeResourceVersion' }));
    expect(() => store.watch(PODS, 2, () => undefined)).not.toThrow();
  });

  test('with history suspended nothing is kept to watch from; once resumed the window starts at the newest write', () => {
    const store = newStore();
    store.create(PODS, pod('default', 'before'));
    const resume = store.suspendHistory();
    store.create(PODS, pod('default', 'during-1'));
    const during = store.create(PODS, pod('default', 'during-2'));
    resume();
    expect(store.oldestResourceVersion).toBe(during.resourceVersion);
    expect(() => store.watch(PODS, during.resourceVersion - 1, () => undefined)).toThrow(StoreError);
    const after = store.create(PODS, pod('default', 'after'));
    const seen: string[] = [];
    store.watch(PODS, during.resourceVersion, (event) => seen.push(event.object.key));
    expect(seen).toEqual(['default/after']);
    expect(store.list(PODS, { atResourceVersion: during.resourceVersion }).items.map((i) => i.key)).toEqual([
      'default/before',
      'default/during-1',
      'default/during-2',
    ]);
    expect(after.resourceVersion).toBe(during.resourceVersion + 1);
  });

  test('creating an existing object or changing a missing one is refused', () => {
    const store = newStore();
    store.create(PODS, pod('default', 'a'));
    expect(() => store.create(PODS, pod('default', 'a'))).toThrow(expect.objectContaining({ reason: 'AlreadyExists' }));
    expect(() => store.update(PODS, pod('default', 'b'))).toThrow(expect.objectContaining({ reason: 'NotFound' }));
    expect(() => store.delete(PODS, 'default', 'b')).toThrow(expect.objectContaining({ reason: 'NotFound' }));
  });

  test('uids given by no one are the same on every run', () => {
    const a = newStore().create(PODS, pod('default', 'a')).object.metadata.uid;
    const b = newStore().create(PODS, pod('default', 'a')).object.metadata.uid;
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('a stored version serializes once', () => {
    const stored = newStore().create(PODS, pod('default', 'a'));
    expect(stored.json()).toBe(stored.json());
    expect(JSON.parse(stored.json()).metadata.name).toBe('a');
  });
});

describe('loading a captured cluster', () => {
  test('objects keep the resourceVersions they were captured with; the others and later writes follow the highest', () => {
    const store = new ClusterStore({ resources: ['/configmaps'] });
    const cm = (name: string, resourceVersion?: string): KubeObject => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'default', ...(resourceVersion ? { resourceVersion } : {}) },
    });
    store.load([
      { resource: '/configmaps', object: cm('a', '812') },
      { resource: '/configmaps', object: cm('b') },
      { resource: '/configmaps', object: cm('c', '12') },
      { resource: '/configmaps', object: cm('d', 'not-a-number') },
    ]);
    const rv = (name: string): string | undefined => store.get('/configmaps', 'default', name)?.object.metadata.resourceVersion;
    expect(['a', 'b', 'c', 'd'].map(rv)).toEqual(['812', '813', '12', '814']);
    expect(store.resourceVersion).toBe(814);
    expect(store.create('/configmaps', cm('e')).resourceVersion).toBe(815);
  });
});
