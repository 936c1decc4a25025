/**
 * What client-go's EventCorrelator aggregates on (tools/record/events_cache.go getEventKey): the source, the
 * involved object (kind, namespace, name, field path, uid, apiVersion), type, reason and message.
 */
export interface EventKey {
  component: string;
  host: string;
  kind: string;
  namespace: string;
  name: string;
  fieldPath: string;
  uid: string;
  apiVersion: string;
  type: string;
  reason: string;
  message: string;
}

function sameKey(a: EventKey, b: EventKey): boolean {
  return (
    a.uid === b.uid &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.type === b.type &&
    a.component === b.component &&
    a.host === b.host &&
    a.name === b.name &&
    a.namespace === b.namespace &&
    a.kind === b.kind &&
    a.fieldPath === b.fieldPath &&
    a.apiVersion === b.apiVersion
  );
}

/** The object a key is about: its uid when it has one (a string the object already holds), else its kind and name. */
const objectOf = (key: EventKey): string => key.uid || `${key.kind}\u0000${key.namespace}\u0000${key.name}`;

/**
 * The aggregated events a recorder knows, found by their key. Keys are grouped by object, of which each has a
 * handful: finding one compares a few keys field by field rather than hashing a string of all eleven fields (a
 * month-old cluster's replay records millions of events, and kept hundreds of thousands of such strings).
 */
export class EventAggregation<T extends { readonly key: EventKey }> {
  private readonly byObject = new Map<string, T[]>();

  get(key: EventKey): T | undefined {
    const entries = this.byObject.get(objectOf(key));
    if (entries) for (const entry of entries) if (sameKey(entry.key, key)) return entry;
    return undefined;
  }

  /** Adds `entry`, replacing any entry of the same key. */
  set(entry: T): void {
    const object = objectOf(entry.key);
    const entries = this.byObject.get(object);
    if (!entries) {
      this.byObject.set(object, [entry]);
      return;
    }
    const same = entries.findIndex((other) => sameKey(other.key, entry.key));
    if (same >= 0) entries[same] = entry;
    else entries.push(entry);
  }

  /** Removes `entry` itself, if it is still the one kept for its key. */
  delete(entry: T): void {
    const object = objectOf(entry.key);
    const entries = this.byObject.get(object);
    const at = entries ? entries.indexOf(entry) : -1;
    if (!entries || at < 0) return;
    if (entries.length === 1) this.byObject.delete(object);
    else entries.splice(at, 1);
  }

  /** Removes every entry `drop` says to. */
  deleteWhere(drop: (entry: T) => boolean): void {
    for (const [object, entries] of this.byObject) {
      const kept = entries.filter((entry) => !drop(entry));
      if (kept.length === 0) this.byObject.delete(object);
      else if (kept.length < entries.length) this.byObject.set(object, kept);
    }
  }
}
