import type { KubeObject } from '../../objects.js';
import { isFields, isUnset, type Fields } from './json-fields.js';

/**
 * An events.k8s.io/v1 or v1beta1 Event as the core/v1 Event the store keeps: the inverse of
 * event-v1.ts (k/k pkg/apis/events/v1beta1/conversion.go, pkg/apis/events/v1/conversion.go):
 * regarding → involvedObject, note → message, deprecatedSource → source, deprecatedFirstTimestamp /
 * deprecatedLastTimestamp / deprecatedCount → firstTimestamp / lastTimestamp / count,
 * reportingController → reportingComponent. Other fields keep their names.
 *
 * Keys follow core/v1's Go struct order. Fields core/v1 declares without omitempty are always written:
 * `involvedObject` and `source` (structs), `firstTimestamp`, `lastTimestamp` and `eventTime` (null when
 * unset), `reportingComponent` and `reportingInstance` ("" when unset) — as `kubectl get events -o yaml`
 * shows them.
 */
export function coreEventFromEventsV1(object: KubeObject): KubeObject {
  const e = structuredClone(object) as Fields;
  const event: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: e['metadata'] as KubeObject['metadata'] };
  const optional = (to: string, value: unknown): void => {
    if (!isUnset(value) && value !== '' && value !== 0) event[to] = value;
  };
  event['involvedObject'] = isFields(e['regarding']) ? e['regarding'] : {};
  optional('reason', e['reason']);
  optional('message', e['note']);
  event['source'] = isFields(e['deprecatedSource']) ? e['deprecatedSource'] : {};
  event['firstTimestamp'] = e['deprecatedFirstTimestamp'] ?? null;
  event['lastTimestamp'] = e['deprecatedLastTimestamp'] ?? null;
  optional('count', e['deprecatedCount']);
  optional('type', e['type']);
  event['eventTime'] = e['eventTime'] ?? null;
  optional('series', e['series']);
  optional('action', e['action']);
  optional('related', e['related']);
  event['reportingComponent'] = e['reportingController'] ?? '';
  event['reportingInstance'] = e['reportingInstance'] ?? '';
  return event;
}
