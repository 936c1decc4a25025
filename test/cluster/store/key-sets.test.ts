import type { KubeObject } from '../../../src/cluster/objects.js';
import { mergeKeys } from '../../../src/cluster/store/merge-keys.js';
import { SortedKeys } from '../../../src/cluster/store/sorted-keys.js';
import { ClusterStore, type KeySet } from '../../../src/cluster/store/index.js';

const PODS = '/pods' as const;

function pod(namespace: string, name: string, labels?: Record<string, string>, nodeName = 'node1'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name, ...(labels ? { labels } : {}) }, spec: { nodeName } };
}

function newStore(): ClusterStore {
  return new ClusterStore({
    resources: [PODS],
    indexes: { [PODS]: { 'spec.nodeName': (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName } },
    historyCapacity: 100,
  });
}

const keys = (result: { items: readonly { key: string }[] }): string[] => result.items.map((i) => i.key);

describe('SortedKeys', () => {
  test('reads the run of one prefix, after a key, and counts it without walking it', () => {
    const set = new SortedKeys();
    for (const key of ['b/x', 'a/y', 'a-b/x', 'a/x', 'ab/x', 'a/z']) set.add(key);
    expect([...set.from(undefined)]).toEqual(['a-b/x', 'a/x', 'a/y', 'a/z', 'ab/x', 'b/x']);
    expect([...set.from(undefined, 'a/')]).toEqual(['a/x', 'a/y', 'a/z']);
    expect([...set.from('a/x', 'a/')]).toEqual(['a/y', 'a/z']);
    expect([...set.from('a-b/x', 'a/')]).toEqual(['a/x', 'a/y', 'a/z']);
    expect([...set.from('a/z', 'a/')]).toEqual([]);
    expect([set.countFrom(undefined, 'a/'), set.countFrom('a/x', 'a/'), set.countFrom('zz', 'a/'), set.countFrom('a/x')]).toEqual([3, 2, 0, 4]);
    expect(set.countFrom(undefined, 'c/')).toBe(0);
  });
});

describe('mergeKeys', () => {
  test('yields the union of sorted runs in order, each key once', () => {
    const runs = [['a', 'd', 'g'], [], ['b', 'c', 'h'], ['d', 'e']].map((run) => run[Symbol.iterator]());
    expect([...mergeKeys(runs)]).toEqual(['a', 'b', 'c', 'd', 'e', 'g', 'h']);
    expect([...mergeKeys([])]).toEqual([]);
  });
});

describe('lists within key sets', () => {
  const objects = [
    pod('a', 'p1', { app: 'web', tier: 'front' }),
    pod('a', 'p2', { app: 'web' }, 'node2'),
    pod('a', 'p3', { app: 'db', tier: '' }),
    pod('a-b', 'p1', { app: 'web' }),
    pod('b', 'p1', { tier: 'back' }),
    pod('b', 'p2'),
  ];

  function loaded(): ClusterStore {
    const store = newStore();
    store.load(objects.map((object) => ({ resource: PODS, object })));
    return store;
  }

  test.each<[string, KeySet[], string | undefined, string[]]>([
    ['a label value', [{ label: 'app', values: ['web'] }], undefined, ['a-b/p1', 'a/p1', 'a/p2']],
    ['any of several values', [{ label: 'app', values: ['db', 'web', 'db'] }], undefined, ['a-b/p1', 'a/p1', 'a/p2', 'a/p3']],
    ['an empty label value', [{ label: 'tier', values: [''] }], undefined, ['a/p3']],
    ['a label with any value', [{ label: 'tier' }], undefined, ['a/p1', 'a/p3', 'b/p1']],
    ['a label no object has', [{ label: 'nope' }], undefined, []],
    ['a label value in a namespace', [{ label: 'app', values: ['web'] }], 'a', ['a/p1', 'a/p2']],
    ['every one of several sets', [{ label: 'app', values: ['web'] }, { label: 'tier' }], undefined, ['a/p1']],
    [
      'an index value and a label',
      [
        { index: 'spec.nodeName', value: 'node1' },
        { label: 'app', values: ['web'] },
      ],
      undefined,
      ['a-b/p1', 'a/p1'],
    ],
  ])('%s: exactly the objects in every set, with no filter', (_name, within, namespace, expected) => {
    const result = loaded().list(PODS, { within, ...(namespace !== undefined ? { namespace } : {}) });
    expect(keys(result)).toEqual(expected);
  });

  test('a list reads the smallest key set and checks the others on what it reads', () => {
    const store = loaded();
    // tier=back holds one object; app=web three; the table six.
    const result = store.list(PODS, {
      within: [
        { label: 'app', values: ['web'] },
        { label: 'tier', values: ['back'] },
      ],
    });
    expect(keys(result)).toEqual([]);
    expect(result.examined).toBe(1);
    expect(store.list(PODS, { within: [{ label: 'tier', values: ['back'] }] }).examined).toBe(1);
    expect(store.list(PODS, { within: [{ label: 'app' }] }).examined).toBe(4);
    expect(store.list(PODS).examined).toBe(6);
  });

  test('a name is found by one lookup per namespace, also at a past resourceVersion after its namespace emptied', () => {
    const store = loaded();
    const now = store.list(PODS, { within: [{ name: 'p1' }] });
    expect([keys(now), now.examined]).toEqual([['a-b/p1', 'a/p1', 'b/p1'], 3]);
    const then = store.resourceVersion;
    store.delete(PODS, 'a-b', 'p1');
    store.create(PODS, pod('c', 'p1'));
    expect(keys(store.list(PODS, { within: [{ name: 'p1' }] }))).toEqual(['a/p1', 'b/p1', 'c/p1']);
    expect(keys(store.list(PODS, { within: [{ name: 'p1' }], atResourceVersion: then }))).toEqual(['a-b/p1', 'a/p1', 'b/p1']);
  });

  test('a name of a cluster-scoped resource is its key', () => {
    const store = new ClusterStore({ resources: ['/nodes'] });
    store.load(['n1', 'n2', 'n3'].map((name) => ({ resource: '/nodes' as const, object: { apiVersion: 'v1', kind: 'Node', metadata: { name } } })));
    const result = store.list('/nodes', { within: [{ name: 'n2' }] });
    expect([keys(result), result.examined]).toEqual([['n2'], 1]);
  });

  test('pages within a key set count what remains in it', () => {
    const store = loaded();
    const first = store.list(PODS, { within: [{ label: 'app', values: ['web'] }], limit: 1 });
    expect(keys(first)).toEqual(['a-b/p1']);
    expect(first.remaining).toBe(2);
    const second = store.list(PODS, { within: [{ label: 'app', values: ['web', 'db'] }, { label: 'tier' }], limit: 1, after: 'a-b/p1' });
    expect(keys(second)).toEqual(['a/p1']);
    expect(second.remaining).toBe(1);
  });

  test('labels follow objects as they are relabelled, unlabelled and deleted', () => {
    const store = loaded();
    store.update(PODS, pod('a', 'p1', { app: 'db' }));
    store.update(PODS, pod('a', 'p2'));
    store.delete(PODS, 'a-b', 'p1');
    store.create(PODS, pod('c', 'p1', { app: 'web' }));
    expect(keys(store.list(PODS, { within: [{ label: 'app', values: ['web'] }] }))).toEqual(['c/p1']);
    expect(keys(store.list(PODS, { within: [{ label: 'app', values: ['db'] }] }))).toEqual(['a/p1', 'a/p3']);
    expect(keys(store.list(PODS, { within: [{ label: 'tier' }] }))).toEqual(['a/p3', 'b/p1']);
  });

  test('a read at a past resourceVersion finds the objects that were in the set then, though they are not now', () => {
    const store = loaded();
    const then = store.resourceVersion;
    store.update(PODS, pod('a', 'p1', { app: 'db' }));
    store.delete(PODS, 'a', 'p2');
    store.update(PODS, pod('b', 'p2', { app: 'web' }));
    store.create(PODS, pod('c', 'p1', { app: 'web' }));
    const web = [{ label: 'app', values: ['web'] }];
    expect(keys(store.list(PODS, { within: web }))).toEqual(['a-b/p1', 'b/p2', 'c/p1']);
    const past = store.list(PODS, { within: web, atResourceVersion: then });
    expect(keys(past)).toEqual(['a-b/p1', 'a/p1', 'a/p2']);
    expect(past.items[1]?.object.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    const page = store.list(PODS, { within: web, atResourceVersion: then, limit: 1, after: 'a-b/p1' });
    expect(keys(page)).toEqual(['a/p1']);
    expect(page.remaining).toBe(1);
  });
});
