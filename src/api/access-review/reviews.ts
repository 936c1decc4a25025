import { rfc3339 } from '../../cluster/index.js';
import { ApiError, badRequest } from '../errors/api-error.js';
import type { UserInfo } from './anonymous-user.js';
import { isAllowed, NON_RESOURCE_RULES, RESOURCE_RULES } from './read-only-policy.js';
import type { AuthorizationAttributes } from '../request/request-attributes.js';

/**
 * The three self-subject reviews, as their REST storages answer them (k/k pkg/registry/authorization/
 * selfsubjectaccessreview/rest.go, selfsubjectrulesreview/rest.go, pkg/registry/authentication/selfsubjectreview/rest.go).
 * Inputs have the object's JSON shape, whether the body came as JSON, YAML or protobuf.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Go decodes then re-encodes with omitempty: empty strings, nulls and empty lists vanish; unknown fields too. */
function pickStrings(source: Json, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = source[field];
    if (typeof value === 'string' && value !== '') out[field] = value;
  }
  return out;
}

function compactSelector(value: unknown): Json | undefined {
  if (!isObject(value)) return undefined;
  const out: Json = pickStrings(value, ['rawSelector']);
  const requirements = Array.isArray(value['requirements']) ? value['requirements'].filter(isObject) : [];
  if (requirements.length > 0) {
    out['requirements'] = requirements.map((r) => {
      const values = Array.isArray(r['values']) ? r['values'].filter((v): v is string => typeof v === 'string') : [];
      return {
        key: typeof r['key'] === 'string' ? r['key'] : '',
        operator: typeof r['operator'] === 'string' ? r['operator'] : '',
        ...(values.length > 0 ? { values } : {}),
      };
    });
  }
  return out;
}

const RESOURCE_FIELDS = ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'] as const;

function resourceAttributesOf(value: Json): Json {
  const out: Json = pickStrings(value, RESOURCE_FIELDS);
  const fieldSelector = compactSelector(value['fieldSelector']);
  const labelSelector = compactSelector(value['labelSelector']);
  if (fieldSelector) out['fieldSelector'] = fieldSelector;
  if (labelSelector) out['labelSelector'] = labelSelector;
  return out;
}

/** ObjectMeta counts as empty when only zero values (and managedFields) are set — what kubectl sends. */
function isEmptyMeta(metadata: unknown): boolean {
  if (metadata === undefined || metadata === null) return true;
  if (!isObject(metadata)) return false;
  return Object.entries(metadata).every(
    ([key, value]) =>
      key === 'managedFields' ||
      value === null ||
      value === '' ||
      value === 0 ||
      (Array.isArray(value) && value.length === 0) ||
      (isObject(value) && Object.keys(value).length === 0),
  );
}

interface FieldError {
  field: string;
  detail: string;
}

/** 422 as apimachinery errors.NewInvalid renders it for a review, whose name is always empty. */
function invalidReview(kind: string, group: string, errors: FieldError[]): ApiError {
  const list = errors.map((e) => `${e.field}: ${e.detail}`);
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  return new ApiError(422, 'Invalid', `${kind}.${group} "" is invalid: ${summary}`, {
    group,
    kind,
    causes: errors.map((e) => ({ reason: 'FieldValueInvalid', message: e.detail, field: e.field })),
  });
}

const ACCESS_REVIEW_GROUP = 'authorization.k8s.io';

/** The policy is the same for every user, so the answer depends on the attributes alone. */
export function selfSubjectAccessReview(input: Json): Json {
  const spec = isObject(input['spec']) ? input['spec'] : {};
  const resource = isObject(spec['resourceAttributes']) ? resourceAttributesOf(spec['resourceAttributes']) : undefined;
  const nonResource = isObject(spec['nonResourceAttributes']) ? pickStrings(spec['nonResourceAttributes'], ['path', 'verb']) : undefined;

  // pkg/apis/authorization/validation/validation.go ValidateSelfSubjectAccessReview; the bad values are printed as
  // Go marshals the internal types, which have no JSON tags (hence `{"Path":…,"Verb":…}`).
  const errors: FieldError[] = [];
  if (resource && nonResource) {
    const internal = JSON.stringify({ Path: nonResource['path'] ?? '', Verb: nonResource['verb'] ?? '' });
    errors.push({ field: 'spec.nonResourceAttributes', detail: `Invalid value: ${internal}: cannot be specified in combination with resourceAttributes` });
  }
  if (!resource && !nonResource) {
    errors.push({
      field: 'spec.resourceAttributes',
      detail: 'Invalid value: null: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    });
  }
  if (!isEmptyMeta(input['metadata'])) {
    errors.push({ field: 'metadata', detail: `Invalid value: ${JSON.stringify(input['metadata'])}: must be empty` });
  }
  if (errors.length > 0) throw invalidReview('SelfSubjectAccessReview', ACCESS_REVIEW_GROUP, errors);

  const attributes: AuthorizationAttributes = resource
    ? {
        isResourceRequest: true,
        verb: String(resource['verb'] ?? ''),
        apiGroup: String(resource['group'] ?? ''),
        apiVersion: String(resource['version'] ?? ''),
        namespace: String(resource['namespace'] ?? ''),
        resource: String(resource['resource'] ?? ''),
        subresource: String(resource['subresource'] ?? ''),
        name: String(resource['name'] ?? ''),
        path: '',
      }
    : { isResourceRequest: false, verb: nonResource?.['verb'] ?? '', path: nonResource?.['path'] ?? '' };
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: `${ACCESS_REVIEW_GROUP}/v1`,
    metadata: { creationTimestamp: null },
    spec: resource ? { resourceAttributes: resource } : { nonResourceAttributes: nonResource },
    // RBAC has no opinion on what it does not allow, so a refusal is `allowed: false` without `denied` or a reason.
    status: { allowed: isAllowed(attributes) },
  };
}

/** The rules of the read-only policy; the storage answers with a new object, so the spec comes back empty. */
export function selfSubjectRulesReview(input: Json): Json {
  const spec = isObject(input['spec']) ? input['spec'] : {};
  if (typeof spec['namespace'] !== 'string' || spec['namespace'] === '') throw badRequest('no namespace on request');
  return {
    kind: 'SelfSubjectRulesReview',
    apiVersion: `${ACCESS_REVIEW_GROUP}/v1`,
    metadata: { creationTimestamp: null },
    spec: {},
    status: {
      resourceRules: RESOURCE_RULES.map((rule) => ({ ...rule, verbs: [...rule.verbs] })),
      nonResourceRules: NON_RESOURCE_RULES.map((rule) => ({ ...rule })),
      incomplete: false,
    },
  };
}

/** Who the caller is; the storage stamps the new object with the current time. */
export function selfSubjectReview(version: 'v1' | 'v1beta1', user: UserInfo, now: number): Json {
  return {
    kind: 'SelfSubjectReview',
    apiVersion: `authentication.k8s.io/${version}`,
    metadata: { creationTimestamp: rfc3339(now) },
    status: {
      userInfo: {
        username: user.username,
        ...(user.uid ? { uid: user.uid } : {}),
        ...(user.groups.length > 0 ? { groups: [...user.groups] } : {}),
      },
    },
  };
}
