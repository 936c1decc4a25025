import { jest } from '@jest/globals';
import type { ResourceOutput } from '../../../src/api/negotiation/resource-output.js';
import type { IncludeObject } from '../../../src/api/printing/table-row.js';
import type { ResourceRequest } from '../../../src/api/resources/resource-request.js';
import { EventFrames } from '../../../src/api/watch/event-frames.js';
import { type WatchTiming, watchResource } from '../../../src/api/watch/watch-handler.js';
import { ManualTimers } from '../../../src/api/watch/watch-timers.js';
import { DEFAULT_WATCHER_LIMITS, type WatcherLimits } from '../../../src/api/watch/watcher-limits.js';
import { type Cluster, type ClusterStore, type KubeObject, loadCluster, ManualClock } from '../../../src/cluster/index.js';
import { createLogger } from '../../../src/logging/logger.js';
import { capturingLogger } from '../../support/capturing-logger.js';
import { pod, sampleObjects, START } from '../../support/sample-objects.js';
import { testApp } from '../../support/test-app.js';
import { FakeWatchResponse, fakeRequest } from './fake-watch-response.js';

const JSON_OUTPUT: ResourceOutput = { format: 'json', pretty: false };
const TABLE_OUTPUT: ResourceOutput = { format: 'table', version: 'v1', pretty: false };
const METADATA_OUTPUT: ResourceOutput = { format: 'metadata', version: 'v1', pretty: false };

interface OpenOptions {
  query?: Record<string, string>;
  namespace?: string;
  output?: ResourceOutput;
  includeObject?: IncludeObject;
  highWaterMark?: number;
}

/** Watches of /api/v1/pods served by the handler itself onto fake responses, on manual timers. */
function watching(cluster: Cluster, limits: WatcherLimits = DEFAULT_WATCHER_LIMITS, logger = createLogger('silent')) {
  const timers = new ManualTimers();
  const timing: WatchTiming = { timers, bookmarkIntervalMs: 60_000, minRequestTimeoutMs: 1_800_000, random: () => 0, limits, logger };
  const type = cluster.registry.find('', 'v1', 'pods');
  if (!type) throw new Error('no pods');
  const open = (options: OpenOptions = {}) => {
    const res = new FakeWatchResponse(options.highWaterMark);
    const client = fakeRequest();
    const request: ResourceRequest = {
      cluster,
      type,
      info: {
        isResourceRequest: true,
        group: '',
        version: 'v1',
        resource: 'pods',
        verb: 'watch',
        ...(options.namespace ? { namespace: options.namespace } : {}),
      },
      query: { watch: 'true', resourceVersion: String(cluster.store.resourceVersion), ...options.query },
      output: options.output ?? JSON_OUTPUT,
      includeObject: options.includeObject ?? 'Metadata',
    };
    watchResource(request, client.req, res.asResponse(), timing);
    return { res, disconnect: client.disconnect };
  };
  return { timers, open };
}

/** How many listeners the store has: each subscription counts until its unsubscribe is called. */
function countListeners(store: ClusterStore): () => number {
  let active = 0;
  const original = store.watch.bind(store);
  jest.spyOn(store, 'watch').mockImplementation((resource, from, listener) => {
    const stop = original(resource, from, listener);
    active += 1;
    let stopped = false;
    return () => {
      if (!stopped) active -= 1;
      stopped = true;
      stop();
    };
  });
  return () => active;
}

function relabel(cluster: Cluster, name: string, labels: Record<string, string>): void {
  const object = cluster.store.get('/pods', 'default', name)?.object as KubeObject;
  cluster.store.update('/pods', { ...object, metadata: { ...object.metadata, labels } } as KubeObject);
}

