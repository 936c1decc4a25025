import type { KubeObject } from '../../objects.js';
import { ensureFields, fieldsAt, isEmpty, itemsAt, retyped, type Fields } from './json-fields.js';

/**
 * policy/v1beta1 PodDisruptionBudget → policy/v1 (k/k pkg/apis/policy/v1beta1/conversion.go and the
 * selectors in pkg/apis/policy/helper.go). The fields are the same, but an empty selector changed meaning:
 * in v1beta1 it selects no pod, in v1 every pod of the namespace. Upstream keeps each budget's meaning by
 * spelling "none" and "all" with expressions on a reserved label key.
 */
export const PDB_V1BETA1_LABEL = 'pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match';

/** v1beta1's `{}`: upstream compares with a semantic DeepEqual, to which nil and empty lists are equal. */
function isEmptySelector(selector: Fields): boolean {
  return isEmpty(selector['matchLabels']) && isEmpty(selector['matchExpressions']);
}

/** v1beta1's spelling of "every pod": one DoesNotExist expression on the reserved key, nothing else. */
function isV1beta1MatchAll(selector: Fields): boolean {
  const expressions = itemsAt(selector, 'matchExpressions');
  const only = expressions.length === 1 ? expressions[0] : undefined;
  return (
    isEmpty(selector['matchLabels']) &&
    only !== undefined &&
    Object.keys(selector).every((key) => key === 'matchLabels' || key === 'matchExpressions') &&
    only['key'] === PDB_V1BETA1_LABEL &&
    only['operator'] === 'DoesNotExist' &&
    isEmpty(only['values'])
  );
}

export function podDisruptionBudgetToPolicyV1(object: Fields): KubeObject {
  const spec = ensureFields(object, 'spec');
  const selector = fieldsAt(spec, 'selector');
  if (selector && isEmptySelector(selector)) {
    spec['selector'] = { matchExpressions: [{ key: PDB_V1BETA1_LABEL, operator: 'Exists' }] };
  } else if (selector && isV1beta1MatchAll(selector)) {
    spec['selector'] = {};
  } else if (selector && Array.isArray(selector['matchExpressions'])) {
    // The reserved key never mixes with a user's own expressions.
    const kept = itemsAt(selector, 'matchExpressions').filter((expression) => expression['key'] !== PDB_V1BETA1_LABEL);
    if (kept.length > 0) selector['matchExpressions'] = kept;
    else delete selector['matchExpressions'];
  }
  return retyped(object, 'policy/v1', 'PodDisruptionBudget');
}

/**
 * PodSecurityPolicy (policy/v1beta1 and extensions/v1beta1) has no kind at all in v1.33: its types were
 * deleted from k8s.io/api after the 1.25 removal, so a v1.33 server cannot decode, store or serve it.
 */
export function podSecurityPolicyUnservable(apiVersion: string): string {
  return (
    `${apiVersion} PodSecurityPolicy was removed in Kubernetes v1.25 and has no replacement kind: ` +
    'a v1.33 API server serves no version of it (Pod Security Admission replaced it, and is not an API object)'
  );
}
