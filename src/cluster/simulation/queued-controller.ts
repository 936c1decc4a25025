import type { ResourceKey } from '../resources/resource-type.js';
import type { StoreListener } from '../store/index.js';
import type { Controller, SimulationContext } from './controller.js';
import type { ComponentRecorder } from './event-recorder.js';
import type { SeededRandom } from './random.js';
import type { TaskHandle, TaskScheduler } from './simulation-clock.js';
import { Subscriptions, WorkQueue } from './work-queue.js';

/** A watch on another resource whose listener queues the keys a change there concerns. */
export interface Informer {
  readonly resource: ResourceKey;
  readonly listener: StoreListener;
}

/**
 * client-go's workqueue AddAfter as controllers use it for a resync: at most one pending wake-up per key, the
 * earliest asked for (a later instant is dropped, an earlier one replaces the pending one).
 */
export class WakeUps {
  private readonly pending = new Map<string, { at: number; task: TaskHandle }>();

  constructor(
    private readonly scheduler: TaskScheduler,
    private readonly wake: (key: string) => void,
  ) {}

  at(key: string, instant: number, label: string): void {
    const pending = this.pending.get(key);
    if (pending && pending.at <= instant) return;
    pending?.task.cancel();
    const task = this.scheduler.at(
      instant,
      () => {
        this.pending.delete(key);
        this.wake(key);
      },
      label,
    );
    this.pending.set(key, { at: instant, task });
  }

  cancelAll(): void {
    for (const { task } of this.pending.values()) task.cancel();
    this.pending.clear();
  }
}

/**
 * The scaffolding the kube-controller-manager's workqueue controllers share (k/k pkg/controller/*: an informer
 * on the controller's own resource feeding a workqueue, more informers mapping other objects to its
 * keys, workers calling syncHandler): on start, one WorkQueue calling `sync`, a watch queueing every change of
 * `resource`, the `informers` in the order given, and a task at the current instant queueing every object of
 * `resource` (the informer's initial list). `stop` undoes all of it, pending wake-ups included.
 */
export abstract class QueuedController implements Controller {
  abstract readonly name: string;
  /** The resource whose `namespace/name` keys the queue holds. */
  protected abstract readonly resource: ResourceKey;
  private ctx: SimulationContext | undefined;
  private queue: WorkQueue | undefined;
  private wakeUps: WakeUps | undefined;
  private stream: SeededRandom | undefined;
  private events: ComponentRecorder | undefined;
  private readonly subscriptions = new Subscriptions();
  private writing: string | undefined;

  /** The informers on other resources, subscribed after the controller's own resource. */
  protected abstract informers(context: SimulationContext): readonly Informer[];

  /** syncHandler: brings the object named by `key` (`namespace/name`) to its desired state. */
  protected abstract sync(key: string): void;

  start(context: SimulationContext): void {
    this.ctx = context;
    this.stream = context.random.fork(this.name);
    this.events = context.recorder.for({ component: this.name });
    const queue = new WorkQueue(context.clock, (key) => this.sync(key), this.name);
    this.queue = queue;
    this.wakeUps = new WakeUps(context.clock, (key) => queue.add(key));
    this.subscriptions.add(queue);
    this.subscriptions.add(
      context.store.watch(this.resource, undefined, (event) => {
        queue.add(event.object.key, event.object.key !== this.writing);
      }),
    );
    for (const { resource, listener } of this.informers(context)) this.subscriptions.add(context.store.watch(resource, undefined, listener));
    this.subscriptions.add(context.clock.after(0, () => this.enqueueAll(), `${this.name} start`));
  }

  stop(): void {
    this.subscriptions.stopAll();
    this.wakeUps?.cancelAll();
  }

  protected get context(): SimulationContext {
    if (!this.ctx) throw new Error(`${this.name} is not started`);
    return this.ctx;
  }

  /** The controller's own random stream (`random.fork(name)`), so its draws do not shift anyone else's. */
  protected get random(): SeededRandom {
    if (!this.stream) throw new Error(`${this.name} is not started`);
    return this.stream;
  }

  /** Events recorded with the controller's name as source component. */
  protected get recorder(): ComponentRecorder {
    if (!this.events) throw new Error(`${this.name} is not started`);
    return this.events;
  }

  /**
   * A write of the controller's own object from its sync that calls for no other sync (its status, computed from
   * what the sync read): a sync after it at this instant would find what this one found, so its event only notes
   * the key (WorkQueue.add), which is handled again only if something else changes before its turn.
   */
  protected writeOwn(key: string, write: () => void): void {
    this.writing = key;
    try {
      write();
    } finally {
      this.writing = undefined;
    }
  }

  /** Stops `stop` with the controller (an index the subclass keeps from its own watch). */
  protected own(stop: () => void): void {
    this.subscriptions.add(stop);
  }

  protected enqueue(key: string): void {
    this.queue?.add(key);
  }

  /** Queues every object of the controller's resource, as a resync of its informer does. */
  protected enqueueAll(): void {
    for (const stored of this.context.store.list(this.resource).items) this.enqueue(stored.key);
  }

  /** Queues `key` again at `instant` (AddAfter), keeping only the earliest pending wake-up per key. */
  protected enqueueAt(key: string, instant: number, label: string): void {
    this.wakeUps?.at(key, instant, label);
  }
}
