import type { KubeObject } from '../../../src/cluster/objects.js';
import { OwnedObjects } from '../../../src/cluster/simulation/owned-objects.js';
import { ClusterStore } from '../../../src/cluster/store/index.js';

const PODS = '/pods' as const;

function pod(name: string, owner: string | undefined, phase = 'Pending'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: 'ns',
      name,
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: owner, uid: `uid-${owner}`, controller: true }] } : {}),
    },
    status: { phase },
  };
}

/** What a sync would find by reading every pod of the store: the pods each controller controls, as they are now. */
function scanned(store: ClusterStore, owner: string): string[] {
  return store
    .list(PODS)
    .items.map((s) => s.object)
    .filter((o) => o.metadata.ownerReferences?.some((r) => r.controller && r.uid === `uid-${owner}`))
    .map((o) => `${o.metadata.name} ${(o.status as { phase: string }).phase}`)
    .sort();
}

const indexed = (owned: OwnedObjects, owner: string): string[] =>
  [...owned.controlledBy(`uid-${owner}`)].map((o) => `${o.metadata.name} ${(o.status as { phase: string }).phase}`).sort();

describe('OwnedObjects', () => {
  it('keeps the current version of every object each controller controls, as a scan of the store finds them', () => {
    const store = new ClusterStore({ resources: [PODS] });
    store.create(PODS, pod('loaded', 'a'));
    const owned = new OwnedObjects(PODS);
    const stop = owned.follow(store);
    store.create(PODS, pod('p1', 'a'));
    store.create(PODS, pod('p2', 'a'));
    store.create(PODS, pod('p3', 'b'));
    store.create(PODS, pod('orphan', undefined));
    store.update(PODS, pod('p1', 'a', 'Running'));
    // Released by one controller, taken by another; adopted; deleted.
    store.update(PODS, pod('p2', 'b', 'Running'));
    store.update(PODS, pod('orphan', 'a'));
    store.delete(PODS, 'ns', 'p3');
    for (const owner of ['a', 'b']) expect(indexed(owned, owner)).toEqual(scanned(store, owner));
    expect(indexed(owned, 'a')).toEqual(['loaded Pending', 'orphan Pending', 'p1 Running']);
    expect(indexed(owned, 'b')).toEqual(['p2 Running']);
    expect([...owned.controlledBy('uid-none')]).toEqual([]);
    expect([...owned.controlledBy(undefined)]).toEqual([]);
    stop();
  });
});
