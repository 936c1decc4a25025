import type { ResourceKey } from '../resources/resource-type.js';
import type { StoreEvent } from './store-event.js';

/**
 * A bounded window of the most recent changes, like the apiserver's watch cache (apiserver pkg/storage/cacher):
 * watches and paginated lists from a resourceVersion inside the window are served from it; older ones are
 * Expired. `compactedThrough` is the newest resourceVersion no longer covered.
 */
export class EventHistory {
  private readonly events: (StoreEvent | undefined)[];
  private start = 0;
  private count = 0;

  constructor(
    readonly capacity: number,
    /** Changes at or before this resourceVersion were never recorded (the initial load). */
    public compactedThrough: number,
  ) {
    this.events = new Array<StoreEvent | undefined>(capacity);
  }

  /** While set, changes are not kept: each one compacts everything through it, as with no capacity at all. */
  private suspended = false;

  /**
   * Forgets every change kept and keeps none until `resume`: a window that starts again from the newest change
   * then, as a freshly started apiserver's watch cache starts from the state it lists.
   */
  suspend(): void {
    this.suspended = true;
    const newest = this.count > 0 ? this.at(this.count - 1).resourceVersion : undefined;
    if (newest !== undefined) this.compactedThrough = newest;
    this.events.fill(undefined);
    this.start = 0;
    this.count = 0;
  }

  resume(): void {
    this.suspended = false;
  }

  record(event: StoreEvent): void {
    if (this.capacity === 0 || this.suspended) {
      this.compactedThrough = event.resourceVersion;
      return;
    }
    if (this.count === this.capacity) {
      const evicted = this.events[this.start];
      if (evicted) this.compactedThrough = evicted.resourceVersion;
      this.events[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
    } else {
      this.events[(this.start + this.count) % this.capacity] = event;
      this.count++;
    }
  }

  /** Whether every change after `resourceVersion` is still known. */
  covers(resourceVersion: number): boolean {
    return resourceVersion >= this.compactedThrough;
  }

  /** Changes to `resource` strictly after `resourceVersion`, oldest first. The caller checks `covers` first. */
  *since(resource: ResourceKey, resourceVersion: number): Generator<StoreEvent> {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid).resourceVersion <= resourceVersion) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.count; i++) {
      const event = this.at(i);
      if (event.resource === resource) yield event;
    }
  }

  private at(index: number): StoreEvent {
    return this.events[(this.start + index) % this.capacity] as StoreEvent;
  }
}
