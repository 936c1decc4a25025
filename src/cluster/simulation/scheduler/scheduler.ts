import type { Pod } from '../../objects.js';
import type { Controller, SimulationContext } from '../controller.js';
import type { ComponentRecorder } from '../event-recorder.js';
import type { SeededRandom } from '../random.js';
import { rfc3339, withFields } from '../../meta/index.js';
import { type PodCondition, PODS } from '../types.js';
import { Subscriptions, WorkQueue } from '../work-queue.js';
import { type FitFailure, fitErrorMessage, podRequests, resourceFailure } from './node-fit.js';
import { nonZeroRequests, scoreNode } from './node-score.js';
import { ConstraintVerdicts, type NodeInfo, NodeSnapshot, numFeasibleNodesToFind } from './node-snapshot.js';
import { NodeUsageCache } from './node-usage-cache.js';
import { type CollapsedRetries, FLUSH_PERIOD_MS, UnschedulablePods } from './unschedulable-pods.js';

export interface SchedulerOptions {
  /** Pods with this spec.schedulerName (or none) are ours. */
  schedulerName?: string;
}

/**
 * kube-scheduler's default profile, reduced (pkg/scheduler/schedule_one.go): takes each Pending pod without a
 * node, filters the nodes (node-fit.ts) from where the last cycle stopped until it has found
 * numFeasibleNodesToFind feasible ones, scores those (node-score.ts), picks the best (ties broken by the seeded
 * random among the tied nodes in name order) and binds it: spec.nodeName, PodScheduled True and a `Scheduled`
 * event. When no node fits it records `FailedScheduling` with the real FitError text and keeps the pod among the
 * unschedulable ones, retried when nodes or pods change (unschedulable-pods.ts). What each node has bound comes
 * from the scheduler's cache (node-usage-cache.ts), never from a walk over all pods.
 */
