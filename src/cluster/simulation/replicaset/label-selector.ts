import type { LabelOperator, LabelRequirement } from '../../selectors/index.js';
import { createLabelSelector } from '../../selectors/index.js';
import type { LabelSelectorSpec } from './workload-objects.js';

const OPERATORS: Readonly<Record<string, LabelOperator>> = { In: 'In', NotIn: 'NotIn', Exists: 'Exists', DoesNotExist: 'DoesNotExist' };

/**
 * metav1.LabelSelectorAsSelector (apimachinery pkg/apis/meta/v1/helpers.go): matchLabels and matchExpressions
 * ANDed. A missing selector matches nothing (a controller with no selector owns no pods); an empty one matches
 * everything, as upstream.
 */
export function selectorMatches(selector: LabelSelectorSpec | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!selector) return false;
  const requirements: LabelRequirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
  for (const expression of selector.matchExpressions ?? []) {
    const operator = OPERATORS[expression.operator];
    if (!operator) return false;
    requirements.push({ key: expression.key, operator, values: expression.values ?? [] });
  }
  return createLabelSelector(requirements).matches(labels ?? {});
}

/** A Service's spec.selector (a plain map): every pair must match; an empty or absent one selects nothing here. */
export function mapSelectorMatches(selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}
