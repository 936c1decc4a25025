import type { Pod } from '../../objects.js';
import type { ReplicaSet } from '../replicaset/workload-objects.js';
import type { DeploymentSync, ReplicaSetScaler } from './replica-set-scaler.js';
import { newReplicaSetReplicas } from './replica-set-scaler.js';
import { availableReplicas, byCreation, DESIRED_REPLICAS, MAX_REPLICAS, specReplicas, statusReplicas, sum } from './replica-sets.js';
import { rollingParameters } from './rollout-parameters.js';
import { completeWith } from './deployment-status.js';

const active = (replicaSets: readonly ReplicaSet[]): ReplicaSet[] => replicaSets.filter((rs) => specReplicas(rs) > 0);

/** isScalingEvent (sync.go): an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(state: DeploymentSync): boolean {
  const desired = String(state.deployment.spec?.replicas ?? 1);
  const all = [...state.oldRSs, ...(state.newRS ? [state.newRS] : [])];
  return active(all).some((rs) => {
    const annotated = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return annotated !== undefined && annotated !== desired;
  });
}

/**
 * scale (sync.go): one active ReplicaSet (or none: the newest) takes spec.replicas; a saturated new one leaves the
 * old ones at 0; otherwise, in a rolling update, the change is shared in proportion to each ReplicaSet's size,
 * the leftover going to the largest.
 */
export function scaleForScalingEvent(scaler: ReplicaSetScaler, state: DeploymentSync): void {
  const { deployment } = state;
  const desired = deployment.spec?.replicas ?? 1;
  const target = activeOrLatest(state);
  if (target) {
    if (specReplicas(target) !== desired) scaler.scale(target, desired);
    return;
  }
  const newRS = state.newRS;
  if (newRS && newRS.metadata.annotations?.[DESIRED_REPLICAS] === String(desired) && specReplicas(newRS) === desired && availableReplicas(newRS) === desired) {
    for (const rs of active(state.oldRSs)) scaler.scale(rs, 0);
    return;
  }
  if (deployment.spec?.strategy?.type === 'Recreate') return;
  const all = active(scaler.all);
  const maxSurge = rollingParameters(deployment).maxSurge;
  const allowed = desired > 0 ? desired + maxSurge : 0;
  const toAdd = allowed - sum(all, specReplicas);
  const created = (rs: ReplicaSet): number => Date.parse(rs.metadata.creationTimestamp ?? '') || 0;
  // ReplicaSetsBySizeNewer to grow, ReplicaSetsBySizeOlder to shrink: the largest first either way.
  all.sort((a, b) => specReplicas(b) - specReplicas(a) || (toAdd > 0 ? created(b) - created(a) : created(a) - created(b)));
  const sizes = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of all) {
    const share = toAdd === 0 ? 0 : proportion(rs, desired, maxSurge, state.deployment.status?.replicas ?? 0, toAdd, added);
    sizes.set(rs, specReplicas(rs) + share);
    added += share;
  }
  all.forEach((rs, i) => {
    let size = sizes.get(rs) ?? 0;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaler.scale(rs, size);
  });
}

/** GetProportion / getReplicaSetFraction: this ReplicaSet's share of the change, bounded by what is left to add. */
function proportion(rs: ReplicaSet, desired: number, maxSurge: number, statusReplicasTotal: number, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === added) return 0;
  let fraction: number;
  if (desired === 0) fraction = -specReplicas(rs);
  else {
    const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? '', 10);
    const previousMax = Number.isNaN(annotated) ? statusReplicasTotal : annotated;
    fraction = Math.round((specReplicas(rs) * (desired + maxSurge)) / previousMax) - specReplicas(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** FindActiveOrLatest (deployment_util.go). */
function activeOrLatest(state: DeploymentSync): ReplicaSet | undefined {
  if (!state.newRS && state.oldRSs.length === 0) return undefined;
  const newestOld = byCreation(state.oldRSs).reverse();
  const all = active([...newestOld, ...(state.newRS ? [state.newRS] : [])]);
  if (all.length === 0) return state.newRS ?? newestOld[0];
  return all.length === 1 ? all[0] : undefined;
}

/**
 * rolloutRolling (rolling.go): grow the new ReplicaSet within maxSurge; else shrink old ones within
 * maxUnavailable, unhealthy replicas first; once complete, clean up old ReplicaSets past the history limit.
 */
export function rolloutRolling(scaler: ReplicaSetScaler, state: DeploymentSync): void {
  scaler.syncRevision(true);
  const newRS = state.newRS;
  if (!newRS) return;
  const desired = state.deployment.spec?.replicas ?? 1;
  if (specReplicas(newRS) !== desired) {
    const size = specReplicas(newRS) > desired ? desired : newReplicaSetReplicas(state.deployment, sum(scaler.all, specReplicas), specReplicas(newRS));
    if (scaler.scale(newRS, size)) return;
  }
  if (reconcileOldReplicaSets(scaler, state)) return;
  if (completeWith(state.deployment, scaler.all, state.newRS)) scaler.cleanup();
}

function reconcileOldReplicaSets(scaler: ReplicaSetScaler, state: DeploymentSync): boolean {
  const newRS = state.newRS as ReplicaSet;
  if (sum(state.oldRSs, specReplicas) === 0) return false;
  const { maxUnavailable } = rollingParameters(state.deployment);
  const minAvailable = (state.deployment.spec?.replicas ?? 1) - maxUnavailable;
  const newUnavailable = specReplicas(newRS) - availableReplicas(newRS);
  const maxScaledDown = sum(scaler.all, specReplicas) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // cleanupUnhealthyReplicas: old replicas that are not available go first, whatever availability allows.
  let cleaned = 0;
  for (const rs of byCreation(state.oldRSs)) {
    if (cleaned >= maxScaledDown) break;
    const unhealthy = specReplicas(rs) - availableReplicas(rs);
    if (specReplicas(rs) === 0 || unhealthy <= 0) continue;
    const count = Math.min(maxScaledDown - cleaned, unhealthy);
    scaler.scale(rs, specReplicas(rs) - count);
    cleaned += count;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: then as many as keep minAvailable pods available.
  const availableNow = sum(scaler.all, availableReplicas);
  let scaledDown = 0;
  if (availableNow > minAvailable) {
    const total = availableNow - minAvailable;
    for (const rs of byCreation(state.oldRSs)) {
      if (scaledDown >= total) break;
      if (specReplicas(rs) === 0) continue;
      const count = Math.min(specReplicas(rs), total - scaledDown);
      scaler.scale(rs, specReplicas(rs) - count);
      scaledDown += count;
    }
  }
  return cleaned + scaledDown > 0;
}

/**
 * rolloutRecreate (recreate.go): scale every old ReplicaSet to 0, wait until none of their pods is left running,
 * then create (or scale) the new one to spec.replicas.
 */
export function rolloutRecreate(scaler: ReplicaSetScaler, state: DeploymentSync, oldPods: readonly Pod[]): void {
  scaler.syncRevision(false);
  let scaledDown = false;
  for (const rs of active(state.oldRSs)) scaledDown = scaler.scale(rs, 0) || scaledDown;
  if (scaledDown) return;
  if (oldPods.length > 0 || state.oldRSs.some((rs) => statusReplicas(rs) > 0)) return;
  scaler.syncRevision(true);
  const newRS = state.newRS;
  if (newRS && specReplicas(newRS) !== (state.deployment.spec?.replicas ?? 1)) scaler.scale(newRS, state.deployment.spec?.replicas ?? 1);
  if (completeWith(state.deployment, scaler.all, state.newRS)) scaler.cleanup();
}
