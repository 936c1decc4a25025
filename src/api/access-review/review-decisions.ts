/**
 * What kubefacade's one user may do: read everything, change nothing — the rules of a read-only RBAC role
 * (get, list, watch on every resource; get on every non-resource URL; creating its own access reviews).
 */
const READ_VERBS = new Set(['get', 'list', 'watch']);

export interface ResourceAttributes {
  namespace?: string;
  verb?: string;
  group?: string;
  version?: string;
  resource?: string;
  subresource?: string;
  name?: string;
}

export interface NonResourceAttributes {
  path?: string;
  verb?: string;
}

export function resourceAllowed(attributes: ResourceAttributes): boolean {
  if (attributes.group === 'authorization.k8s.io' && attributes.verb === 'create') {
    return attributes.resource === 'selfsubjectaccessreviews' || attributes.resource === 'selfsubjectrulesreviews';
  }
  return READ_VERBS.has(attributes.verb ?? '');
}

export function nonResourceAllowed(attributes: NonResourceAttributes): boolean {
  return attributes.verb === 'get';
}

/** The rules a SelfSubjectRulesReview lists, in the shape kubectl `auth can-i --list` prints. */
export const RESOURCE_RULES = [
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] },
];

export const NON_RESOURCE_RULES = [{ verbs: ['get'], nonResourceURLs: ['*'] }];
