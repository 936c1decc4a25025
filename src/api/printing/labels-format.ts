import type { V1LabelSelector } from '@kubernetes/client-node';
import type { Wire } from '../../cluster/index.js';

/**
 * Label maps and label selectors as text, the way the printers show them: apimachinery pkg/labels
 * (Set.String, FormatLabels, Requirement.String) and pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector,
 * FormatLabelSelector).
 */

export type LabelSelector = Wire<V1LabelSelector>;

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `k1=v1,k2=v2` sorted by key; an empty map gives `""`. */
export function labelsString(labels: Record<string, string> | undefined): string {
  return Object.keys(labels ?? {})
    .sort(byKey)
    .map((key) => `${key}=${labels?.[key] ?? ''}`)
    .join(',');
}

/** labels.FormatLabels: like labelsString, but `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  return labelsString(labels) || '<none>';
}

interface Requirement {
  key: string;
  text: string;
}

/**
 * The selector's string form, or undefined when the selector cannot be converted (an unknown operator, or
 * values that do not fit the operator). A nil or empty selector gives `""`.
 */
export function labelSelectorString(selector: LabelSelector | undefined | null): string | undefined {
  if (!selector) return '';
  const requirements: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, text: `${key}=${value}` }));
  for (const expression of selector.matchExpressions ?? []) {
    const values = [...(expression.values ?? [])].sort(byKey);
    switch (expression.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return undefined;
        requirements.push({ key: expression.key, text: `${expression.key} ${expression.operator === 'In' ? 'in' : 'notin'} (${values.join(',')})` });
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return undefined;
        requirements.push({ key: expression.key, text: expression.operator === 'Exists' ? expression.key : `!${expression.key}` });
        break;
      default:
        return undefined;
    }
  }
  // labels.internalSelector keeps its requirements sorted by key.
  return requirements
    .sort((a, b) => byKey(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: `<none>` when empty, `<error>` when the selector is not convertible. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const text = labelSelectorString(selector);
  if (text === undefined) return '<error>';
  return text || '<none>';
}
