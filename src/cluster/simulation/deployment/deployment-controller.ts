import type { Pod } from '../../objects.js';
import type { StoreEvent } from '../../store/index.js';
import type { Controller, SimulationContext } from '../controller.js';
import { OwnedObjects } from '../owned-objects.js';
import { type Informer, QueuedController } from '../queued-controller.js';
import { controllerOf, isControlledBy, samePlainValue } from '../../meta/index.js';
import { DEPLOYMENTS, type Deployment, REPLICASETS, type ReplicaSet, splitKey } from '../replicaset/workload-objects.js';
import { PODS } from '../types.js';
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
class DeploymentController extends QueuedController {
  readonly name = DEPLOYMENT_CONTROLLER;
  protected readonly resource = DEPLOYMENTS;
  private readonly replicaSets = new OwnedObjects(REPLICASETS, { controllerKind: 'Deployment' });

  override start(context: SimulationContext): void {
    super.start(context);
    this.own(this.replicaSets.follow(context.store));
  }

  protected informers(): readonly Informer[] {
    return [
      { resource: REPLICASETS, listener: (event) => this.ownerChanged(event) },
      { resource: PODS, listener: (event) => this.podDeleted(event) },
    ];
  }

  /** Recreate waits for the old pods to be gone (deployment_controller.go deletePod). */
  private podDeleted(event: StoreEvent): void {
    if (event.type !== 'DELETED') return;
    const owner = controllerOf(event.object.object);
    if (owner?.kind !== 'ReplicaSet') return;
    const rs = this.context.store.get(REPLICASETS, event.object.namespace, owner.name)?.object;
    const deployment = rs && controllerOf(rs);
    if (deployment?.kind === 'Deployment') this.enqueue(`${event.object.namespace}/${deployment.name}`);
  }

  private ownerChanged(event: StoreEvent): void {
    for (const stored of [event.previous, event.object]) {
      const owner = stored && controllerOf(stored.object);
      if (stored && owner?.kind === 'Deployment') this.enqueue(`${stored.namespace}/${owner.name}`);
    }
  }

  protected sync(key: string): void {
    const { store, clock } = this.context;
    const [namespace, name] = splitKey(key);
    const deployment = store.get(DEPLOYMENTS, namespace, name)?.object as Deployment | undefined;
    if (!deployment) return;
    const owned = this.replicaSets
      .ownedBy(deployment.metadata.uid)
      .map((key) => store.get(REPLICASETS, namespace, key.slice(namespace.length + 1))?.object as ReplicaSet | undefined)
      .filter((rs): rs is ReplicaSet => rs !== undefined && isControlledBy(rs, deployment));
    const state: DeploymentSync = {
      // A working copy: the sync replaces its metadata and status, never changes them in place.
      deployment: { ...deployment },
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
    if (changed(next, store.get(DEPLOYMENTS, namespace, name)?.object as Deployment | undefined, deployment)) store.update(DEPLOYMENTS, next);
    if (wakeAt !== undefined) this.enqueueAt(key, wakeAt, 'deployment progress deadline');
  }

  /** The pods of the Deployment's ReplicaSets that have not finished (oldPodsRunning counts these). */
  private podsOf(state: DeploymentSync): Pod[] {
    const uids = new Set(state.oldRSs.map((rs) => rs.metadata.uid));
    return this.context.store
      .list(PODS, { namespace: state.deployment.metadata.namespace ?? '' })
      .items.map((s) => s.object as Pod)
      .filter((pod) => uids.has(controllerOf(pod)?.uid) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed');
  }
}

/**
 * Whether the sync's result differs from what the store holds. The result is the Deployment read at the start
 * with its metadata and status replaced, so while the store still holds that version, those two are all to compare.
 */
function changed(next: Deployment, stored: Deployment | undefined, read: Deployment): boolean {
  if (stored !== read) return !samePlainValue(next, stored);
  return !samePlainValue(next.metadata, stored.metadata) || !samePlainValue(next.status, stored.status);
}

/** The Deployment controller, started by the simulation with the other controllers. */
export function createDeploymentController(): Controller {
  return new DeploymentController();
}
