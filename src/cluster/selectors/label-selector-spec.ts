import type { V1LabelSelector } from '@kubernetes/client-node';
import type { Wire } from '../objects.js';
import { createLabelSelector } from './label-selector.js';
import type { LabelOperator, LabelRequirement, LabelSelector } from './types.js';

/** A metav1.LabelSelector as objects carry it (a workload's spec.selector): matchLabels and matchExpressions. */
export type LabelSelectorSpec = Wire<V1LabelSelector>;

type Labels = Readonly<Record<string, string>>;

const OPERATORS: Readonly<Record<string, LabelOperator>> = { In: 'In', NotIn: 'NotIn', Exists: 'Exists', DoesNotExist: 'DoesNotExist' };

/**
 * metav1.LabelSelectorAsSelector (apimachinery pkg/apis/meta/v1/helpers.go): matchLabels as `key=value` and
 * matchExpressions ANDed, sorted by key. Undefined when the selector cannot be converted: an unknown operator,
 * In/NotIn without values, Exists/DoesNotExist with some. A nil or empty selector selects everything here;
 * callers decide what a missing one means.
 */
export function labelSelectorAsSelector(spec: LabelSelectorSpec | undefined | null): LabelSelector | undefined {
  const requirements: LabelRequirement[] = Object.entries(spec?.matchLabels ?? {}).map(([key, value]) => ({ key, operator: 'Equals', values: [value] }));
  for (const expression of spec?.matchExpressions ?? []) {
    const operator = OPERATORS[expression.operator];
    const values = expression.values ?? [];
    if (!operator) return undefined;
    if ((operator === 'In' || operator === 'NotIn') !== values.length > 0) return undefined;
    requirements.push({ key: expression.key, operator, values });
  }
  return createLabelSelector(requirements);
}

/**
 * Whether a controller's selector selects these labels: a missing selector matches nothing (a controller with no
 * selector owns no pods), an empty one matches everything, an unconvertible one nothing, as upstream.
 */
export function selectorMatches(spec: LabelSelectorSpec | undefined, labels: Labels | undefined): boolean {
  if (!spec) return false;
  return labelSelectorAsSelector(spec)?.matches(labels ?? {}) ?? false;
}

/**
 * labels.SelectorFromSet(set).Matches(labels): every pair of the set must match, so an empty or absent set selects
 * everything (a pod's nodeSelector, a ReplicaSet's template labels).
 */
export function labelSetMatches(set: Labels | undefined, labels: Labels | undefined): boolean {
  return Object.entries(set ?? {}).every(([key, value]) => labels?.[key] === value);
}

/**
 * A Service's spec.selector (a plain map, labels.SelectorFromSet): every pair must match; an empty or absent one
 * selects nothing, as the endpoints controllers treat a Service without a selector.
 */
export function mapSelectorMatches(selector: Labels | undefined, labels: Labels | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return labelSetMatches(selector, labels);
}
