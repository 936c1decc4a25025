import { matchesQuery, type ObjectQuery, type ResourceType, type StoreEvent, type StoredObject } from '../../cluster/index.js';
import type { EncodableObject, ResourceEncoder, WatchEventType } from '../encoding/index.js';
import { presented } from '../resources/presented-object.js';
import type { EventFrames } from './event-frames.js';
import { withResourceVersion } from './watch-frames.js';
import type { WatchOutput } from './watch-output.js';

/**
 * The namespace and name a watch is confined to ('' for any), from its path or its field selector: the
 * dispatcher offers it only the events of objects there (cacher.go indexedWatchers, keyed by namespacedName).
 */
export interface WatchScope {
  namespace: string;
  name: string;
}

function scopeOf(type: ResourceType, query: ObjectQuery): WatchScope {
  const namespace = type.namespaced ? (query.namespace ?? query.fieldSelector?.requiredValue('metadata.namespace') ?? '') : '';
  return { namespace, name: query.fieldSelector?.requiredValue('metadata.name') ?? '' };
}

export interface WatcherOptions {
  type: ResourceType;
  query: ObjectQuery;
  /** The output form (watch-form.ts): watchers of one form share the frames of an event. */
  form: string;
  /** This watch's own encoder (it knows whether the Table's column definitions were sent). */
  encoder: ResourceEncoder;
  tabular: boolean;
  output: WatchOutput;
}

/**
 * One watch as the dispatcher sees it: which store events it selects, turned into watch events as the
 * cacheWatcher converts them (cache_watcher.go convertToWatchEvent): an object entering the selection is ADDED,
 * one leaving it DELETED in its previous state at the event's resourceVersion.
 */
export class Watcher {
  readonly scope: WatchScope;
  private readonly output: WatchOutput;
  /** A Table watch sends its column definitions with its first event only: that frame is made for it alone. */
  private columnsPending: boolean;
  /** The keys of this form's frames in an event's EventFrames, by watch event type (and for an object leaving). */
  private readonly frameKeys: Readonly<Record<'ADDED' | 'MODIFIED' | 'DELETED' | 'LEAVING', string>>;

  constructor(private readonly options: WatcherOptions) {
    this.scope = scopeOf(options.type, options.query);
    this.output = options.output;
    this.columnsPending = options.tabular;
    const { form } = options;
    this.frameKeys = { ADDED: `${form} ADDED`, MODIFIED: `${form} MODIFIED`, DELETED: `${form} DELETED`, LEAVING: `${form} DELETED leaving` };
  }

  /** Sends what this watch makes of a store event; `frames` holds what other watchers of the event already made. */
  deliver(event: StoreEvent, frames: EventFrames): void {
    const { type } = this.options;
    let eventType: 'ADDED' | 'MODIFIED' | 'DELETED';
    let leaving = false;
    if (event.type === 'ADDED' || event.type === 'DELETED') {
      if (!this.matches(event.object)) return;
      eventType = event.type;
    } else {
      const was = event.previous !== undefined && this.matches(event.previous);
      const is = this.matches(event.object);
      if (!was && !is) return;
      eventType = was && is ? 'MODIFIED' : is ? 'ADDED' : 'DELETED';
      leaving = !is;
    }
    const item = (): EncodableObject => (leaving ? leavingObject(type, event) : presented(type, event.object));
    if (this.columnsPending) {
      this.output.send(this.frameOf(eventType, item()));
      return;
    }
    this.output.send(frames.frame(this.frameKeys[leaving ? 'LEAVING' : eventType], () => this.frameOf(eventType, item())));
  }

  private matches(stored: StoredObject): boolean {
    return matchesQuery(this.options.type, this.options.query, stored);
  }

  /** An event made for this watch alone (initial and replayed events). */
  frameOf(eventType: WatchEventType, item: EncodableObject): Buffer {
    this.columnsPending = false;
    const { encoder } = this.options;
    return encoder.watchFraming.event(eventType, encoder.watchObject(item));
  }

  bookmarkFrame(resourceVersion: number, initialEventsEnd: boolean): Buffer {
    const { encoder } = this.options;
    return encoder.watchFraming.event('BOOKMARK', encoder.bookmarkObject(resourceVersion, initialEventsEnd));
  }
}

/** An object that stopped matching: its previous state, stamped with the event's resourceVersion. */
function leavingObject(type: ResourceType, event: StoreEvent): EncodableObject {
  const gone = withResourceVersion(presented(type, event.previous ?? event.object).object, event.resourceVersion);
  return { object: gone, json: () => JSON.stringify(gone) };
}
