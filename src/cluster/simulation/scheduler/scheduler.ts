import type { Node, Pod } from '../../objects.js';
import type { Controller, SimulationContext } from '../controller.js';
import type { ComponentRecorder } from '../event-recorder.js';
import type { SeededRandom } from '../random.js';
import type { TaskHandle } from '../simulation-clock.js';
import { rfc3339 } from '../../meta/index.js';
import { copyOf, NODES, type PodCondition, PODS } from '../types.js';
import { Subscriptions, WorkQueue } from '../work-queue.js';
import { checkNode, type FitFailure, fitErrorMessage } from './node-fit.js';
import { scoreNode } from './node-score.js';
import { NodeUsageCache } from './node-usage-cache.js';

export interface SchedulerOptions {
  /** Pods with this spec.schedulerName (or none) are ours. */
  schedulerName?: string;
}

/** podInitialBackoffSeconds 1, podMaxBackoffSeconds 10; unschedulable pods are retried after 5 min regardless. */
const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const MAX_UNSCHEDULABLE_MS = 5 * 60_000;
const FLUSH_PERIOD_MS = 30_000;

interface Unschedulable {
  attempts: number;
  since: number;
  eligibleAt: number;
  retry?: TaskHandle;
}

/**
 * kube-scheduler's default profile, reduced (pkg/scheduler/schedule_one.go): takes each Pending pod without a
 * node, filters the nodes (node-fit.ts), scores the feasible ones (node-score.ts), picks the best (ties broken by
 * the seeded random among the tied nodes in name order) and binds it: spec.nodeName, PodScheduled True and a
 * `Scheduled` event. When no node fits it records `FailedScheduling` with the real FitError text and keeps the
 * pod in an unschedulable set, retried with back-off when nodes or pods change.
 */
