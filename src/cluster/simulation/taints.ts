import type { Taint, Toleration } from './types.js';

/** core/v1 Toleration.ToleratesTaint (k8s.io/api core/v1/toleration.go): effect, key and operator must agree. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function tolerated(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((toleration) => toleratesTaint(toleration, taint));
}

/** The first taint with one of `effects` that no toleration tolerates (scheduler TaintToleration plugin). */
export function firstUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  effects: readonly string[],
): Taint | undefined {
  return (taints ?? []).find((taint) => effects.includes(taint.effect) && !tolerated(tolerations, taint));
}

export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';
export const NOT_READY_TAINT_KEY = 'node.kubernetes.io/not-ready';
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';
