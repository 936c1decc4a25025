import type { Pod } from '../../cluster/index.js';
import { timestampMillis } from './human-duration.js';

/**
 * The READY, STATUS and RESTARTS of a pod: k/k pkg/printers/internalversion/printers.go printPod.
 * Reason precedence: pod reason/phase, then init containers, then regular containers walked from last to first
 * (so the first container in spec order wins), then deletion.
 */

type PodStatus = NonNullable<Pod['status']>;
type ContainerStatus = NonNullable<PodStatus['containerStatuses']>[number];
type Terminated = NonNullable<NonNullable<ContainerStatus['state']>['terminated']>;

export interface PodSummary {
  readyContainers: number;
  totalContainers: number;
  reason: string;
  restarts: number;
  /** Epoch ms of the newest `lastState.terminated.finishedAt` counted, if any. */
  lastRestart: number | undefined;
}

/** node.NodeUnreachablePodReason (k/k pkg/util/node). */
const NODE_LOST = 'NodeLost';

/** Tracks a restart total and the newest restart time, as printPod does twice (all containers, sidecars). */
class RestartTally {
  count = 0;
  last: number | undefined;

  add(status: ContainerStatus): void {
    this.count += status.restartCount ?? 0;
    const finished = timestampMillis(status.lastState?.terminated?.finishedAt);
    if (finished !== undefined && (this.last === undefined || finished > this.last)) this.last = finished;
  }
}

function hasCondition(status: PodStatus | undefined, type: string): boolean {
  return status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

/** `Signal:<n>` or `ExitCode:<code>`: a termination without a reason. */
function terminationCode(terminated: Terminated): string {
  return terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
}

export function summarizePod(pod: Pod): PodSummary {
  const status = pod.status;
  const phase = status?.phase ?? '';
  let reason = status?.reason || phase;
  if (status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  // Sidecars (init containers with restartPolicy Always) count as containers of the pod.
  const initContainers = pod.spec?.initContainers ?? [];
  const sidecars = new Set(initContainers.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const totalContainers = (pod.spec?.containers?.length ?? 0) + sidecars.size;
  let readyContainers = 0;

  const all = new RestartTally();
  const sidecarTally = new RestartTally();
  let initializing = false;
  const initStatuses = status?.initContainerStatuses ?? [];
  for (const [i, container] of initStatuses.entries()) {
    all.add(container);
    const isSidecar = sidecars.has(container.name);
    if (isSidecar) sidecarTally.add(container);
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (isSidecar && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    initializing = true;
    if (terminated) {
      reason = terminated.reason ? `Init:${terminated.reason}` : `Init:${terminationCode(terminated)}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    break;
  }

  let restarts = all.count;
  let lastRestart = all.last;
  if (!initializing || hasCondition(status, 'Initialized')) {
    const tally = sidecarTally;
    let hasRunning = false;
    const statuses = status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i] as ContainerStatus;
      tally.add(container);
      const terminated = container.state?.terminated;
      if (container.state?.waiting?.reason) {
        reason = container.state.waiting.reason;
      } else if (terminated) {
        reason = terminated.reason || terminationCode(terminated);
      } else if (container.ready && container.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    restarts = tally.count;
    lastRestart = tally.last;
    // A pod whose finished container reports Completed while another still runs is not complete.
    if (reason === 'Completed' && hasRunning) reason = hasCondition(status, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status?.reason === NODE_LOST) {
    reason = 'Unknown';
  } else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') {
    reason = 'Terminating';
  }

  return { readyContainers, totalContainers, reason, restarts, lastRestart };
}
