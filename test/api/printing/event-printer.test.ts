import { eventPrinter } from '../../../src/api/printing/event-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
const microAgo = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace('Z', '123Z');

type Json = Record<string, unknown>;

function coreEvent(fields: Json): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'web-1.17a', namespace: 'default', creationTimestamp: ago(600) },
    involvedObject: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{web}' },
    reason: 'Pulled',
    type: 'Normal',
    message: '  Container image pulled \n',
    ...fields,
  };
}

/** Column order: Last Seen, Type, Reason, Object, Subobject, Source, Message, First Seen, Count, Name. */
describe('the event printer', () => {
  it('prints a core event in the upstream column order', () => {
    const event = coreEvent({ firstTimestamp: ago(300), lastTimestamp: ago(30), count: 4, source: { component: 'kubelet', host: 'node-a' } });
    expect(eventPrinter.cells(event, NOW)).toEqual([
      '30s',
      'Normal',
      'Pulled',
      'pod/web-1',
      'spec.containers{web}',
      'kubelet, node-a',
      'Container image pulled',
      '5m',
      4,
      'web-1.17a',
    ]);
  });

  it.each<[string, Json, string, string, number]>([
    ['Last Seen falls back to First Seen', { firstTimestamp: ago(300) }, '5m', '5m', 1],
    ['First Seen falls back to eventTime', { eventTime: microAgo(90) }, '90s', '90s', 1],
    ['no timestamps at all are <unknown>', {}, '<unknown>', '<unknown>', 1],
    ['a series gives Last Seen and Count', { eventTime: microAgo(900), count: 2, series: { count: 7, lastObservedTime: microAgo(20) } }, '20s', '15m', 7],
    ['a zero count counts as one', { lastTimestamp: ago(5), firstTimestamp: ago(5), count: 0 }, '5s', '5s', 1],
  ])('%s', (_name, fields, lastSeen, firstSeen, count) => {
    const cells = eventPrinter.cells(coreEvent(fields), NOW);
    expect([cells[0], cells[7], cells[8]]).toEqual([lastSeen, firstSeen, count]);
  });

  it.each<[Json, string]>([
    [{ source: { component: 'kubelet' } }, 'kubelet'],
    [{ source: {}, reportingComponent: 'scheduler', reportingInstance: 'scheduler-abc' }, 'scheduler, scheduler-abc'],
    [{ source: { component: 'kubelet' }, reportingInstance: 'node-b' }, 'kubelet, node-b'],
    [{}, ''],
  ])('renders the source of %j as %j', (fields, expected) => {
    expect(eventPrinter.cells(coreEvent(fields), NOW)[5]).toBe(expected);
  });

  it('names only the kind when the involved object has no name', () => {
    expect(eventPrinter.cells(coreEvent({ involvedObject: { kind: 'Node' } }), NOW)[3]).toBe('node');
  });

  it('maps an events.k8s.io/v1 event onto the same columns', () => {
    const event: KubeObject = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web-1.17b', namespace: 'default', creationTimestamp: ago(600) },
      eventTime: microAgo(120),
      regarding: { kind: 'Pod', name: 'web-1', fieldPath: 'spec.containers{web}' },
      note: 'Back-off restarting failed container',
      reason: 'BackOff',
      type: 'Warning',
      reportingController: 'kubelet',
      reportingInstance: 'node-a',
      deprecatedFirstTimestamp: ago(400),
      deprecatedLastTimestamp: ago(40),
      deprecatedCount: 9,
    };
    expect(eventPrinter.cells(event, NOW)).toEqual([
      '40s',
      'Warning',
      'BackOff',
      'pod/web-1',
      'spec.containers{web}',
      'kubelet, node-a',
      'Back-off restarting failed container',
      '6m40s',
      9,
      'web-1.17b',
    ]);
  });

  it('uses deprecatedSource of an events.k8s.io/v1 event before the reporting controller', () => {
    const event: KubeObject = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'e', namespace: 'default' },
      eventTime: microAgo(10),
      deprecatedSource: { component: 'old-component', host: 'old-host' },
      reportingController: 'new-controller',
    };
    expect(eventPrinter.cells(event, NOW)[5]).toBe('old-component, old-host');
  });

  it('shows only Last Seen, Type, Reason, Object and Message outside wide output', () => {
    expect(eventPrinter.columns.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
  });
});