/** Counts the frames made for dispatched events: each key asked of an event's frames for the first time. */
function countFramesMade(): () => number {
  const frame = jest.spyOn(EventFrames.prototype, 'frame');
  return () => {
    const asked = new Map<EventFrames, Set<string>>();
    frame.mock.calls.forEach(([key], call) => {
      const frames = frame.mock.contexts[call] as EventFrames;
      asked.set(frames, (asked.get(frames) ?? new Set()).add(key));
    });
    return [...asked.values()].reduce((sum, keys) => sum + keys.size, 0);
  };
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('an event watched by many', () => {
  test('is framed once for 200 watchers of one form: each is written the very same bytes', () => {
    const { cluster } = testApp();
    const { open } = watching(cluster);
    const framesMade = countFramesMade();
    const watchers = Array.from({ length: 200 }, () => open());
    for (let i = 1; i <= 3; i++) relabel(cluster, 'web-1', { app: 'web', round: String(i) });
    expect(framesMade()).toBe(3);
    for (let event = 0; event < 3; event++) {
      const frames = new Set(watchers.map((w) => w.res.read()[0]));
      expect(frames.size).toBe(1);
    }
    expect(watchers[0]?.res.events().map((e) => [e.type, e.object.metadata?.name])).toEqual([
      ['MODIFIED', 'web-1'],
      ['MODIFIED', 'web-1'],
      ['MODIFIED', 'web-1'],
    ]);
  });

  test('is framed once per form when forms mix, a Table watcher having its first event, with the columns, to itself', () => {
    const { cluster } = testApp();
    const { open } = watching(cluster);
    const forms = [{ output: JSON_OUTPUT }, { output: TABLE_OUTPUT }, { output: TABLE_OUTPUT, includeObject: 'Object' as const }, { output: METADATA_OUTPUT }];
    // Started with the current pods: the initial events are each watcher's own.
    const watchers = forms.flatMap((form) => Array.from({ length: 50 }, () => open({ ...form, query: { resourceVersion: '' } })));
    for (const w of watchers) w.res.readAll();
    const framesMade = countFramesMade();

    relabel(cluster, 'web-1', { app: 'web', round: '1' });
    relabel(cluster, 'db-1', { app: 'db', round: '1' });
    expect(framesMade()).toBe(2 * forms.length);
    const live = watchers.map((w) => w.res.read());
    for (let event = 0; event < 2; event++) expect(new Set(live.map((frames) => frames[event])).size).toBe(forms.length);

    const table = watchers[50]?.res.events() ?? [];
    expect(table.map((e) => e.object['kind'])).toEqual(['Table', 'Table', 'Table', 'Table', 'Table', 'Table']);
    expect(table[0]?.object['columnDefinitions']).not.toBeNull();
    expect(table.slice(1).map((e) => e.object['columnDefinitions'])).toEqual([null, null, null, null, null]);
  });

  test('is framed for a Table watcher alone when it is its first event, with the columns', () => {
    const { cluster } = testApp();
    const { open } = watching(cluster);
    const early = open({ output: TABLE_OUTPUT });
    relabel(cluster, 'web-1', { app: 'web', round: '1' });
    const late = open({ output: TABLE_OUTPUT });
    relabel(cluster, 'web-1', { app: 'web', round: '2' });
    early.res.readAll();
    late.res.readAll();
    expect(early.res.events().map((e) => e.object['columnDefinitions'] === null)).toEqual([false, true]);
    expect(late.res.events().map((e) => e.object['columnDefinitions'] === null)).toEqual([false]);
  });

  test('reaches only the watchers whose namespace and name scope hold its object', () => {
    const { cluster } = testApp();
    const { open } = watching(cluster);
    const named = open({ namespace: 'default', query: { fieldSelector: 'metadata.name=web-1' } });
    const otherName = open({ namespace: 'default', query: { fieldSelector: 'metadata.name=db-1' } });
    const otherNamespace = open({ namespace: 'kube-system' });
    const everywhere = open();
    relabel(cluster, 'web-1', { app: 'web', round: '1' });
    for (const w of [named, otherName, otherNamespace, everywhere]) w.res.readAll();
    expect(named.res.events()).toHaveLength(1);
    expect(otherName.res.events()).toHaveLength(0);
    expect(otherNamespace.res.events()).toHaveLength(0);
    expect(everywhere.res.events()).toHaveLength(1);
  });
});

describe('a watcher that keeps up', () => {
  test('receives every event of a burst, in order, and is not cut while it reads', () => {
    const { cluster } = testApp();
    const { open, timers } = watching(cluster);
    const fast = open({ highWaterMark: 4 * 1024 });
    const written: string[] = [];
    for (let i = 0; i < 2_500; i++) {
      relabel(cluster, i % 2 === 0 ? 'web-1' : 'db-1', { round: String(i) });
      written.push(String(cluster.store.resourceVersion));
    }
    fast.res.read();
    timers.advance(100);
    fast.res.readAll();
    timers.advance(100);
    expect(fast.res.writableEnded).toBe(false);
    expect(fast.res.events().map((e) => e.object.metadata?.resourceVersion)).toEqual(written);
  });

  test('gets the initial events of a large list through backpressure, then what happened meanwhile', () => {
    const objects = sampleObjects();
    for (let i = 0; i < 10_000; i++) objects.push(pod('bulk', `pod-${String(i).padStart(5, '0')}`, 'node1', { app: 'bulk' }, '10.0.0.1'));
    const cluster = loadCluster({ objects }, { clock: new ManualClock(START), now: new Date(START) });
    const { open } = watching(cluster);
    const highWaterMark = 64 * 1024;
    const watcher = open({ namespace: 'bulk', query: { resourceVersion: '' }, highWaterMark });
    const largestFrame = 2 * 1024;
    expect(watcher.res.writableLength).toBeLessThan(highWaterMark + largestFrame);

    const bulk0 = cluster.store.get('/pods', 'bulk', 'pod-00000')?.object as KubeObject;
    let mostWaiting = 0;
    let reads = 0;
    while (watcher.res.read().length > 0) {
      mostWaiting = Math.max(mostWaiting, watcher.res.writableLength);
      reads += 1;
      if (reads === 10) cluster.store.update('/pods', { ...bulk0, metadata: { ...bulk0.metadata, labels: { app: 'bulk', touched: 'yes' } } } as KubeObject);
    }
    expect(mostWaiting).toBeLessThan(highWaterMark + largestFrame);
    const events = watcher.res.events();
    expect(events).toHaveLength(10_001);
    expect(events.slice(0, 10_000).every((e) => e.type === 'ADDED')).toBe(true);
    expect(events[10_000]).toMatchObject({ type: 'MODIFIED', object: { metadata: { name: 'pod-00000', labels: { touched: 'yes' } } } });
  });
});

describe('a watcher whose client does not read', () => {
  const LIMITS: WatcherLimits = { blockedEvents: 10, unresponsiveBudgetMs: 100, maxPendingBytes: 64 * 1024 * 1024 };

  test('is cut after its bound and budget, leaves no store listener, and the others go on', () => {
    const { cluster } = testApp();
    const { logger, lines } = capturingLogger();
    const listeners = countListeners(cluster.store);
    const { open, timers } = watching(cluster, LIMITS, logger);
    const reader = open({ highWaterMark: 1024 });
    const stuck = open({ highWaterMark: 1024, query: { labelSelector: 'app' } });
    expect(listeners()).toBe(1);

    for (let i = 0; i < 50; i++) relabel(cluster, 'web-1', { app: 'web', round: String(i) });
    reader.res.readAll();
    timers.advance(99);
    expect(stuck.res.writableEnded).toBe(false);
    timers.advance(1);
    expect(stuck.res.writableEnded).toBe(true);
    expect(reader.res.writableEnded).toBe(false);
    expect(listeners()).toBe(1);

    // What it had been written before the cut is a prefix of the events; then its stream simply ends.
    stuck.res.readAll();
    const got = stuck.res.events();
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(50);
    expect(got.every((e) => e.type === 'MODIFIED')).toBe(true);

    relabel(cluster, 'web-1', { app: 'web', round: 'after' });
    reader.res.readAll();
    expect(reader.res.events()).toHaveLength(51);

    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'Forcing pods watcher close due to unresponsiveness',
        resource: 'pods',
        labels: 'app',
        pendingEvents: 50 - got.length,
      }),
    ]);

    reader.disconnect();
    expect(listeners()).toBe(0);
  });

  test('is cut at once when what waits for it passes the byte bound, and holds nothing more', () => {
    const { cluster } = testApp();
    const listeners = countListeners(cluster.store);
    const { open } = watching(cluster, { ...LIMITS, blockedEvents: 1_000_000, maxPendingBytes: 32 * 1024 });
    const stuck = open({ highWaterMark: 1024 });
    let updates = 0;
    while (!stuck.res.writableEnded && updates < 1_000) {
      relabel(cluster, 'web-1', { app: 'web', round: String(updates) });
      updates += 1;
    }
    expect(stuck.res.writableEnded).toBe(true);
    expect(updates).toBeLessThan(100);
    expect(listeners()).toBe(0);
  });
});
