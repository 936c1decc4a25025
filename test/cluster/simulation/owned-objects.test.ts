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

  it("groups each controller's objects as a scan grouping them would, through moves between groups and owners", () => {
    const store = new ClusterStore({ resources: [PODS] });
    const onNode = (name: string, owner: string | undefined, node: string | undefined, phase = 'Pending'): KubeObject => ({
      ...pod(name, owner, phase),
      spec: node === undefined ? {} : { nodeName: node },
    });
    store.create(PODS, onNode('loaded', 'a', 'n1'));
    const owned = new OwnedObjects(PODS, { groupBy: (o) => (o.spec as { nodeName?: string } | undefined)?.nodeName });
    const stop = owned.follow(store);
    const grouped = (owner: string): Record<string, string[]> =>
      Object.fromEntries(
        [...owned.groupsOf(`uid-${owner}`)].map(([group, objects]) => [
          group,
          objects.map((o) => `${o.metadata.name} ${(o.status as { phase: string }).phase}`).sort(),
        ]),
      );
    const scan = (owner: string): Record<string, string[]> => {
      const groups: Record<string, string[]> = {};
      for (const { object } of store.list(PODS).items) {
        if (!object.metadata.ownerReferences?.some((r) => r.controller && r.uid === `uid-${owner}`)) continue;
        const group = (object.spec as { nodeName?: string }).nodeName ?? '';
        (groups[group] ??= []).push(`${object.metadata.name} ${(object.status as { phase: string }).phase}`);
        groups[group].sort();
      }
      return groups;
    };
    store.create(PODS, onNode('p1', 'a', 'n1'));
    store.create(PODS, onNode('p2', 'a', undefined));
    store.create(PODS, onNode('p3', 'b', 'n2'));
    const before = owned.groupsOf('uid-a').get('n1');
    store.update(PODS, onNode('p1', 'a', 'n1', 'Running'));
    store.update(PODS, onNode('p2', 'a', 'n2'));
    store.update(PODS, onNode('p3', 'a', 'n2', 'Running'));
    store.update(PODS, onNode('loaded', undefined, 'n1'));
    store.create(PODS, onNode('p4', 'b', 'n3'));
    store.delete(PODS, 'ns', 'p4');
    for (const owner of ['a', 'b']) expect(grouped(owner)).toEqual(scan(owner));
    expect(grouped('a')).toEqual({ n1: ['p1 Running'], n2: ['p2 Pending', 'p3 Running'] });
    expect(grouped('b')).toEqual({});
    // A group read before a change stays as it was read.
    expect(before?.map((o) => o.metadata.name).sort()).toEqual(['loaded', 'p1']);
    stop();
  });

  it('with a controller kind, keeps the orphans and the objects of that kind of controller only', () => {
    const store = new ClusterStore({ resources: [PODS] });
    const ownedBy = (name: string, kind: string, owner: string): KubeObject => ({
      ...pod(name, undefined),
      metadata: { namespace: 'ns', name, ownerReferences: [{ apiVersion: 'apps/v1', kind, name: owner, uid: `uid-${owner}`, controller: true }] },
    });
    store.create(PODS, ownedBy('rs-pod', 'ReplicaSet', 'web'));
    const owned = new OwnedObjects(PODS, { controllerKind: 'DaemonSet' });
    const stop = owned.follow(store);
    store.create(PODS, ownedBy('ds-pod', 'DaemonSet', 'agent'));
    store.create(PODS, pod('orphan', undefined));
    expect([...owned.controlledBy('uid-web')]).toEqual([]);
    expect([...owned.controlledBy('uid-agent')].map((o) => o.metadata.name)).toEqual(['ds-pod']);
    expect(owned.orphansIn('ns')).toEqual(['ns/orphan']);
    // Taken over by a DaemonSet, released by it to a ReplicaSet.
    store.update(PODS, ownedBy('rs-pod', 'DaemonSet', 'agent'));
    store.update(PODS, ownedBy('ds-pod', 'ReplicaSet', 'web'));
    expect([...owned.controlledBy('uid-agent')].map((o) => o.metadata.name)).toEqual(['rs-pod']);
    expect(owned.ownedBy('uid-agent')).toEqual(['ns/rs-pod']);
    expect(owned.ownedBy('uid-web')).toEqual([]);
    stop();
  });
});
