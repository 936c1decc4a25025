import type { LabelSelector } from './labels-format.js';

/**
 * A metav1.LabelSelector the way Go prints it with `String()`: the gogo-protobuf generated struct dump of
 * apimachinery pkg/apis/meta/v1/generated.pb.go, not selector syntax. The ValidatingAdmissionPolicyBinding printer
 * (k/k pkg/printers/internalversion/printers.go) shows a selector-based paramRef this way, e.g.
 * `&LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}`.
 */

/** Go's byte-wise string order (sortkeys.Strings); label keys are ASCII, so code units order the same. */
const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `%v` of a []string: `[a b]`, `[]` when nil or empty. */
function goStringSlice(values: readonly string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}

export function goLabelSelectorString(selector: LabelSelector): string {
  const labels = selector.matchLabels ?? {};
  // Map entries in sorted key order, each `key: value,`.
  const matchLabels = Object.keys(labels)
    .sort(byKey)
    .map((key) => `${key}: ${labels[key] ?? ''},`)
    .join('');
  // Each requirement is its own String() with the leading `&` dropped, followed by `,`; order as given.
  const matchExpressions = (selector.matchExpressions ?? [])
    .map((r) => `LabelSelectorRequirement{Key:${r.key},Operator:${r.operator},Values:${goStringSlice(r.values)},},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${matchLabels}},MatchExpressions:[]LabelSelectorRequirement{${matchExpressions}},}`;
}
