import { withFields } from '../../meta/index.js';
import type { Pod } from '../../objects.js';
import type { PodCondition } from '../types.js';
import type { ContainerRun } from './container-run.js';

/** What the kubelet knows of a pod beyond its containers when it posts status. */
export interface PodStatusFacts {
  /** The instant the status is posted, RFC 3339. */
  now: string;
  /** The node's address (status.hostIP). */
  hostIP: string;
  podIP: string | undefined;
  startTime: string | undefined;
  /**
   * Whether the pod's sandbox (network namespace) is up, for PodReadyToStartContainers, which kubelets report
   * since v1.29 (KEP-3085); undefined for older kubelets, which do not.
   */
  sandboxReady?: boolean;
}

/**
 * The status the kubelet's status manager posts for a pod (pkg/kubelet/status, kubelet_pods.go
 * generateAPIPodStatus): phase, the four conditions with their transition times kept while unchanged,
 * IPs and the containers' statuses. Pure: `pod` is not changed; the new status is returned.
 */
/** The message of a pod's Ready and ContainersReady conditions while some containers are not ready (pkg/kubelet/status generate.go). */
export function unreadyContainersMessage(names: readonly string[]): string {
  return `containers with unready status: [${names.join(' ')}]`;
}

export function podStatus(pod: Readonly<Pod>, containers: readonly ContainerRun[], facts: PodStatusFacts): NonNullable<Pod['status']> {
  let allRunning = containers.length > 0;
  let unready: string[] | undefined;
  for (const c of containers) {
    if (!c.started) allRunning = false;
    if (!c.ready) (unready ??= []).push(c.name);
  }
  const previous = pod.status?.conditions ?? [];
  const notReady = unready ? unreadyContainersMessage(unready) : undefined;
  const condition = (type: string, ok: boolean, message?: string): PodCondition => {
    const before = previous.find((c) => c.type === type);
    const status = ok ? 'True' : 'False';
    const lastTransitionTime = before?.status === status && before.lastTransitionTime ? before.lastTransitionTime : facts.now;
    // The API sends `lastProbeTime: null` for conditions no probe set; the client model cannot type null.
    const result = { type, status, lastTransitionTime, lastProbeTime: null } as unknown as PodCondition;
    if (!ok && message) {
      result.reason = 'ContainersNotReady';
      result.message = message;
    }
    return result;
  };
  const conditions: PodCondition[] = [];
  if (facts.sandboxReady !== undefined) conditions.push(condition('PodReadyToStartContainers', facts.sandboxReady));
  conditions.push(
    condition('Initialized', true),
    condition('Ready', !unready, notReady),
    condition('ContainersReady', !unready, notReady),
    condition('PodScheduled', true),
  );
  const status: NonNullable<Pod['status']> = withFields(pod.status, {
    phase: allRunning || pod.status?.phase === 'Running' ? 'Running' : 'Pending',
    conditions,
    hostIP: facts.hostIP,
    hostIPs: [{ ip: facts.hostIP }],
    containerStatuses: containers.map((c) => c.status()),
    qosClass: pod.status?.qosClass ?? 'BestEffort',
  });
  if (facts.startTime) status.startTime = facts.startTime;
  if (facts.podIP) {
    status.podIP = facts.podIP;
    status.podIPs = [{ ip: facts.podIP }];
  }
  return status;
}
