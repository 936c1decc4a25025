import type { KubeObject } from '../../../../src/cluster/objects.js';
import { coreEventFromEventsV1, convertToStoredVersion, eventV1FromCore } from '../../../../src/cluster/resources/conversions/index.js';
import { served } from './convert.js';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

describe('discovery.k8s.io/v1beta1 EndpointSlice is served at v1', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'zone moves out of topology, a hostname equal to nodeName goes, the rest stays deprecated',
      { addresses: ['10.0.0.1'], conditions: { ready: true }, nodeName: 'n1', topology: { [ZONE]: 'a', [HOST]: 'n1', rack: 'r1' } },
      { addresses: ['10.0.0.1'], conditions: { ready: true }, deprecatedTopology: { rack: 'r1' }, nodeName: 'n1', zone: 'a' },
    ],
    [
      'a hostname different from nodeName is kept',
      { addresses: ['10.0.0.1'], nodeName: 'n1', topology: { [HOST]: 'other' } },
      { addresses: ['10.0.0.1'], deprecatedTopology: { [HOST]: 'other' }, nodeName: 'n1' },
    ],
    [
      'a topology emptied by the moves leaves no deprecatedTopology',
      { addresses: ['10.0.0.1'], topology: { [ZONE]: 'b' } },
      { addresses: ['10.0.0.1'], zone: 'b' },
    ],
    ['no topology, nothing to move', { addresses: ['10.0.0.1'], hostname: 'h' }, { addresses: ['10.0.0.1'], hostname: 'h' }],
  ])('%s', (_name, endpoint, expected) => {
    const out = served({
      apiVersion: 'discovery.k8s.io/v1beta1',
      kind: 'EndpointSlice',
      metadata: { name: 's' },
      addressType: 'IPv4',
      endpoints: [endpoint],
      ports: [{ port: 80 }],
    });
    expect(out).toStrictEqual({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's' },
      addressType: 'IPv4',
      endpoints: [expected],
      ports: [{ port: 80, name: '', protocol: 'TCP' }],
    });
    expect(Object.keys((out['endpoints'] as object[])[0] as object)).toEqual(Object.keys(expected));
  });
});

describe('events.k8s.io Events become the core/v1 Events the store keeps', () => {
  const eventsV1beta1 = {
    apiVersion: 'events.k8s.io/v1beta1',
    kind: 'Event',
    metadata: { name: 'web.17a', namespace: 'default' },
    eventTime: '2024-05-01T10:00:00.000000Z',
    series: { count: 2, lastObservedTime: '2024-05-01T10:05:00.000000Z' },
    reportingController: 'kubelet',
    reportingInstance: 'node-1',
    action: 'Pulling',
    reason: 'Pulling',
    regarding: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1', fieldPath: 'spec.containers{web}' },
    note: 'Pulling image "nginx"',
    type: 'Normal',
    deprecatedSource: { component: 'kubelet', host: 'node-1' },
    deprecatedFirstTimestamp: '2024-05-01T10:00:00Z',
    deprecatedLastTimestamp: '2024-05-01T10:05:00Z',
    deprecatedCount: 2,
  };

  test('every field is renamed to its core name', () => {
    expect(served(eventsV1beta1)).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.17a', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'v1', fieldPath: 'spec.containers{web}' },
      reason: 'Pulling',
      message: 'Pulling image "nginx"',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: '2024-05-01T10:00:00Z',
      lastTimestamp: '2024-05-01T10:05:00Z',
      count: 2,
      type: 'Normal',
      eventTime: '2024-05-01T10:00:00.000000Z',
      series: { count: 2, lastObservedTime: '2024-05-01T10:05:00.000000Z' },
      action: 'Pulling',
      reportingComponent: 'kubelet',
      reportingInstance: 'node-1',
    });
  });

  test('fields core/v1 writes without omitempty are present even when the events object lacks them', () => {
    const minimal = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'e' },
      eventTime: '2024-05-01T10:00:00.000000Z',
      regarding: { kind: 'Node', name: 'n1' },
    };
    const out = coreEventFromEventsV1(minimal as KubeObject);
    expect(out).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e' },
      involvedObject: { kind: 'Node', name: 'n1' },
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: '2024-05-01T10:00:00.000000Z',
      reportingComponent: '',
      reportingInstance: '',
    });
    expect(Object.keys(out)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'involvedObject',
      'source',
      'firstTimestamp',
      'lastTimestamp',
      'eventTime',
      'reportingComponent',
      'reportingInstance',
    ]);
    expect(convertToStoredVersion(minimal as KubeObject)).toStrictEqual({ object: out });
  });

  test('served back at events.k8s.io/v1 the core Event reads as the events object it came from', () => {
    const { apiVersion: _apiVersion, ...rest } = eventsV1beta1;
    const back = eventV1FromCore(served(eventsV1beta1));
    expect(back).toStrictEqual({ apiVersion: 'events.k8s.io/v1', ...rest });
  });
});
