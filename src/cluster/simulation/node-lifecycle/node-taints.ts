import type { Node } from '../../objects.js';
import { NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY, UNSCHEDULABLE_TAINT_KEY } from '../taints.js';
import type { Taint } from '../types.js';

const MANAGED = [UNREACHABLE_TAINT_KEY, NOT_READY_TAINT_KEY, UNSCHEDULABLE_TAINT_KEY];

/**
 * The taints the node lifecycle controller keeps in step with a node's state (pkg/controller/nodelifecycle:
 * doNoScheduleTaintingPass, doNoExecuteTaintingPass): Ready Unknown → unreachable, Ready False → not-ready, both
 * NoSchedule and NoExecute (the latter with timeAdded); spec.unschedulable → unschedulable:NoSchedule.
 */
export function desiredTaints(node: Node, readyStatus: string | undefined, now: string): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const wanted: Taint[] = [];
  const key = readyStatus === 'Unknown' ? UNREACHABLE_TAINT_KEY : readyStatus === 'False' ? NOT_READY_TAINT_KEY : undefined;
  if (key) {
    wanted.push({ key, effect: 'NoSchedule' });
    const existing = current.find((t) => t.key === key && t.effect === 'NoExecute');
    wanted.push({ key, effect: 'NoExecute', timeAdded: existing?.timeAdded ?? now });
  }
  if (node.spec?.unschedulable) wanted.push({ key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule' });
  const kept = current.filter((t) => !MANAGED.includes(t.key));
  const next = [...kept, ...wanted.map((w) => current.find((t) => t.key === w.key && t.effect === w.effect && t.timeAdded === w.timeAdded) ?? w)];
  const same =
    next.length === current.length && next.every((t) => current.some((c) => c.key === t.key && c.effect === t.effect && c.timeAdded === t.timeAdded));
  return same ? undefined : next;
}
