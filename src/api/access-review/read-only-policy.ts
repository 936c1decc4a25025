import type { AuthorizationAttributes } from '../request/request-attributes.js';

/**
 * The one policy kubefacade enforces, written as RBAC rules so that the 403s, SelfSubjectAccessReview answers and
 * SelfSubjectRulesReview listings all come from the same place: everyone may read everything (the facade is
 * read-only) and may ask about their own access and identity, as system:basic-user grants upstream
 * (k/k plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go). Nothing else is allowed.
 *
 * RBAC's `*` names subresources too, so reading everything includes `get` on nodes/proxy, pods/proxy and
 * services/proxy, which is how a GET through a proxy is authorized (apiserver pkg/endpoints/request/requestinfo.go):
 * the simulated kubelet's Summary and log files are readable (api/proxy/). It also includes `get` on pods/exec,
 * pods/attach and pods/portforward; opening those streams needs `create` as well, which is never granted
 * (api/connect/stream-connect.ts).
 */
export interface ResourceRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
}

export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs: string[];
}

export const RESOURCE_RULES: readonly ResourceRule[] = [
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
  { verbs: ['get', 'list', 'watch'], apiGroups: ['*'], resources: ['*'] },
];

export const NON_RESOURCE_RULES: readonly NonResourceRule[] = [{ verbs: ['get'], nonResourceURLs: ['*'] }];

/** Rule matching as RBAC does it (k/k pkg/apis/rbac/v1/evaluation_helpers.go). */
const matches = (values: readonly string[], value: string): boolean => values.includes('*') || values.includes(value);

function resourceMatches(rule: ResourceRule, resource: string, subresource: string): boolean {
  const combined = subresource === '' ? resource : `${resource}/${subresource}`;
  return rule.resources.some((r) => r === '*' || r === combined || (subresource !== '' && r === `*/${subresource}`));
}

function nonResourceURLMatches(rule: NonResourceRule, path: string): boolean {
  return rule.nonResourceURLs.some((url) => url === '*' || url === path || (url.endsWith('*') && path.startsWith(url.slice(0, -1))));
}

export function isAllowed(attributes: AuthorizationAttributes): boolean {
  if (!attributes.isResourceRequest) {
    return NON_RESOURCE_RULES.some((rule) => matches(rule.verbs, attributes.verb) && nonResourceURLMatches(rule, attributes.path));
  }
  return RESOURCE_RULES.some(
    (rule) =>
      matches(rule.verbs, attributes.verb) &&
      matches(rule.apiGroups, attributes.apiGroup) &&
      resourceMatches(rule, attributes.resource, attributes.subresource) &&
      (rule.resourceNames === undefined || rule.resourceNames.length === 0 || rule.resourceNames.includes(attributes.name)),
  );
}
