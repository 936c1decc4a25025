import type { Pod } from '../../objects.js';
import { isPodReady, readyCondition } from './pod-state.js';

const PHASE_RANK: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

const time = (text: string | undefined): number => (text ? Date.parse(text) : -Infinity);
const restarts = (pod: Pod): number => Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));

/**
 * The pods a ReplicaSet scales down first (k/k pkg/controller/controller_utils.go ActivePods Less): not yet
 * scheduled before scheduled, Pending before Unknown before Running, not Ready before Ready, Ready for less time
 * before longer, more restarts before fewer, newer before older; the name breaks what is left of ties.
 */
export function podsToDelete(pods: readonly Pod[], count: number): Pod[] {
  const rank = (a: Pod, b: Pod): number => {
    const assigned = Number(!!a.spec?.nodeName) - Number(!!b.spec?.nodeName);
    if (assigned !== 0) return assigned;
    const phase = (PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0) - (PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0);
    if (phase !== 0) return phase;
    const ready = Number(isPodReady(a)) - Number(isPodReady(b));
    if (ready !== 0) return ready;
    if (isPodReady(a)) {
      const readySince = time(readyCondition(b)?.lastTransitionTime) - time(readyCondition(a)?.lastTransitionTime);
      if (readySince !== 0) return readySince;
    }
    const restarted = restarts(b) - restarts(a);
    if (restarted !== 0) return restarted;
    const created = time(b.metadata.creationTimestamp) - time(a.metadata.creationTimestamp);
    if (created !== 0) return created;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  };
  return [...pods].sort(rank).slice(0, Math.max(0, count));
}
