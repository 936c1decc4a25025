import type { ClusterStore, ResourceKey, StoreEvent } from '../../cluster/index.js';
import { EventFrames } from './event-frames.js';
import type { Watcher } from './watcher.js';

/**
 * Every watch of one stored resource, behind one store listener (the cacher's dispatchEvents): each event is
 * offered to the watchers whose scope holds its object, and framed once per output form for all of them.
 * Listening starts with the first watcher and stops with the last.
 */
export class WatchDispatcher {
  /** Watchers by `namespace/name` of their scope, '' standing for any. */
  private readonly byScope = new Map<string, Set<Watcher>>();
  private watchers = 0;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly store: ClusterStore,
    private readonly resource: ResourceKey,
    private readonly onIdle: () => void,
  ) {}

  get size(): number {
    return this.watchers;
  }

  add(watcher: Watcher): void {
    const key = scopeKey(watcher.scope.namespace, watcher.scope.name);
    let set = this.byScope.get(key);
    if (!set) {
      set = new Set();
      this.byScope.set(key, set);
    }
    if (set.has(watcher)) return;
    set.add(watcher);
    this.watchers += 1;
    this.unsubscribe ??= this.store.watch(this.resource, undefined, (event) => this.dispatch(event));
  }

  remove(watcher: Watcher): void {
    const key = scopeKey(watcher.scope.namespace, watcher.scope.name);
    const set = this.byScope.get(key);
    if (!set?.delete(watcher)) return;
    if (set.size === 0) this.byScope.delete(key);
    this.watchers -= 1;
    if (this.watchers === 0) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.onIdle();
    }
  }

  private dispatch(event: StoreEvent): void {
    const frames = new EventFrames();
    const { namespace, name } = event.object;
    const keys =
      namespace === '' ? [scopeKey('', name), scopeKey('', '')] : [scopeKey(namespace, name), scopeKey(namespace, ''), scopeKey('', name), scopeKey('', '')];
    for (const key of keys) {
      const set = this.byScope.get(key);
      if (set) for (const watcher of set) watcher.deliver(event, frames);
    }
  }
}

function scopeKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

const dispatchers = new WeakMap<ClusterStore, Map<ResourceKey, WatchDispatcher>>();

/** The dispatcher of a store's resource, made when its first watcher comes and forgotten when its last goes. */
export function dispatcherFor(store: ClusterStore, resource: ResourceKey): WatchDispatcher {
  let byResource = dispatchers.get(store);
  if (!byResource) {
    byResource = new Map();
    dispatchers.set(store, byResource);
  }
  let dispatcher = byResource.get(resource);
  if (!dispatcher) {
    const resources = byResource;
    const made: WatchDispatcher = new WatchDispatcher(store, resource, () => {
      if (resources.get(resource) === made) resources.delete(resource);
    });
    byResource.set(resource, made);
    dispatcher = made;
  }
  return dispatcher;
}
