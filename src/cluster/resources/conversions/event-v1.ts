import type { KubeObject } from '../../objects.js';

/**
 * A stored core/v1 Event read as an events.k8s.io/v1 Event: the same object under the newer names
 * (k/k pkg/apis/events/v1/conversion.go): involvedObject → regarding, message → note, source → deprecatedSource,
 * firstTimestamp/lastTimestamp/count → deprecated*, reportingComponent → reportingController.
 */
export function eventV1FromCore(event: Readonly<KubeObject>): KubeObject {
  const e = event as Readonly<Record<string, unknown>> & Readonly<KubeObject>;
  const converted: KubeObject = {
    kind: 'Event',
    apiVersion: 'events.k8s.io/v1',
    metadata: e.metadata,
    eventTime: e['eventTime'] ?? null,
  };
  const copy = (from: string, to: string): void => {
    const value = e[from];
    if (value !== undefined && value !== null && value !== '') converted[to] = value;
  };
  copy('series', 'series');
  copy('reportingComponent', 'reportingController');
  copy('reportingInstance', 'reportingInstance');
  copy('action', 'action');
  copy('reason', 'reason');
  copy('involvedObject', 'regarding');
  copy('related', 'related');
  copy('message', 'note');
  copy('type', 'type');
  const source = e['source'] as { component?: string; host?: string } | undefined;
  if (source && (source.component || source.host)) converted['deprecatedSource'] = source;
  copy('firstTimestamp', 'deprecatedFirstTimestamp');
  copy('lastTimestamp', 'deprecatedLastTimestamp');
  if (typeof e['count'] === 'number' && e['count'] !== 0) converted['deprecatedCount'] = e['count'];
  return converted;
}
