import type { KubeObject } from '../../../src/cluster/index.js';
import { type Informer, QueuedController, WakeUps } from '../../../src/cluster/simulation/queued-controller.js';
import { SimulationClock } from '../../../src/cluster/simulation/simulation-clock.js';
import { nodes, pods, START, testSimulation } from './simulation-test-cluster.js';

/** A controller that only records what it is asked to sync, and when. */
class RecordingController extends QueuedController {
  readonly name = 'recording-controller';
  protected readonly resource = '/pods' as const;
  readonly synced: string[] = [];

  protected informers(): readonly Informer[] {
    // A node change concerns the pods bound to it, as the scheduler's and kubelets' informers map them.
    const nodeInformer: Informer = {
      resource: '/nodes',
      listener: (event) => {
        for (const stored of this.context.store.list('/pods').items) {
          if ((stored.object as KubeObject & { spec?: { nodeName?: string } }).spec?.nodeName === event.object.name) this.enqueue(stored.key);
        }
      },
    };
    return [nodeInformer];
  }

  protected sync(key: string): void {
    this.synced.push(`${(this.context.clock.now() - START) / 1000}s ${key}`);
  }

  wakeAt(key: string, secondsFromStart: number): void {
    this.enqueueAt(key, START + secondsFromStart * 1000, `wake ${key}`);
  }
}

function running() {
  const sim = testSimulation([
    ...nodes({ name: 'node1' }, { name: 'node2' }),
    ...pods({ name: 'web-1', nodeName: 'node1' }, { name: 'web-2', nodeName: 'node2' }),
  ]);
  const controller = new RecordingController();
  return { sim, controller };
}

describe('QueuedController', () => {
  test('on start syncs every object of its resource once, in a task rather than inside start()', () => {
    const { sim, controller } = running();
    controller.start(sim.context);
    expect(controller.synced).toEqual([]);
    sim.driver.flush();
    expect(controller.synced).toEqual(['0s default/web-1', '0s default/web-2']);
  });

  test('a change to its resource queues the object; changes before the queue drains are synced once', () => {
    const { sim, controller } = running();
    controller.start(sim.context);
    sim.driver.flush();
    const web1 = sim.store.get('/pods', 'default', 'web-1')?.object as KubeObject;
    sim.driver.advance(5_000);
    sim.store.update('/pods', { ...web1, metadata: { ...web1.metadata, labels: { a: '1' } } });
    sim.store.update('/pods', { ...web1, metadata: { ...web1.metadata, labels: { a: '2' } } });
    sim.driver.flush();
    expect(controller.synced.slice(2)).toEqual(['5s default/web-1']);
  });

  test('an informer on another resource queues the keys its change concerns', () => {
    const { sim, controller } = running();
    controller.start(sim.context);
    sim.driver.flush();
    const node2 = sim.store.get('/nodes', undefined, 'node2')?.object as KubeObject;
    sim.store.update('/nodes', { ...node2, metadata: { ...node2.metadata, labels: { zone: 'b' } } });
    sim.driver.flush();
    expect(controller.synced.slice(2)).toEqual(['0s default/web-2']);
  });

  test('a wake-up syncs the key again at its instant', () => {
    const { sim, controller } = running();
    controller.start(sim.context);
    sim.driver.flush();
    controller.wakeAt('default/web-1', 30);
    sim.driver.advance(29_999);
    expect(controller.synced).toHaveLength(2);
    sim.driver.advance(1);
    expect(controller.synced.slice(2)).toEqual(['30s default/web-1']);
  });

  test('stop() ends the watches, the queue and the pending wake-ups', () => {
    const { sim, controller } = running();
    controller.start(sim.context);
    sim.driver.flush();
    controller.wakeAt('default/web-1', 30);
    controller.stop();
    const web1 = sim.store.get('/pods', 'default', 'web-1')?.object as KubeObject;
    sim.store.update('/pods', { ...web1, metadata: { ...web1.metadata, labels: { a: '1' } } });
    sim.driver.advance(60_000);
    expect(controller.synced).toEqual(['0s default/web-1', '0s default/web-2']);
  });

  test('before start, a wake-up is ignored and its context is refused with the controller named', () => {
    const controller = new RecordingController();
    expect(() => controller.wakeAt('default/web-1', 1)).not.toThrow();
    expect(() => (controller as unknown as { context: unknown }).context).toThrow('recording-controller is not started');
  });
});

describe('WakeUps (AddAfter)', () => {
  function wakeUps() {
    const clock = new SimulationClock(START);
    const woken: string[] = [];
    const wakes = new WakeUps(clock, (key) => woken.push(`${(clock.now() - START) / 1000}s ${key}`));
    const runTo = (seconds: number): void => {
      clock.followSource(() => START + seconds * 1000);
      clock.runUntil(START + seconds * 1000);
    };
    return { wakes, woken, runTo };
  }

  test('keeps one pending wake-up per key, the earliest: a later one is dropped, an earlier one replaces it', () => {
    const { wakes, woken, runTo } = wakeUps();
    wakes.at('a', START + 20_000, 'a');
    wakes.at('a', START + 30_000, 'a later');
    wakes.at('a', START + 10_000, 'a earlier');
    wakes.at('b', START + 15_000, 'b');
    runTo(60);
    expect(woken).toEqual(['10s a', '15s b']);
  });

  test('once a wake-up has fired, the key can be woken again', () => {
    const { wakes, woken, runTo } = wakeUps();
    wakes.at('a', START + 10_000, 'a');
    runTo(10);
    wakes.at('a', START + 40_000, 'a again');
    runTo(60);
    expect(woken).toEqual(['10s a', '40s a']);
  });

  test('cancelAll() drops every pending wake-up', () => {
    const { wakes, woken, runTo } = wakeUps();
    wakes.at('a', START + 10_000, 'a');
    wakes.at('b', START + 20_000, 'b');
    wakes.cancelAll();
    runTo(60);
    expect(woken).toEqual([]);
  });
});