export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  private ctx: SimulationContext | undefined;
  private random: SeededRandom | undefined;
  private recorder: ComponentRecorder | undefined;
  private queue: WorkQueue | undefined;
  private readonly unschedulable = new Map<string, Unschedulable>();
  private readonly subscriptions = new Subscriptions();
  private readonly usage = new NodeUsageCache();
  private readonly schedulerName: string;

  constructor(options: SchedulerOptions = {}) {
    this.schedulerName = options.schedulerName ?? 'default-scheduler';
  }

  start(context: SimulationContext): void {
    this.ctx = context;
    this.random = context.random.fork(this.name);
    this.recorder = context.recorder.for({ component: this.schedulerName });
    const queue = new WorkQueue(context.clock, (key) => this.scheduleOne(key), this.name);
    this.queue = queue;
    this.subscriptions.add(queue);
    this.subscriptions.add(this.usage.follow(context.store));
    this.subscriptions.add(
      context.store.watch(PODS, undefined, (event) => {
        const pod = event.object.object as Pod;
        if (event.type === 'DELETED' || pod.spec?.nodeName) {
          this.forget(event.object.key);
          // A pod that left frees room for the others (the AssignedPodDelete cluster event).
          if (event.type === 'DELETED') this.retryUnschedulable();
          return;
        }
        if (this.isOurs(pod) && !this.unschedulable.has(event.object.key)) queue.add(event.object.key);
      }),
    );
    this.subscriptions.add(context.store.watch(NODES, undefined, () => this.retryUnschedulable()));
    this.subscriptions.add(context.clock.every(FLUSH_PERIOD_MS, () => this.flushLeftovers(), { label: 'scheduler flush' }));
    this.subscriptions.add(
      context.clock.after(
        0,
        () => {
          for (const stored of context.store.list(PODS).items) if (this.isOurs(stored.object as Pod)) queue.add(stored.key);
        },
        'scheduler start',
      ),
    );
  }

  stop(): void {
    this.subscriptions.stopAll();
    for (const key of [...this.unschedulable.keys()]) this.forget(key);
  }

  private get context(): SimulationContext {
    if (!this.ctx) throw new Error('the scheduler is not started');
    return this.ctx;
  }

  private isOurs(pod: Pod): boolean {
    return (
      !pod.spec?.nodeName &&
      !pod.metadata.deletionTimestamp &&
      (pod.spec?.schedulerName ?? 'default-scheduler') === this.schedulerName &&
      (pod.status?.phase ?? 'Pending') === 'Pending'
    );
  }

  private forget(key: string): void {
    this.unschedulable.get(key)?.retry?.cancel();
    this.unschedulable.delete(key);
  }

  private scheduleOne(key: string): void {
    const { store } = this.context;
    const [namespace = '', name = ''] = key.split('/');
    const pod = store.get(PODS, namespace, name)?.object as Pod | undefined;
    if (!pod || !this.isOurs(pod)) return this.forget(key);
    const nodes = store.list(NODES).items.map((stored) => stored.object as Node);
    const failures: FitFailure[] = [];
    const feasible: { node: Node; score: number }[] = [];
    for (const node of nodes) {
      const bound = this.usage.of(node.metadata.name);
      const failure = checkNode(pod, node, bound.fit);
      if (failure) failures.push(failure);
      else feasible.push({ node, score: scoreNode(node, bound.score, pod) });
    }
    if (feasible.length === 0) return this.failed(key, pod, fitErrorMessage(nodes.length, failures));
    const best = feasible.reduce((best, f) => Math.max(best, f.score), -Infinity);
    const tied = feasible
      .filter((f) => f.score === best)
      .map((f) => f.node.metadata.name)
      .sort();
    this.bind(key, pod, (this.random as SeededRandom).pick(tied));
  }

  /** pods/binding: the apiserver sets spec.nodeName and the PodScheduled condition in one write. */
  private bind(key: string, pod: Pod, nodeName: string): void {
    this.forget(key);
    const bound = copyOf(pod);
    bound.spec = { ...bound.spec, containers: bound.spec?.containers ?? [], nodeName };
    bound.status = {
      ...bound.status,
      phase: 'Pending',
      conditions: withCondition(bound.status?.conditions, { type: 'PodScheduled', status: 'True', lastTransitionTime: rfc3339(this.context.clock.now()) }),
    };
    this.context.store.update(PODS, bound);
    this.recorder?.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`);
  }

  private failed(key: string, pod: Pod, message: string): void {
    const now = this.context.clock.now();
    const previous = this.unschedulable.get(key);
    const attempts = (previous?.attempts ?? 0) + 1;
    const backoff = Math.min(INITIAL_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
    this.unschedulable.set(key, { attempts, since: previous?.since ?? now, eligibleAt: now + backoff });
    this.recorder?.event(pod, 'Warning', 'FailedScheduling', message);
    const current = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (current?.status === 'False' && current.message === message) return;
    const next = copyOf(pod);
    next.status = {
      ...next.status,
      phase: 'Pending',
      conditions: withCondition(next.status?.conditions, {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message,
        lastTransitionTime: rfc3339(now),
      }),
    };
    this.context.store.update(PODS, next);
  }

  /** A cluster change (MoveAllToActiveOrBackoffQueue): every unschedulable pod is tried again after its back-off. */
  private retryUnschedulable(): void {
    for (const [key, entry] of this.unschedulable) {
      if (entry.retry) continue;
      entry.retry = this.context.clock.at(
        entry.eligibleAt,
        () => {
          entry.retry = undefined;
          this.queue?.add(key);
        },
        'scheduler retry',
      );
    }
  }

  private flushLeftovers(): void {
    const now = this.context.clock.now();
    for (const [key, entry] of this.unschedulable) if (!entry.retry && now - entry.since >= MAX_UNSCHEDULABLE_MS) this.queue?.add(key);
  }
}

function withCondition(conditions: readonly PodCondition[] | undefined, condition: PodCondition): PodCondition[] {
  const others = (conditions ?? []).filter((c) => c.type !== condition.type);
  // The API sends `lastProbeTime: null`; the client model cannot type null.
  return [...others, Object.assign({ ...condition }, { lastProbeTime: null })];
}
