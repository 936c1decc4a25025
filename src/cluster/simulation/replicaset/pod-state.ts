import { samePlainValue } from '../../meta/index.js';
import type { Pod } from '../../objects.js';

/**
 * Pod predicates the controllers share (k/k pkg/controller/controller_utils.go IsPodActive,
 * pkg/api/v1/pod/util.go IsPodReady / IsPodAvailable).
 */

/** Not finished and not being deleted: a pod that counts towards a controller's replicas. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function readyCondition(pod: Pod): { status: string; lastTransitionTime?: string } | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

const AVAILABLE = Object.freeze({ available: true });
const UNAVAILABLE = Object.freeze({ available: false });

/**
 * Ready for at least minReadySeconds at `now`. When not yet, `availableAt` says when it will be, so the caller
 * can look again then (the controllers' AddAfter(key, minReadySeconds)).
 */
export function podAvailability(pod: Pod, minReadySeconds: number, now: number): Readonly<{ available: boolean; availableAt?: number }> {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return UNAVAILABLE;
  if (minReadySeconds <= 0) return AVAILABLE;
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : now;
  const availableAt = since + minReadySeconds * 1000;
  return availableAt <= now ? AVAILABLE : { available: false, availableAt };
}

/**
 * Whether a pod change can change what a ReplicaSet's sync reads of the pod: whose it is (labels, controller),
 * whether it counts (deletion, a finished phase) and whether it is Ready, since when. A bind or a status write that
 * only moves container states or IPs cannot, so it wakes no ReplicaSet: a sync then would do exactly what the one
 * before it did. `nodeOf`: the sync also reads which node the pod is for (a DaemonSet's, whose pods name their node
 * before they are bound to it, so a bind changes nothing it reads).
 */
export function concernsController(before: Pod | undefined, after: Pod | undefined, nodeOf?: (pod: Pod) => string | undefined): boolean {
  if (!before || !after) return true;
  const readyBefore = isPodReady(before);
  const readyAfter = isPodReady(after);
  return (
    before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp ||
    isPodActive(before) !== isPodActive(after) ||
    readyBefore !== readyAfter ||
    (readyAfter && readyCondition(before)?.lastTransitionTime !== readyCondition(after)?.lastTransitionTime) ||
    !samePlainValue(before.metadata.labels, after.metadata.labels) ||
    !samePlainValue(before.metadata.ownerReferences, after.metadata.ownerReferences) ||
    (nodeOf !== undefined && nodeOf(before) !== nodeOf(after))
  );
}
