import type { Event, KubeObject } from '../objects.js';
import type { ClusterStore } from '../store/index.js';
import type { Clock } from '../clock.js';
import type { SeededRandom } from './random.js';
import type { TaskScheduler } from './simulation-clock.js';
import { rfc3339 } from '../meta/index.js';
import { EventAggregation, type EventKey } from './event-aggregation.js';

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
  /**
   * The same event recorded `times` times from `firstAt` to `lastAt`, each within the TTL of the one before: what
   * a quiet stretch of repeats collapses to (a pod the scheduler keeps failing to place).
   */
  repeated(
    object: KubeObject | ObjectReference,
    type: EventType,
    reason: string,
    message: string,
    times: number,
    span: { firstAt: number; lastAt: number },
  ): void;
}

/** Events live in etcd with a TTL (kube-apiserver --event-ttl, default 1h), refreshed by every write. */
export const EVENT_TTL_MS = 60 * 60 * 1000;

const EVENTS = '/events' as const;

/** Where an aggregated event is: in the store, or only here (a replayed event that expires before the present). */
interface Recorded {
  readonly key: EventKey;
  namespace: string;
  name: string;
  expiresAt: number;
  /** Set while the event is not in the store: what the store would hold besides what a repeat supplies again. */
  unwritten?: { firstAt: number; count: number; resourceVersion: string | undefined };
}

/**
 * Records core/v1 Events as client-go's tools/record does (event.go makeEvent, events_cache.go EventCorrelator):
 * the event is named `<object>.<unix nanos in hex>`, lives in the object's namespace (`default` for cluster
 * scoped objects), and a repeat of the same source, object, type, reason and message bumps `count` and
 * `lastTimestamp` of the existing event instead of creating a new one. Each event expires an hour of simulated
 * time after its last write (the apiserver stores events with an etcd lease of --event-ttl, set on every write).
 *
 * While the past replays (`replayUntil`), an event whose TTL runs out before the present is kept here, never
 * written: a month-old cluster's million pod events would be created and deleted again before anyone could
 * list them. Should a repeat carry it past the present, it is written then, as the store would hold it.
 */
export class EventRecorder {
  /** The events repeats bump, by aggregation key. */
  private readonly known = new EventAggregation<Recorded>();
  /** Kept events in order of their last write, hence of expiry: what `forgetExpired` walks. */
  private readonly writes: { recorded: Recorded; expiresAt: number }[] = [];
  private writesStart = 0;
  private lastNanos: [number, number] = [0, 0];

  constructor(
    private readonly store: ClusterStore,
    private readonly clock: Clock & TaskScheduler,
    private readonly random: SeededRandom,
    private replayUntil = -Infinity,
  ) {}

  for(source: EventSource): ComponentRecorder {
    return {
      event: (object, type, reason, message, fieldPath) => this.record(source, object, type, reason, message, fieldPath),
      repeated: (object, type, reason, message, times, { firstAt, lastAt }) => {
        if (times <= 0) return;
        this.record(source, object, type, reason, message, undefined, firstAt);
        // The repeats between kept the event alive: the rest bump it whatever the TTL of the first would say.
        if (times > 1) this.record(source, object, type, reason, message, undefined, lastAt, times - 1, true);
      },
    };
  }

  /** The replay reached the present: every event kept here has expired by now, and events are written from now on. */
  replayed(): void {
    this.replayUntil = -Infinity;
    this.known.deleteWhere((recorded) => recorded.unwritten !== undefined);
    this.writes.length = 0;
    this.writesStart = 0;
  }

  record(
    source: EventSource,
    object: KubeObject | ObjectReference,
    type: EventType,
    reason: string,
    message: string,
    fieldPath?: string,
    at?: number,
    times = 1,
    continued = false,
  ): void {
    const reference = referenceTo(object, fieldPath);
    const key: EventKey = {
      component: source.component,
      host: source.host ?? '',
      kind: reference.kind,
      namespace: reference.namespace ?? '',
      name: reference.name,
      fieldPath: reference.fieldPath ?? '',
      uid: reference.uid ?? '',
      apiVersion: reference.apiVersion,
      type,
      reason,
      message,
    };
    const now = at ?? this.clock.now();
    // A continued repeat bumps the event it continues, which the repeats in between kept alive.
    const known = this.known.get(key);
    if (!continued) this.forgetExpired(now);
    else if (known?.unwritten) known.expiresAt = now + EVENT_TTL_MS;
    if (known?.unwritten && known.expiresAt > now) {
      known.unwritten.count += times;
      if (!this.keepsUnwritten(now)) {
        const { firstAt, count: total, resourceVersion } = known.unwritten;
        const first = resourceVersion === undefined ? reference : { ...reference, resourceVersion };
        const event = newEvent(known, source, first, type, reason, message, firstAt);
        this.write(known, { ...event, count: total, lastTimestamp: rfc3339(now) }, 'create', now);
      } else this.noteWrite(known, now);
      return;
    }
    const existing = known && !known.unwritten ? this.store.get(EVENTS, known.namespace, known.name) : undefined;
    if (known && existing) {
      const previous = existing.object as Event;
      this.write(known, { ...previous, count: (previous.count ?? 1) + times, lastTimestamp: rfc3339(now) }, 'update', now);
      return;
    }
    const namespace = reference.namespace || 'default';
    const recorded: Recorded = { key, namespace, name: this.uniqueName(namespace, reference.name, now), expiresAt: now + EVENT_TTL_MS };
    this.known.set(recorded);
    if (this.keepsUnwritten(now)) {
      recorded.unwritten = { firstAt: now, count: times, resourceVersion: reference.resourceVersion };
      this.noteWrite(recorded, now);
      return;
    }
    const event = newEvent(recorded, source, reference, type, reason, message, now);
    this.write(recorded, times === 1 ? event : { ...event, count: times }, 'create', now);
  }

