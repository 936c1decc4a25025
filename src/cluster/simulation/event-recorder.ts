import type { Event, KubeObject } from '../objects.js';
import type { ClusterStore } from '../store/index.js';
import type { Clock } from '../clock.js';
import type { SeededRandom } from './random.js';
import type { TaskScheduler } from './simulation-clock.js';
import { rfc3339 } from '../meta/index.js';

export type EventType = 'Normal' | 'Warning';

/** Who records: core/v1 EventSource. `host` is the node for kubelets, absent for control-plane components. */
export interface EventSource {
  component: string;
  host?: string;
}

export interface ObjectReference {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

/** One component's handle on the recorder, as `record.EventRecorder` is bound to a source in client-go. */
export interface ComponentRecorder {
  event(object: KubeObject | ObjectReference, type: EventType, reason: string, message: string, fieldPath?: string): void;
}

/** Events live in etcd with a TTL (kube-apiserver --event-ttl, default 1h), refreshed by every write. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

const EVENTS = '/events' as const;

/**
 * Records core/v1 Events as client-go's tools/record does (event.go makeEvent, events_cache.go EventCorrelator):
 * the event is named `<object>.<unix nanos in hex>`, lives in the object's namespace (`default` for cluster
 * scoped objects), and a repeat of the same source, object, type, reason and message bumps `count` and
 * `lastTimestamp` of the existing event instead of creating a new one. Each event expires an hour of simulated
 * time after its last write.
 */
export class EventRecorder {
  /** Aggregation key → event namespace/name. */
  private readonly byKey = new Map<string, { namespace: string; name: string }>();
  private readonly expiries = new Map<string, number>();
  private lastNanos = 0n;

  constructor(
    private readonly store: ClusterStore,
    private readonly clock: Clock & TaskScheduler,
    private readonly random: SeededRandom,
  ) {}

  for(source: EventSource): ComponentRecorder {
    return { event: (object, type, reason, message, fieldPath) => this.record(source, object, type, reason, message, fieldPath) };
  }

  record(source: EventSource, object: KubeObject | ObjectReference, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const reference = referenceTo(object, fieldPath);
    const key = [
      source.component,
      source.host ?? '',
      reference.kind,
      reference.namespace ?? '',
      reference.name,
      reference.fieldPath ?? '',
      reference.uid ?? '',
      reference.apiVersion,
      type,
      reason,
      message,
    ].join('\u0000');
    const now = this.clock.now();
    const known = this.byKey.get(key);
    const existing = known && this.store.get(EVENTS, known.namespace, known.name);
    if (existing) {
      const previous = existing.object as Event;
      this.write({ ...previous, count: (previous.count ?? 1) + 1, lastTimestamp: rfc3339(now) }, 'update');
      return;
    }
    const namespace = reference.namespace || 'default';
    const name = this.uniqueName(namespace, reference.name, now);
    // Built as a plain KubeObject: the legacy recorder leaves `eventTime` null, which the client model cannot type.
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, creationTimestamp: rfc3339(now) },
      involvedObject: reference,
      reason,
      message,
      source: source.host !== undefined ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    this.byKey.set(key, { namespace, name });
    this.write(event, 'create');
  }

  private write(event: KubeObject, how: 'create' | 'update'): void {
    const stored = how === 'create' ? this.store.create(EVENTS, event) : this.store.update(EVENTS, event);
    const id = stored.key;
    const expiresAt = this.clock.now() + EVENT_TTL_MS;
    this.expiries.set(id, expiresAt);
    this.clock.at(expiresAt, () => this.expire(id, stored.namespace, stored.name, expiresAt), 'event ttl');
  }

  private expire(id: string, namespace: string, name: string, expiresAt: number): void {
    // A later write refreshed the TTL: that write scheduled its own expiry.
    if (this.expiries.get(id) !== expiresAt) return;
    this.expiries.delete(id);
    if (this.store.get(EVENTS, namespace, name)) this.store.delete(EVENTS, namespace, name);
  }

  /**
   * client-go names events `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`. The sub-millisecond part is drawn,
   * and kept increasing as a real clock's nanoseconds are, so names sort in the order events were recorded.
   */
  private uniqueName(namespace: string, objectName: string, now: number): string {
    for (;;) {
      let nanos = BigInt(Math.floor(now)) * 1_000_000n + BigInt(this.random.int(0, 999_999));
      if (nanos <= this.lastNanos) nanos = this.lastNanos + BigInt(this.random.int(1, 5_000));
      this.lastNanos = nanos;
      const name = `${objectName}.${nanos.toString(16)}`;
      if (!this.store.get(EVENTS, namespace, name)) return name;
    }
  }
}

function isKubeObject(object: KubeObject | ObjectReference): object is KubeObject {
  return 'metadata' in object;
}

/** client-go tools/reference GetReference: what `involvedObject` says about the object. */
export function referenceTo(object: KubeObject | ObjectReference, fieldPath?: string): ObjectReference {
  const reference: ObjectReference = isKubeObject(object)
    ? {
        kind: object.kind,
        namespace: object.metadata.namespace ?? '',
        name: object.metadata.name,
        uid: object.metadata.uid ?? '',
        apiVersion: object.apiVersion,
        resourceVersion: object.metadata.resourceVersion ?? '',
      }
    : { ...object };
  if (fieldPath !== undefined) reference.fieldPath = fieldPath;
  if (reference.namespace === '') delete reference.namespace;
  return reference;
}
