import type { KubeObject } from '../objects.js';
import { controllerOf } from '../meta/index.js';
import type { ResourceKey } from '../resources/resource-type.js';
import { type ClusterStore, SortedKeys, type StoreEvent } from '../store/index.js';

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

  constructor(private readonly resource: ResourceKey) {}

  /** Indexes the store's objects and follows their changes; returns the way to stop following. */
  follow(store: ClusterStore): () => void {
    this.byOwner.clear();
    this.orphans.clear();
    this.objects.clear();
    const stop = store.watch(this.resource, undefined, (event) => this.apply(event));
    for (const stored of store.list(this.resource).items) this.add(stored.key, stored.object);
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

  /** The keys of the objects of `namespace` without a controller. */
  orphansIn(namespace: string): readonly string[] {
    const keys = this.orphans.get(namespace);
    return keys ? [...keys.from(undefined)] : [];
  }

  private apply(event: StoreEvent): void {
    const before = event.previous?.object;
    const after = event.type === 'DELETED' ? undefined : event.object.object;
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
