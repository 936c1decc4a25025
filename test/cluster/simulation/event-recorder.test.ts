import { EVENT_TTL_MS, nanosHex } from '../../../src/cluster/simulation/event-recorder.js';
import type { KubeObject } from '../../../src/cluster/objects.js';
import { iso, pod, START, testSimulation } from './simulation-test-cluster.js';

type StoredEvent = KubeObject & Record<string, unknown>;

function setup() {
  const sim = testSimulation([{ resource: '/pods', object: pod({ name: 'web-1' }) }]);
  const web = sim.store.get('/pods', 'default', 'web-1')?.object as KubeObject;
  const kubelet = sim.context.recorder.for({ component: 'kubelet', host: 'node2' });
  const events = (): StoredEvent[] => sim.store.list('/events').items.map((s) => s.object as StoredEvent);
  return { ...sim, web, kubelet, events };
}

describe('EventRecorder', () => {
  test('records a core/v1 Event as client-go does', () => {
    const { web, kubelet, events, driver } = setup();
    driver.advance(1_500);
    kubelet.event(web, 'Normal', 'Pulling', 'Pulling image "nginx:1.17"', 'spec.containers{web}');
    const [event] = events();
    expect(event?.metadata.name).toMatch(/^web-1\.[0-9a-f]{16}$/);
    expect(event).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { namespace: 'default' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'default',
        name: 'web-1',
        uid: 'uid-web-1',
        apiVersion: 'v1',
        resourceVersion: web.metadata.resourceVersion,
        fieldPath: 'spec.containers{web}',
      },
      reason: 'Pulling',
      message: 'Pulling image "nginx:1.17"',
      type: 'Normal',
      source: { component: 'kubelet', host: 'node2' },
      reportingComponent: 'kubelet',
      reportingInstance: 'node2',
      firstTimestamp: iso(START + 1_000),
      lastTimestamp: iso(START + 1_000),
      count: 1,
      eventTime: null,
    });
  });

  test('the name ends in the recording instant in nanoseconds, hex', () => {
    const { web, kubelet, events } = setup();
    kubelet.event(web, 'Normal', 'Started', 'Started container web');
    const nanos = BigInt(`0x${events()[0]?.metadata.name.split('.')[1]}`);
    expect(nanos / 1_000_000n).toBe(BigInt(START));
  });

  test('the nanoseconds are written in hex exactly, past the 2^53 a double holds', () => {
    const cases: [number, number][] = [
      [0, 0],
      [0, 7],
      [1, 0],
      [2 ** 24 - 1, 999_999],
      [2 ** 24, 0],
      [START, 123_456],
      [Date.parse('2262-04-11T23:47:16Z'), 854_775],
    ];
    for (let i = 0; i < 1_000; i++) cases.push([Math.floor(((i * 7_919) % 1_000) * 2 ** 36 + i), (i * 104_729) % 1_000_000]);
    for (const [ms, within] of cases) expect(nanosHex(ms, within)).toBe((BigInt(ms) * 1_000_000n + BigInt(within)).toString(16));
  });

  test('the same object, reason and message again bumps count and lastTimestamp of the same event', () => {
    const { web, kubelet, events, driver } = setup();
    kubelet.event(web, 'Warning', 'BackOff', 'Back-off restarting failed container web in pod web-1_default(uid-web-1)');
    driver.advance(20_000);
    kubelet.event(web, 'Warning', 'BackOff', 'Back-off restarting failed container web in pod web-1_default(uid-web-1)');
    kubelet.event(web, 'Warning', 'BackOff', 'another message');
    const [first, second] = events();
    expect(events()).toHaveLength(2);
    expect(first).toMatchObject({ count: 2, firstTimestamp: iso(START), lastTimestamp: iso(START + 20_000) });
    expect(second).toMatchObject({ count: 1, message: 'another message' });
  });

  test('another source does not aggregate with the first', () => {
    const { web, kubelet, events, context } = setup();
    kubelet.event(web, 'Normal', 'Killing', 'Stopping container web');
    context.recorder.for({ component: 'kubelet', host: 'node3' }).event(web, 'Normal', 'Killing', 'Stopping container web');
    expect(events().map((e) => e.count)).toEqual([1, 1]);
  });

  test('events of cluster-scoped objects go to the default namespace, without involvedObject.namespace', () => {
    const { events, context } = setup();
    context.recorder
      .for({ component: 'node-controller' })
      .event(
        { kind: 'Node', apiVersion: 'v1', name: 'node3', uid: 'node3', namespace: '' },
        'Normal',
        'RegisteredNode',
        'Node node3 event: Registered Node node3 in Controller',
      );
    const [event] = events();
    expect(event?.metadata.namespace).toBe('default');
    expect(event?.involvedObject).toEqual({ kind: 'Node', apiVersion: 'v1', name: 'node3', uid: 'node3' });
    expect(event?.source).toEqual({ component: 'node-controller' });
  });

  test('an event expires an hour after its last write', () => {
    const { web, kubelet, events, driver } = setup();
    kubelet.event(web, 'Normal', 'Pulled', 'pulled');
    driver.advance(30 * 60_000);
    kubelet.event(web, 'Normal', 'Pulled', 'pulled');
    driver.advance(EVENT_TTL_MS - 1);
    expect(events()).toHaveLength(1);
    driver.advance(1);
    expect(events()).toHaveLength(0);
    kubelet.event(web, 'Normal', 'Pulled', 'pulled');
    expect(events()[0]?.count).toBe(1);
  });
});
