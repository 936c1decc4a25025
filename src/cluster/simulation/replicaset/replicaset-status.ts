import type { Pod } from '../../objects.js';
import { labelSetMatches } from '../../selectors/index.js';
import { isPodReady, podAvailability } from './pod-state.js';
import type { ReplicaSet } from './workload-objects.js';

export type ReplicaSetStatus = NonNullable<ReplicaSet['status']>;

/**
 * k/k pkg/controller/replicaset/replica_set_utils.go calculateStatus over the ReplicaSet's active pods: replicas,
 * fullyLabeledReplicas (carrying every template label), readyReplicas, availableReplicas (Ready for
 * minReadySeconds), observedGeneration. All but replicas are omitempty. `nextAvailableAt` is the earliest
 * instant a Ready pod becomes available, when that is still to come.
 */
export function replicaSetStatus(rs: ReplicaSet, activePods: readonly Pod[], now: number): { status: ReplicaSetStatus; nextAvailableAt?: number } {
  const templateLabels = rs.spec?.template?.metadata?.labels;
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let nextAvailableAt: number | undefined;
  for (const pod of activePods) {
    if (labelSetMatches(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) ready++;
    const availability = podAvailability(pod, minReadySeconds, now);
    if (availability.available) available++;
    else if (availability.availableAt !== undefined) nextAvailableAt = Math.min(nextAvailableAt ?? Infinity, availability.availableAt);
  }
  const status = statusOf(rs, { replicas: activePods.length, fullyLabeled, ready, available });
  return nextAvailableAt === undefined ? { status } : { status, nextAvailableAt };
}

/** The status of these counts: all but replicas are omitempty. */
export function statusOf(rs: ReplicaSet, counts: { replicas: number; fullyLabeled: number; ready: number; available: number }): ReplicaSetStatus {
  const count = (key: string, value: number): Record<string, number> => (value > 0 ? { [key]: value } : {});
  return {
    replicas: counts.replicas,
    ...count('fullyLabeledReplicas', counts.fullyLabeled),
    ...count('readyReplicas', counts.ready),
    ...count('availableReplicas', counts.available),
    observedGeneration: rs.metadata.generation ?? 1,
    ...(rs.status?.conditions?.length ? { conditions: rs.status.conditions } : {}),
  };
}
