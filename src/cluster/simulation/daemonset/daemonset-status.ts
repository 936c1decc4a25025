import type { Pod } from '../../objects.js';
import { isPodReady, podAvailability } from '../replicaset/pod-state.js';
import type { DaemonSet } from '../replicaset/workload-objects.js';
import type { DaemonNode } from './daemon-pods.js';

export type DaemonSetStatus = NonNullable<DaemonSet['status']>;

/** A DaemonSet's pods on a node, oldest first. */
export type PodsOn = (nodeName: string) => readonly Pod[];

/**
 * updateDaemonSetStatus (pkg/controller/daemon/daemon_controller.go): per node that should run the pod, whether
 * it has one (the oldest counts), Ready, available, of the current template; pods on nodes that should not run
 * one are misscheduled. The last three counters are omitempty.
 */
export function daemonSetStatus(
  ds: DaemonSet,
  nodes: readonly DaemonNode[],
  podsOn: PodsOn,
  isUpdated: (pod: Pod) => boolean,
  now: number,
): { status: DaemonSetStatus; nextAvailableAt?: number } {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  let nextAvailableAt: number | undefined;
  for (const node of nodes) {
    const pods = podsOn(node.name);
    if (!node.shouldRun) {
      if (pods.length > 0) misscheduled++;
      continue;
    }
    desired++;
    const pod = pods[0];
    if (!pod) continue;
    current++;
    if (isPodReady(pod)) {
      ready++;
      const availability = podAvailability(pod, ds.spec?.minReadySeconds ?? 0, now);
      if (availability.available) available++;
      else if (availability.availableAt !== undefined) nextAvailableAt = Math.min(nextAvailableAt ?? Infinity, availability.availableAt);
    }
    if (isUpdated(pod)) updated++;
  }
  const count = (key: string, value: number): Record<string, number> => (value > 0 ? { [key]: value } : {});
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation ?? 1,
    ...count('updatedNumberScheduled', updated),
    ...count('numberAvailable', available),
    ...count('numberUnavailable', desired - available),
    ...(ds.status?.collisionCount ? { collisionCount: ds.status.collisionCount } : {}),
    ...(ds.status?.conditions?.length ? { conditions: ds.status.conditions } : {}),
  };
  return nextAvailableAt === undefined ? { status } : { status, nextAvailableAt };
}
