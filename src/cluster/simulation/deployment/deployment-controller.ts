import type { Pod } from '../../objects.js';
import type { StoreEvent } from '../../store/index.js';
import type { Controller, SimulationContext } from '../controller.js';
import type { ComponentRecorder } from '../event-recorder.js';
import { canonicalJson } from '../replicaset/generated-name.js';
import { controllerOf, isControlledBy } from '../replicaset/pod-state.js';
import { DEPLOYMENTS, type Deployment, REPLICASETS, type ReplicaSet, splitKey } from '../replicaset/workload-objects.js';
import type { TaskHandle } from '../simulation-clock.js';
import { copyOf, PODS } from '../types.js';
import { Subscriptions, WorkQueue } from '../work-queue.js';
import { calculateStatus, updateProgressing } from './deployment-status.js';
import { type DeploymentSync, ReplicaSetScaler } from './replica-set-scaler.js';
import { byCreation, findNewReplicaSet } from './replica-sets.js';
import { rolloutRecreate, rolloutRolling, scaleForScalingEvent, isScalingEvent } from './rollout.js';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

/**
 * The Deployment controller (k/k pkg/controller/deployment/deployment_controller.go syncDeployment): finds the
 * Deployment's ReplicaSets, the new one being the one whose template equals the Deployment's; on a change of
 * spec.replicas scales them (proportionally during a rollout); otherwise rolls out by the strategy, RollingUpdate
 * within maxSurge / maxUnavailable or Recreate; records `ScalingReplicaSet`, and writes the revision annotation
 * and status (counters, Available and Progressing conditions). It acts again whenever a ReplicaSet's status
 * changes, which is how a rollout proceeds as new pods become available.
 */
class DeploymentController implements Controller {
  readonly name = DEPLOYMENT_CONTROLLER;
  private ctx: SimulationContext | undefined;
  private recorder: ComponentRecorder | undefined;
  private queue: WorkQueue | undefined;
  private readonly subscriptions = new Subscriptions();
  private readonly wakeUps = new Map<string, { at: number; task: TaskHandle }>();

  start(context: SimulationContext): void {
    this.ctx = context;
    this.recorder = context.recorder.for({ component: this.name });
    const queue = new WorkQueue(context.clock, (key) => this.sync(key), this.name);
    this.queue = queue;
    this.subscriptions.add(queue);
    this.subscriptions.add(context.store.watch(DEPLOYMENTS, undefined, (event) => queue.add(event.object.key)));
    this.subscriptions.add(context.store.watch(REPLICASETS, undefined, (event) => this.ownerChanged(event)));
    // Recreate waits for the old pods to be gone (deployment_controller.go deletePod).
    this.subscriptions.add(context.store.watch(PODS, undefined, (event) => {
      if (event.type !== 'DELETED') return;
      const owner = controllerOf(event.object.object);
      if (owner?.kind !== 'ReplicaSet') return;
      const rs = context.store.get(REPLICASETS, event.object.namespace, owner.name)?.object;
      const deployment = rs && controllerOf(rs);
      if (deployment?.kind === 'Deployment') queue.add(`${event.object.namespace}/${deployment.name}`);
    }));
    this.subscriptions.add(
      context.clock.after(0, () => {
        for (const stored of context.store.list(DEPLOYMENTS).items) queue.add(stored.key);
      }, `${this.name} start`),
    );
  }

  stop(): void {
    this.subscriptions.stopAll();
    for (const { task } of this.wakeUps.values()) task.cancel();
    this.wakeUps.clear();
  }

  private get context(): SimulationContext {
    if (!this.ctx) throw new Error(`${this.name} is not started`);
    return this.ctx;
  }

  private ownerChanged(event: StoreEvent): void {
    for (const stored of [event.previous, event.object]) {
      const owner = stored && controllerOf(stored.object);
      if (stored && owner?.kind === 'Deployment') this.queue?.add(`${stored.namespace}/${owner.name}`);
    }
  }

  private sync(key: string): void {
    const { store, clock } = this.context;
    const [namespace, name] = splitKey(key);
    const deployment = store.get(DEPLOYMENTS, namespace, name)?.object as Deployment | undefined;
    if (!deployment) return;
    const owned = store.list(REPLICASETS, { namespace }).items.map((s) => s.object as ReplicaSet).filter((rs) => isControlledBy(rs, deployment));
    const state: DeploymentSync = {
      deployment: copyOf(deployment),
      newRS: findNewReplicaSet(deployment, owned),
      oldRSs: [],
      now: clock.now(),
    };
    state.oldRSs = byCreation(owned.filter((rs) => rs !== state.newRS));
    const scaler = new ReplicaSetScaler(this.context, this.recorder, state);
    let rolledOut = false;
    if (!deployment.metadata.deletionTimestamp) {
      if (deployment.spec?.paused || isScalingEvent(state)) {
        scaler.syncRevision(false);
        scaleForScalingEvent(scaler, state);
      } else {
        rolledOut = true;
        if (deployment.spec?.strategy?.type === 'Recreate') rolloutRecreate(scaler, state, this.podsOf(state));
        else rolloutRolling(scaler, state);
      }
    }
    const all = [...state.oldRSs, ...(state.newRS ? [state.newRS] : [])];
    const status = calculateStatus(state.deployment, all, state.newRS, state.now);
    const wakeAt = rolledOut && !deployment.spec?.paused ? updateProgressing(state.deployment, status, state.newRS, state.now) : undefined;
    const next: Deployment = { ...state.deployment, status };
    if (canonicalJson(next) !== canonicalJson(store.get(DEPLOYMENTS, namespace, name)?.object)) store.update(DEPLOYMENTS, next);
    if (wakeAt !== undefined) this.resyncAt(key, wakeAt);
  }

  /** The pods of the Deployment's ReplicaSets that have not finished (oldPodsRunning counts these). */
  private podsOf(state: DeploymentSync): Pod[] {
    const uids = new Set(state.oldRSs.map((rs) => rs.metadata.uid));
    return this.context.store
      .list(PODS, { namespace: state.deployment.metadata.namespace ?? '' })
      .items.map((s) => s.object as Pod)
      .filter((pod) => uids.has(controllerOf(pod)?.uid) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed');
  }

  private resyncAt(key: string, instant: number): void {
    const pending = this.wakeUps.get(key);
    if (pending && pending.at <= instant) return;
    pending?.task.cancel();
    const task = this.context.clock.at(instant, () => {
      this.wakeUps.delete(key);
      this.queue?.add(key);
    }, 'deployment progress deadline');
    this.wakeUps.set(key, { at: instant, task });
  }
}

/** The Deployment controller, started by the simulation with the other controllers. */
export function createDeploymentController(): Controller {
  return new DeploymentController();
}
