import type { KubeObject } from '../objects.js';
import { controllerOf } from '../meta/index.js';
import type { ResourceKey } from '../resources/resource-type.js';
import { type ClusterStore, SortedKeys, type StoreEvent } from '../store/index.js';

const NO_GROUPS: ReadonlyMap<string, readonly Readonly<KubeObject>[]> = new Map();

/**
 * A controller's informer on the objects it may own (pods, a Deployment's ReplicaSets), indexed as client-go
 * indexers are: by the uid of their controller, and those without a controller by namespace (the orphans a
 * controller may adopt). A sync reads what it may claim instead of every object of the namespace; both lists
 * come in key order, the order a namespace list has.
 */
export class OwnedObjects {
  private readonly byOwner = new Map<string, SortedKeys>();
  private readonly orphans = new Map<string, SortedKeys>();
  /** The current version of each controlled object, by its controller's uid and its key. */
  private readonly objects = new Map<string, Map<string, Readonly<KubeObject>>>();
  /** With `groupBy`: the current versions of each controller's objects by group, each group an array never changed in place. */
  private readonly groups = new Map<string, Map<string, readonly Readonly<KubeObject>[]>>();

  constructor(
    private readonly resource: ResourceKey,
    private readonly options: {
      /** The kind of controller whose objects are kept (with the orphans); objects of other controllers are not. */
      controllerKind?: string;
      /** What the controlled objects are grouped by (a daemon pod's node), if anything. */
      groupBy?: (object: Readonly<KubeObject>) => string | undefined;
    } = {},
  ) {}

  /** The object, if it is one this index keeps: an orphan, or controlled by a controller of the kind asked for. */
  private kept(object: Readonly<KubeObject> | undefined): Readonly<KubeObject> | undefined {
    const { controllerKind } = this.options;
    if (object === undefined || controllerKind === undefined) return object;
    const controller = controllerOf(object);
    return controller === undefined || controller.kind === controllerKind ? object : undefined;
  }

  /** Indexes the store's objects and follows their changes; returns the way to stop following. */
  follow(store: ClusterStore): () => void {
    this.byOwner.clear();
    this.orphans.clear();
    this.objects.clear();
    this.groups.clear();
    const stop = store.watch(this.resource, undefined, (event) => this.apply(event));
    for (const stored of store.list(this.resource).items) {
      const object = this.kept(stored.object);
      if (!object) continue;
      this.add(stored.key, object);
      if (this.options.groupBy) this.regroup(undefined, object);
    }
    return stop;
  }

  /** The keys of the objects controlled by the object with this uid. */
  ownedBy(uid: string | undefined): readonly string[] {
    const keys = uid !== undefined ? this.byOwner.get(uid) : undefined;
    return keys ? [...keys.from(undefined)] : [];
  }

  /**
   * The objects controlled by the object with this uid, as they are now, in no particular order: what a sync reads
   * when it needs every one of them (a DaemonSet's pods on thousands of nodes), without looking each up.
   */
  controlledBy(uid: string | undefined): Iterable<Readonly<KubeObject>> {
    return (uid !== undefined ? this.objects.get(uid)?.values() : undefined) ?? [];
  }

  /**
   * The objects controlled by the object with this uid, by group (`groupBy`; those it gives none under ''), kept as
   * they change: a sync that reads every node's daemon pods builds nothing. A group's array is replaced, never
   * changed, when its objects change, so one read before a write stays as it was.
   */
  groupsOf(uid: string | undefined): ReadonlyMap<string, readonly Readonly<KubeObject>[]> {
    return (uid !== undefined ? this.groups.get(uid) : undefined) ?? NO_GROUPS;
  }

  /** The keys of the objects of `namespace` without a controller. */
  orphansIn(namespace: string): readonly string[] {
    const keys = this.orphans.get(namespace);
    return keys ? [...keys.from(undefined)] : [];
  }

  private apply(event: StoreEvent): void {
    const before = this.kept(event.previous?.object);
    const after = this.kept(event.type === 'DELETED' ? undefined : event.object.object);
    if (!before && !after) return;
    if (this.options.groupBy) this.regroup(before, after);
    if (before && after && controllerOf(before)?.uid === controllerOf(after)?.uid) {
      this.keep(event.object.key, after);
      return;
    }
    if (before) this.remove(event.object.key, before);
    if (after) this.add(event.object.key, after);
  }

  private add(key: string, object: Readonly<KubeObject>): void {
    this.setOf(object, true)?.add(key);
    this.keep(key, object);
  }

  /** Keeps the current version of a controlled object. */
  private keep(key: string, object: Readonly<KubeObject>): void {
    const owner = controllerOf(object)?.uid;
    if (owner === undefined) return;
    let objects = this.objects.get(owner);
    if (!objects) {
      objects = new Map();
      this.objects.set(owner, objects);
    }
    objects.set(key, object);
  }

  private remove(key: string, object: Readonly<KubeObject>): void {
    const owner = controllerOf(object)?.uid;
    const objects = owner === undefined ? undefined : this.objects.get(owner);
    objects?.delete(key);
    if (owner !== undefined && objects?.size === 0) this.objects.delete(owner);
    const set = this.setOf(object, false);
    set?.remove(key);
    if (set?.size === 0) this.clearEmpty(object);
  }

  /** Moves an object from the group of its previous version to that of its current one (either may be absent). */
  private regroup(before: Readonly<KubeObject> | undefined, after: Readonly<KubeObject> | undefined): void {
    const place = (object: Readonly<KubeObject> | undefined): { owner: string; group: string } | undefined => {
      const owner = object && controllerOf(object)?.uid;
      return object && owner !== undefined ? { owner, group: this.options.groupBy?.(object) ?? '' } : undefined;
    };
    const from = place(before);
    const to = place(after);
    const name = (before ?? after)?.metadata.name;
    if (from) {
      const groups = this.groups.get(from.owner);
      const kept = (groups?.get(from.group) ?? []).filter((object) => object.metadata.name !== name);
      if (kept.length > 0) groups?.set(from.group, kept);
      else groups?.delete(from.group);
      if (groups?.size === 0) this.groups.delete(from.owner);
    }
    if (to && after) {
      let groups = this.groups.get(to.owner);
      if (!groups) {
        groups = new Map();
        this.groups.set(to.owner, groups);
      }
      groups.set(to.group, [...(groups.get(to.group) ?? []), after]);
    }
  }

  private setOf(object: Readonly<KubeObject>, create: boolean): SortedKeys | undefined {
    const owner = controllerOf(object)?.uid;
    const map = owner !== undefined ? this.byOwner : this.orphans;
    const id = owner ?? object.metadata.namespace ?? '';
    let set = map.get(id);
    if (!set && create) {
      set = new SortedKeys();
      map.set(id, set);
    }
    return set;
  }

  private clearEmpty(object: Readonly<KubeObject>): void {
    const owner = controllerOf(object)?.uid;
    if (owner !== undefined) this.byOwner.delete(owner);
    else this.orphans.delete(object.metadata.namespace ?? '');
  }
}
