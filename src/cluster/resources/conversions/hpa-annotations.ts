import { deleteAnnotations, isFields, isUnset, type Fields } from './json-fields.js';

/**
 * The annotations that carry autoscaling/v2 fields through versions that lack them (k/k
 * pkg/apis/autoscaling/annotations.go), and the helper that drops them (pkg/apis/autoscaling/helpers.go
 * DropRoundTripHorizontalPodAutoscalerAnnotations).
 */
export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
/** autoscaling/v2beta2 keeps the 1.33 alpha `tolerance` fields in these (pkg/apis/autoscaling/v2beta2/conversion.go). */
export const TOLERANCE_SCALE_DOWN_ANNOTATION = 'autoscaling.alpha.kubernetes.io/scale-down-tolerance';
export const TOLERANCE_SCALE_UP_ANNOTATION = 'autoscaling.alpha.kubernetes.io/scale-up-tolerance';

const ROUND_TRIP_ANNOTATIONS = [
  METRIC_SPECS_ANNOTATION,
  BEHAVIOR_ANNOTATION,
  TOLERANCE_SCALE_DOWN_ANNOTATION,
  TOLERANCE_SCALE_UP_ANNOTATION,
  METRIC_STATUSES_ANNOTATION,
  CONDITIONS_ANNOTATION,
];

export function dropRoundTripAnnotations(object: Fields): void {
  deleteAnnotations(object, ROUND_TRIP_ANNOTATIONS);
}

/** A JSON annotation's value, or undefined when absent or not parseable (upstream would fail the decode). */
export function parseAnnotation(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/*
 * The behavior annotation holds `json.Marshal` of the *internal* HorizontalPodAutoscalerBehavior, a type
 * without json tags (upstream marks it as a TODO): its keys are the Go field names, and nil pointers and
 * slices are written as null. Reading it back, Go's encoding/json matches keys case-insensitively.
 */
function rulesToGo(rules: unknown): unknown {
  if (!isFields(rules)) return null;
  const policies = Array.isArray(rules['policies'])
    ? rules['policies'].filter(isFields).map((p) => ({ Type: p['type'] ?? '', Value: p['value'] ?? 0, PeriodSeconds: p['periodSeconds'] ?? 0 }))
    : null;
  return {
    StabilizationWindowSeconds: rules['stabilizationWindowSeconds'] ?? null,
    SelectPolicy: rules['selectPolicy'] ?? null,
    Policies: policies,
    Tolerance: rules['tolerance'] ?? null,
  };
}

export function behaviorToAnnotation(behavior: Fields): string {
  return JSON.stringify({ ScaleUp: rulesToGo(behavior['scaleUp']), ScaleDown: rulesToGo(behavior['scaleDown']) });
}

/** encoding/json field lookup: the exact key, else the first key equal ignoring case. */
function lookup(object: Fields, name: string): unknown {
  if (name in object) return object[name];
  const key = Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

class Malformed extends Error {}

function optional(value: unknown, type: 'number' | 'string'): unknown {
  if (isUnset(value)) return undefined;
  if (typeof value !== type) throw new Malformed();
  return value;
}

function rulesFromGo(value: unknown): Fields | undefined {
  if (isUnset(value)) return undefined;
  if (!isFields(value)) throw new Malformed();
  const rules: Fields = {};
  const window = optional(lookup(value, 'StabilizationWindowSeconds'), 'number');
  if (window !== undefined) rules['stabilizationWindowSeconds'] = window;
  const select = optional(lookup(value, 'SelectPolicy'), 'string');
  if (select !== undefined) rules['selectPolicy'] = select;
  const policies = lookup(value, 'Policies');
  if (!isUnset(policies)) {
    if (!Array.isArray(policies)) throw new Malformed();
    const list = policies.map((p) => {
      if (!isFields(p)) throw new Malformed();
      return {
        type: optional(lookup(p, 'Type'), 'string') ?? '',
        value: optional(lookup(p, 'Value'), 'number') ?? 0,
        periodSeconds: optional(lookup(p, 'PeriodSeconds'), 'number') ?? 0,
      };
    });
    // v2 `policies` is omitempty: an empty list is not written.
    if (list.length > 0) rules['policies'] = list;
  }
  const tolerance = lookup(value, 'Tolerance');
  if (typeof tolerance === 'string' || typeof tolerance === 'number') rules['tolerance'] = String(tolerance);
  return rules;
}

/**
 * The v2 behavior the annotation holds, or undefined when it does not parse or is the zero behavior
 * (upstream moves only "well-formed data from annotations to fields").
 */
export function behaviorFromAnnotation(value: string | undefined): Fields | undefined {
  const parsed = parseAnnotation(value);
  if (!isFields(parsed)) return undefined;
  try {
    const scaleUp = rulesFromGo(lookup(parsed, 'ScaleUp'));
    const scaleDown = rulesFromGo(lookup(parsed, 'ScaleDown'));
    if (!scaleUp && !scaleDown) return undefined;
    const behavior: Fields = {};
    if (scaleUp) behavior['scaleUp'] = scaleUp;
    if (scaleDown) behavior['scaleDown'] = scaleDown;
    return behavior;
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}