export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  private ctx: SimulationContext | undefined;
  private random: SeededRandom | undefined;
  private recorder: ComponentRecorder | undefined;
  private queue: WorkQueue | undefined;
  private unschedulable: UnschedulablePods | undefined;
  private readonly subscriptions = new Subscriptions();
  private readonly usage = new NodeUsageCache();
  private readonly nodes = new NodeSnapshot();
  private readonly verdicts = new ConstraintVerdicts(this.nodes);
  private nextStartNodeIndex = 0;
  /** Kept between cycles, so that looking at hundreds of nodes per pod allocates nothing. */
  private readonly scratch = { failures: [] as FitFailure[], tied: [] as number[] };
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
    const unschedulable = new UnschedulablePods(context.clock, (key) => queue.add(key));
    this.unschedulable = unschedulable;
    this.subscriptions.add(queue);
    this.subscriptions.add(this.usage.follow(context.store));
    this.subscriptions.add(
      context.store.watch(PODS, undefined, (event) => {
        const pod = event.object.object as Pod;
        if (event.type === 'DELETED' || pod.spec?.nodeName) {
          unschedulable.forget(event.object.key);
          // A pod that left, or finished, frees room for the others (the AssignedPodDelete cluster event).
          if (event.type === 'DELETED' || (isFinished(pod) && !isFinished(event.previous?.object as Pod | undefined))) unschedulable.moveAll();
          return;
        }
        if (this.isOurs(pod) && !unschedulable.has(event.object.key)) queue.add(event.object.key);
      }),
    );
    // A node that comes, goes or changes what the filters read (not a heartbeat) may make pods fit.
    this.subscriptions.add(this.nodes.follow(context.store, () => unschedulable.moveAll()));
    this.subscriptions.add(
      context.clock.every(FLUSH_PERIOD_MS, () => unschedulable.flush(context.clock.now()), {
        label: 'scheduler flush',
        standIn: (first, last) => {
          const retries = unschedulable.collapsedFlushes(first, last);
          if (retries.length === 0) return undefined;
          return { at: retries.reduce((last, r) => Math.max(last, r.lastAt), first), run: () => this.failedRepeatedly(retries) };
        },
      }),
    );
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
    this.unschedulable?.clear();
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

  private scheduleOne(key: string): void {
    const { store } = this.context;
    const [namespace = '', name = ''] = key.split('/');
    const pod = store.get(PODS, namespace, name)?.object as Pod | undefined;
    if (!pod || !this.isOurs(pod)) return this.unschedulable?.forget(key);
    const nodes = this.nodes.list();
    const constraints = this.verdicts.for(pod);
    // Every node failed the last pod like this one on its own, and none has changed: so would this cycle, having
    // looked at all of them (the next one starts where this one did).
    const rejected = constraints.rejected();
    if (rejected !== undefined) return this.failed(key, pod, rejected);
    // The nodes this cycle filters: those the NodeAffinity PreFilter names (a DaemonSet pod's one node), or all;
    // a slot is a position among them, the search going round them from where the last cycle stopped.
    const { candidates } = constraints;
    const count = candidates ? candidates.length : nodes.length;
    const positionOf = (slot: number): number => (candidates ? (candidates[slot] as number) : slot);
    const toFind = numFeasibleNodesToFind(count);
    const requests = podRequests(pod);
    const { failures, tied } = this.scratch;
    failures.length = 0;
    let feasible = 0;
    let resourcesFailed = false;
    // Feasible nodes are scored as they are found: the best score, and the slots of the nodes that have it.
    const request = nonZeroRequests(pod);
    let best = -Infinity;
    let tiedCount = 0;
    const start = count > 0 ? this.nextStartNodeIndex % count : 0;
    let looked = 0;
    for (; looked < count && feasible < toFind; looked++) {
      const slot = (start + looked) % count;
      const index = positionOf(slot);
      const info = nodes[index] as NodeInfo;
      info.usage ??= this.usage.live(info.name);
      let failure = constraints.of(index, info);
      if (!failure) {
        failure = resourceFailure(requests, info.capacity, info.usage.fit);
        resourcesFailed ||= failure !== undefined;
      }
      if (failure) {
        failures.push(failure);
        continue;
      }
      feasible++;
      const score = scoreNode(info.capacity, info.usage.score, request);
      if (score > best) {
        best = score;
        tiedCount = 0;
      }
      if (score === best) tied[tiedCount++] = slot;
    }
    // The next cycle starts where this one stopped, so every node gets its turn (schedule_one.go nextStartNodeIndex,
    // moved on by the nodes this one looked at).
    if (nodes.length > 0) this.nextStartNodeIndex = (this.nextStartNodeIndex + looked) % nodes.length;
    if (feasible === 0) {
      // The nodes the PreFilter left out fail as the plugin that left them out (SetAbsentNodesStatus).
      for (let absent = nodes.length - looked; absent > 0; absent--) failures.push(NOT_NAMED_BY_AFFINITY);
      const message = fitErrorMessage(nodes.length, failures);
      if (!resourcesFailed && nodes.length > 0) constraints.reject(message);
      return this.failed(key, pod, message);
    }
    const chosen = positionOf(tiedInNameOrder(tied, tiedCount, start, (this.random as SeededRandom).pickIndex(tiedCount)));
    this.bind(key, pod, (nodes[chosen] as NodeInfo).name);
  }

  /** pods/binding: the apiserver sets spec.nodeName and the PodScheduled condition in one write. */
  private bind(key: string, pod: Pod, nodeName: string): void {
    this.unschedulable?.forget(key);
    this.context.store.update(PODS, boundPod(pod, nodeName, this.context.clock.now()));
    this.recorder?.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`);
  }

  private failed(key: string, pod: Pod, message: string): void {
    const now = this.context.clock.now();
    this.unschedulable?.failed(key, now);
    this.recorder?.event(pod, 'Warning', 'FailedScheduling', message);
    const current = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (current?.status === 'False' && current.message === message) return;
    const next: Pod = {
      ...pod,
      status: {
        ...pod.status,
        phase: 'Pending',
        conditions: withCondition(pod.status?.conditions, {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message,
          lastTransitionTime: rfc3339(now),
        }),
      },
    };
    this.context.store.update(PODS, next);
  }

  /**
   * Flushes through a quiet stretch: nothing changed since each pod last failed, so each retry failed as that one
   * did, with the same message; its FailedScheduling event counts them all.
   */
  private failedRepeatedly(retries: readonly CollapsedRetries[]): void {
    const { store } = this.context;
    for (const retry of retries) {
      const [namespace = '', name = ''] = retry.key.split('/');
      const pod = store.get(PODS, namespace, name)?.object as Pod | undefined;
      const message = pod?.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message;
      if (!pod || message === undefined) continue;
      this.unschedulable?.failedRepeatedly(retry);
      this.recorder?.repeated(pod, 'Warning', 'FailedScheduling', message, retry.times, retry);
    }
  }
}

/** The status of the nodes the NodeAffinity PreFilter left out of a cycle (schedule_one.go findNodesThatFitPod). */
const NOT_NAMED_BY_AFFINITY: FitFailure = { reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"], unresolvable: true };

/**
 * The k-th of the tied nodes in name order (the order of the node list), given their positions in the order the
 * search met them: from `start` to the end, then on from 0, so the positions past the wrap come first by name.
 */
export function tiedInNameOrder(positions: readonly number[], count: number, start: number, k: number): number {
  let wrapped = 0;
  while (wrapped < count && (positions[count - 1 - wrapped] as number) < start) wrapped++;
  return positions[k < wrapped ? count - wrapped + k : k - wrapped] as number;
}

const isFinished = (pod: Pod | undefined): boolean => pod?.status?.phase === 'Succeeded' || pod?.status?.phase === 'Failed';

/** A pod as pods/binding leaves it: spec.nodeName set and PodScheduled True, in one write. */
export function boundPod(pod: Pod, nodeName: string, nowMs: number): Pod {
  return {
    ...pod,
    spec: withFields(pod.spec, { containers: pod.spec?.containers ?? [], nodeName }),
    status: withFields(pod.status, {
      phase: 'Pending',
      conditions: withCondition(pod.status?.conditions, { type: 'PodScheduled', status: 'True', lastTransitionTime: rfc3339(nowMs) }),
    }),
  };
}

function withCondition(conditions: readonly PodCondition[] | undefined, condition: PodCondition): PodCondition[] {
  const others = (conditions ?? []).filter((c) => c.type !== condition.type);
  // The API sends `lastProbeTime: null`; the client model cannot type null.
  return [...others, withFields(condition, { lastProbeTime: null }) as unknown as PodCondition];
}
