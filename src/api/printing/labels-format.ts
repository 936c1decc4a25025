import { labelSelectorAsSelector, type LabelSelectorSpec } from '../../cluster/index.js';

/**
 * Label maps and label selectors as text, the way the printers show them: apimachinery pkg/labels
 * (Set.String, FormatLabels, Requirement.String) and pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector,
 * FormatLabelSelector).
 */

export type LabelSelector = LabelSelectorSpec;

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

/**
 * The selector's string form (metav1.LabelSelectorAsSelector, then String), or undefined when the selector cannot
 * be converted. A nil or empty selector gives `""`.
 */
export function labelSelectorString(selector: LabelSelector | undefined | null): string | undefined {
  if (!selector) return '';
  return labelSelectorAsSelector(selector)?.toString();
}

/** metav1.FormatLabelSelector: `<none>` when empty, `<error>` when the selector is not convertible. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const text = labelSelectorString(selector);
  if (text === undefined) return '<error>';
  return text || '<none>';
}
