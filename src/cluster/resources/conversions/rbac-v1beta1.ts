import type { KubeObject } from '../../objects.js';
import { ensureFields, isEmpty, itemsAt, retyped, type Fields } from './json-fields.js';

/**
 * Role, ClusterRole, RoleBinding, ClusterRoleBinding at rbac.authorization.k8s.io/v1beta1 or v1alpha1 →
 * v1. v1beta1 has v1's fields; v1alpha1 names a subject's group with `apiVersion`, not `apiGroup`
 * (k/k pkg/apis/rbac/v1alpha1/conversion.go). Both default roleRef.apiGroup (SetDefaults_*RoleBinding).
 */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';
const ALL_AUTHENTICATED = 'system:authenticated';

type RbacVersion = 'v1beta1' | 'v1alpha1';

/** v1beta1 SetDefaults_Subject: an empty apiGroup of the three known kinds. */
function defaultSubjectV1beta1(subject: Fields): void {
  if (!isEmpty(subject['apiGroup'])) return;
  if (subject['kind'] === 'User' || subject['kind'] === 'Group') subject['apiGroup'] = RBAC_GROUP;
}

/** Go's schema.ParseGroupVersion: "" and "v1" have no group, "g/v" has g, more slashes are an error. */
function groupOf(apiVersion: unknown): string | undefined {
  if (typeof apiVersion !== 'string' || apiVersion === '') return '';
  const parts = apiVersion.split('/');
  if (parts.length === 1) return '';
  return parts.length === 2 ? parts[0] : undefined;
}

function convertSubjectV1alpha1(subject: Fields): Fields {
  const { kind, apiVersion, name, namespace, ...rest } = subject;
  let apiGroup: string | undefined;
  if (kind === 'ServiceAccount') apiGroup = '';
  else if (kind === 'User' || kind === 'Group') apiGroup = RBAC_GROUP;
  else apiGroup = groupOf(apiVersion) ?? '';
  let outKind = kind;
  let outName = name;
  // v1alpha1's User "*" meant every authenticated user.
  if (kind === 'User' && apiGroup === RBAC_GROUP && name === '*') {
    outKind = 'Group';
    outName = ALL_AUTHENTICATED;
  }
  const out: Fields = { kind: outKind ?? '' };
  if (apiGroup !== '') out['apiGroup'] = apiGroup; // omitempty
  out['name'] = outName ?? '';
  if (!isEmpty(namespace)) out['namespace'] = namespace;
  return { ...out, ...rest };
}

export function rbacToV1(object: Fields, version: RbacVersion): KubeObject {
  const kind = String(object['kind']);
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const roleRef = ensureFields(object, 'roleRef');
    if (isEmpty(roleRef['apiGroup'])) roleRef['apiGroup'] = RBAC_GROUP;
    if (Array.isArray(object['subjects'])) {
      const subjects = itemsAt(object, 'subjects');
      if (version === 'v1alpha1') object['subjects'] = subjects.map(convertSubjectV1alpha1);
      else subjects.forEach(defaultSubjectV1beta1);
    }
  }
  return retyped(object, `${RBAC_GROUP}/v1`, kind);
}
