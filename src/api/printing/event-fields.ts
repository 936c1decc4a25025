import type { EventsV1Event } from '@kubernetes/client-node';
import type { Event, KubeObject, Wire } from '../../cluster/index.js';

/**
 * The fields the event printer reads, in core v1 terms. Events of both groups share one storage and one
 * printer upstream (k/k pkg/apis/events/v1/conversion.go maps events.k8s.io/v1 onto the internal core Event:
 * regarding → involvedObject, note → message, deprecatedSource/FirstTimestamp/LastTimestamp/Count → source,
 * firstTimestamp, lastTimestamp, count).
 */
export interface EventFields {
  name: string;
  type: string;
  reason: string;
  message: string;
  involvedKind: string;
  involvedName: string;
  fieldPath: string;
  sourceComponent: string;
  sourceHost: string;
  reportingController: string;
  reportingInstance: string;
  firstTimestamp: string | undefined;
  lastTimestamp: string | undefined;
  eventTime: string | undefined;
  count: number;
  series: { count: number; lastObservedTime: string | undefined } | undefined;
}

type EventsV1 = Wire<EventsV1Event> & KubeObject;

export function eventFields(object: KubeObject): EventFields {
  return object.apiVersion.startsWith('events.k8s.io/') ? fromEventsV1(object as EventsV1) : fromCoreV1(object as Event);
}

function fromCoreV1(event: Event): EventFields {
  return {
    name: event.metadata.name,
    type: event.type ?? '',
    reason: event.reason ?? '',
    message: event.message ?? '',
    involvedKind: event.involvedObject?.kind ?? '',
    involvedName: event.involvedObject?.name ?? '',
    fieldPath: event.involvedObject?.fieldPath ?? '',
    sourceComponent: event.source?.component ?? '',
    sourceHost: event.source?.host ?? '',
    reportingController: event.reportingComponent ?? '',
    reportingInstance: event.reportingInstance ?? '',
    firstTimestamp: event.firstTimestamp ?? undefined,
    lastTimestamp: event.lastTimestamp ?? undefined,
    eventTime: event.eventTime ?? undefined,
    count: event.count ?? 0,
    series: event.series ? { count: event.series.count ?? 0, lastObservedTime: event.series.lastObservedTime ?? undefined } : undefined,
  };
}

function fromEventsV1(event: EventsV1): EventFields {
  return {
    name: event.metadata.name,
    type: event.type ?? '',
    reason: event.reason ?? '',
    message: event.note ?? '',
    involvedKind: event.regarding?.kind ?? '',
    involvedName: event.regarding?.name ?? '',
    fieldPath: event.regarding?.fieldPath ?? '',
    sourceComponent: event.deprecatedSource?.component ?? '',
    sourceHost: event.deprecatedSource?.host ?? '',
    reportingController: event.reportingController ?? '',
    reportingInstance: event.reportingInstance ?? '',
    firstTimestamp: event.deprecatedFirstTimestamp ?? undefined,
    lastTimestamp: event.deprecatedLastTimestamp ?? undefined,
    eventTime: event.eventTime ?? undefined,
    count: event.deprecatedCount ?? 0,
    series: event.series ? { count: event.series.count ?? 0, lastObservedTime: event.series.lastObservedTime ?? undefined } : undefined,
  };
}
