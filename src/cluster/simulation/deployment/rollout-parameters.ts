import type { Deployment } from '../replicaset/workload-objects.js';

/**
 * intstr.GetScaledValueFromIntOrPercent: a number as is, "25%" of `total` rounded up (maxSurge) or down
 * (maxUnavailable).
 */
export function scaledValue(value: number | string | undefined, fallback: string, total: number, roundUp: boolean): number {
  const given = value ?? fallback;
  if (typeof given === 'number') return given;
  const percent = /^(\d+)%$/.exec(given);
  if (!percent) return Number.parseInt(given, 10) || 0;
  const exact = (Number(percent[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * deploymentutil.ResolveFenceposts, MaxSurge and MaxUnavailable (k/k pkg/controller/deployment/util): both
 * default to 25%; when both resolve to 0, maxUnavailable becomes 1 so a rollout can proceed. A Recreate
 * deployment has neither.
 */
export function rollingParameters(deployment: Deployment): { maxSurge: number; maxUnavailable: number } {
  // A spec is never changed in place: what it resolves to is kept with it.
  const spec = deployment.spec;
  const known = spec && resolved.get(spec);
  if (known) return known;
  const parameters = resolve(deployment);
  if (spec) resolved.set(spec, parameters);
  return parameters;
}

const resolved = new WeakMap<object, { maxSurge: number; maxUnavailable: number }>();

function resolve(deployment: Deployment): { maxSurge: number; maxUnavailable: number } {
  const replicas = deployment.spec?.replicas ?? 1;
  if (deployment.spec?.strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: 0 };
  const rolling = deployment.spec?.strategy?.rollingUpdate;
  const maxSurge = scaledValue(rolling?.maxSurge as number | string | undefined, '25%', replicas, true);
  let maxUnavailable = scaledValue(rolling?.maxUnavailable as number | string | undefined, '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}
