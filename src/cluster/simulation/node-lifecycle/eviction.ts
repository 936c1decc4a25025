import type { Pod } from '../../objects.js';
import { DEFAULT_TOLERATION_SECONDS } from '../../pod-admission-defaults.js';
import { NOT_READY_TAINT_KEY, tolerated, toleratesTaint, UNREACHABLE_TAINT_KEY } from '../taints.js';
import type { Taint } from '../types.js';

/**
 * When the taint manager evicts `pod` from a node with these taints (pkg/controller/tainteviction): at once if a
 * NoExecute taint is not tolerated, at the earliest timeAdded + tolerationSeconds otherwise, never when every
 * toleration is unbounded. Pods stored without the admission-added tolerations are treated as having them.
 */
export function evictionDue(pod: Pod, taints: readonly Taint[], now: number): number | undefined {
  const tolerations = [...(pod.spec?.tolerations ?? [])];
  for (const key of [NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY]) {
    if (!tolerated(tolerations, { key, effect: 'NoExecute' })) {
      tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
  }
  let due: number | undefined;
  for (const taint of taints.filter((t) => t.effect === 'NoExecute')) {
    const matching = tolerations.filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return now;
    const bounded = matching.map((t) => t.tolerationSeconds).filter((s): s is number => typeof s === 'number');
    if (bounded.length < matching.length) continue;
    const added = taint.timeAdded ? Date.parse(taint.timeAdded) : now;
    const at = added + Math.max(0, Math.min(...bounded)) * 1000;
    due = due === undefined ? at : Math.min(due, at);
  }
  return due;
}
