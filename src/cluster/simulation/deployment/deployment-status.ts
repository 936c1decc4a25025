import type { V1DeploymentCondition } from '@kubernetes/client-node';
import type { Wire } from '../../objects.js';
import { rfc3339 } from '../../meta/index.js';
import type { Deployment, ReplicaSet } from '../replicaset/workload-objects.js';
import { availableReplicas, readyReplicas, specReplicas, statusReplicas, sum } from './replica-sets.js';
import { rollingParameters } from './rollout-parameters.js';

export type DeploymentStatus = NonNullable<Deployment['status']>;
export type DeploymentCondition = Wire<V1DeploymentCondition>;

/** A condition as NewDeploymentCondition makes it: both times now. */
export function newCondition(type: string, status: boolean, reason: string, message: string, now: number): DeploymentCondition {
  const at = rfc3339(now);
  return { type, status: status ? 'True' : 'False', lastUpdateTime: at, lastTransitionTime: at, reason, message };
}

/**
 * SetDeploymentCondition (deployment/util/deployment_util.go): the same status and reason change nothing; the
 * same status with another reason keeps lastTransitionTime; the condition moves to the end of the list.
 */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = status.conditions?.find((c) => c.type === condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function conditionOf(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * calculateStatus (pkg/controller/deployment/sync.go): counters summed over the Deployment's ReplicaSets (all
 * omitempty), the conditions carried over, and Available set from whether at least replicas − maxUnavailable
 * pods are available.
 */
export function calculateStatus(deployment: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet | undefined, now: number): DeploymentStatus {
  const replicas = deployment.spec?.replicas ?? 1;
  const available = sum(all, availableReplicas);
  const unavailable = Math.max(0, sum(all, specReplicas) - available);
  const status: DeploymentStatus = {};
  const counts = status as Record<string, number>;
  const count = (key: keyof DeploymentStatus, value: number): void => {
    if (value > 0) counts[key] = value;
  };
  count('observedGeneration', deployment.metadata.generation ?? 1);
  count('replicas', sum(all, statusReplicas));
  count('updatedReplicas', newRS ? statusReplicas(newRS) : 0);
  count('readyReplicas', sum(all, readyReplicas));
  count('availableReplicas', available);
  count('unavailableReplicas', unavailable);
  if (deployment.status?.conditions?.length) status.conditions = deployment.status.conditions.map((c) => ({ ...c }));
  if (deployment.status?.collisionCount) status.collisionCount = deployment.status.collisionCount;
  const { maxUnavailable } = rollingParameters(deployment);
  if (available >= replicas - maxUnavailable)
    setCondition(status, newCondition('Available', true, 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  else setCondition(status, newCondition('Available', false, 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  return status;
}

/**
 * DeploymentComplete of the status calculateStatus would give, from its counters alone (that status always
 * observes the Deployment's generation).
 */
export function completeWith(deployment: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet | undefined): boolean {
  const replicas = deployment.spec?.replicas ?? 1;
  return (newRS ? statusReplicas(newRS) : 0) === replicas && sum(all, statusReplicas) === replicas && sum(all, availableReplicas) === replicas;
}

/** DeploymentComplete: every replica updated and available, and the current generation observed. */
export function isComplete(deployment: Deployment, status: DeploymentStatus): boolean {
  const replicas = deployment.spec?.replicas ?? 1;
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 1)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas than before. */
export function isProgressing(before: DeploymentStatus | undefined, after: DeploymentStatus): boolean {
  const old = (s: DeploymentStatus | undefined): number => (s?.replicas ?? 0) - (s?.updatedReplicas ?? 0);
  return (
    (after.updatedReplicas ?? 0) > (before?.updatedReplicas ?? 0) ||
    old(after) < old(before) ||
    (after.readyReplicas ?? 0) > (before?.readyReplicas ?? 0) ||
    (after.availableReplicas ?? 0) > (before?.availableReplicas ?? 0)
  );
}

/**
 * syncRolloutStatus's Progressing condition (pkg/controller/deployment/progress.go): NewReplicaSetAvailable once
 * complete; ReplicaSetUpdated, with a fresh lastUpdateTime, whenever the rollout made progress;
 * ProgressDeadlineExceeded when it made none for progressDeadlineSeconds. Returns when to look again for the
 * deadline, if it is still ahead.
 */
export function updateProgressing(deployment: Deployment, status: DeploymentStatus, newRS: ReplicaSet | undefined, now: number): number | undefined {
  const deadlineSeconds = deployment.spec?.progressDeadlineSeconds ?? 600;
  const current = conditionOf(deployment.status, 'Progressing');
  if ((status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === 'NewReplicaSetAvailable') return undefined;
  const name = newRS?.metadata.name ?? '';
  if (isComplete(deployment, status)) {
    if (newRS) setCondition(status, newCondition('Progressing', true, 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`, now));
    return undefined;
  }
  if (isProgressing(deployment.status, status)) {
    const condition = newCondition('Progressing', true, 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`, now);
    const existing = conditionOf(status, 'Progressing');
    if (existing?.status === 'True') condition.lastTransitionTime = existing.lastTransitionTime;
    status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'Progressing'), condition];
    return now + deadlineSeconds * 1000;
  }
  const progressing = conditionOf(status, 'Progressing');
  if (!progressing || progressing.reason === 'ProgressDeadlineExceeded') return undefined;
  const deadline = Date.parse(progressing.lastUpdateTime ?? '') + deadlineSeconds * 1000;
  if (deadline < now) {
    setCondition(status, newCondition('Progressing', false, 'ProgressDeadlineExceeded', `ReplicaSet "${name}" has timed out progressing.`, now));
    return undefined;
  }
  return deadline + 1000;
}

/**
 * The conditions the controller's syncs leave on a Deployment that created its one ReplicaSet at `createdMs` and
 * whose pods turned Ready at `readyMs` (one instant per replica): Available since enough were available (replicas −
 * maxUnavailable, each after minReadySeconds), and Progressing NewReplicaSetAvailable, updated when the last one
 * was, true since the rollout last made progress after a stall longer than progressDeadlineSeconds (when the
 * condition went ProgressDeadlineExceeded and back), else since the ReplicaSet was created. What a settled
 * Deployment carries, as living through its rollout would have left it.
 */
export function conditionsAfterRollout(deployment: Deployment, rsName: string, createdMs: number, readyMs: readonly number[]): DeploymentCondition[] {
  const replicas = deployment.spec?.replicas ?? 1;
  const minReadyMs = (deployment.spec?.minReadySeconds ?? 0) * 1000;
  const deadlineMs = (deployment.spec?.progressDeadlineSeconds ?? 600) * 1000;
  const ready = [...readyMs].sort((a, b) => a - b);
  const available = ready.map((at) => at + minReadyMs);
  const needed = Math.max(0, replicas - rollingParameters(deployment).maxUnavailable);
  const availableAt = needed === 0 ? createdMs : (available[needed - 1] ?? createdMs);
  // Every replica turning ready, then available, is progress (isProgressing).
  const progress = [...ready, ...available].sort((a, b) => a - b);
  let since = createdMs;
  let last = createdMs;
  for (const at of progress) {
    if (at - last > deadlineMs) since = at;
    last = at;
  }
  const progressing = newCondition('Progressing', true, 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`, last);
  return [
    newCondition('Available', true, 'MinimumReplicasAvailable', 'Deployment has minimum availability.', availableAt),
    { ...progressing, lastTransitionTime: rfc3339(since) },
  ];
}