  /** Whether an event written at `now` would expire before the present the replay runs to. */
  private keepsUnwritten(now: number): boolean {
    return now + EVENT_TTL_MS <= this.replayUntil;
  }

  private noteWrite(recorded: Recorded, now: number): void {
    recorded.expiresAt = now + EVENT_TTL_MS;
    this.writes.push({ recorded, expiresAt: recorded.expiresAt });
  }

  /** Drops the kept events whose TTL ran out, oldest write first. */
  private forgetExpired(now: number): void {
    while (this.writesStart < this.writes.length) {
      const next = this.writes[this.writesStart] as { recorded: Recorded; expiresAt: number };
      if (next.expiresAt > now) break;
      this.writesStart++;
      const { recorded } = next;
      if (recorded.unwritten && recorded.expiresAt === next.expiresAt) this.known.delete(recorded);
    }
    if (this.writesStart > 1024 && this.writesStart * 2 > this.writes.length) {
      this.writes.splice(0, this.writesStart);
      this.writesStart = 0;
    }
  }

  private write(recorded: Recorded, event: KubeObject, how: 'create' | 'update', now: number): void {
    delete recorded.unwritten;
    const stored = how === 'create' ? this.store.create(EVENTS, event) : this.store.update(EVENTS, event);
    const expiresAt = now + EVENT_TTL_MS;
    recorded.expiresAt = expiresAt;
    this.clock.at(expiresAt, () => this.expire(recorded, stored.namespace, stored.name, expiresAt), 'event ttl');
  }

  private expire(recorded: Recorded, namespace: string, name: string, expiresAt: number): void {
    // A later write refreshed the TTL: that write scheduled its own expiry.
    if (recorded.expiresAt !== expiresAt) return;
    this.known.delete(recorded);
    if (this.store.get(EVENTS, namespace, name)) this.store.delete(EVENTS, namespace, name);
  }

  /**
   * client-go names events `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`. The sub-millisecond part is drawn,
   * and kept increasing as a real clock's nanoseconds are, so names sort in the order events were recorded.
   */
  private uniqueName(namespace: string, objectName: string, now: number): string {
    for (;;) {
      // Nanoseconds as [milliseconds, nanoseconds within]: compared without BigInt arithmetic.
      let ms = Math.floor(now);
      let within = this.random.int(0, 999_999);
      if (ms < this.lastNanos[0] || (ms === this.lastNanos[0] && within <= this.lastNanos[1])) {
        [ms, within] = this.lastNanos;
        within += this.random.int(1, 5_000);
        ms += Math.floor(within / 1_000_000);
        within %= 1_000_000;
      }
      this.lastNanos = [ms, within];
      const name = `${objectName}.${nanosHex(ms, within)}`;
      if (!this.store.get(EVENTS, namespace, name)) return name;
    }
  }
}

const TWO_24 = 2 ** 24;

/**
 * `ms × 10⁶ + within` in hex, as Go's %x of UnixNano prints it. The product passes 2⁵³, so it is made as
 * high × 2²⁴ + low, each part exact in a double (ms below 2⁴⁷, a date past the year 6000), without a BigInt.
 */
export function nanosHex(ms: number, within: number): string {
  const low = (ms % TWO_24) * 1_000_000 + within;
  const high = Math.floor(ms / TWO_24) * 1_000_000 + Math.floor(low / TWO_24);
  const lowHex = (low % TWO_24).toString(16);
  return high === 0 ? lowHex : `${high.toString(16)}${lowHex.padStart(6, '0')}`;
}

/** The Event as makeEvent builds it, first recorded at `at`. */
function newEvent(
  where: { namespace: string; name: string },
  source: EventSource,
  reference: ObjectReference,
  type: EventType,
  reason: string,
  message: string,
  at: number,
): KubeObject {
  // Built as a plain KubeObject: the legacy recorder leaves `eventTime` null, which the client model cannot type.
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: where.name, namespace: where.namespace, creationTimestamp: rfc3339(at) },
    involvedObject: reference,
    reason,
    message,
    source: source.host !== undefined ? { component: source.component, host: source.host } : { component: source.component },
    firstTimestamp: rfc3339(at),
    lastTimestamp: rfc3339(at),
    count: 1,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  };
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
  if (reference.namespace !== '') return reference;
  // Without the key rather than with it deleted: a deleted key leaves a slow object behind.
  const { namespace: _cluster, ...scoped } = reference;
  return scoped;
}
