import type { MessageSchema } from './wire-schema.js';

/**
 * Field numbers of the messages kubectl ≥1.32 POSTs as protobuf (`auth can-i`, `auth can-i --list`,
 * `auth whoami`), from k8s.io/api authorization/v1/generated.proto, authentication/v1/generated.proto and
 * apimachinery pkg/apis/meta/v1/generated.proto. Only the fields a review reads or echoes are named;
 * everything else (status, timestamps, managedFields) is skipped on decode.
 */

/** ObjectMeta: the identifying fields and the string maps. */
export const OBJECT_META: MessageSchema = {
  1: { name: 'name', type: 'string' },
  2: { name: 'generateName', type: 'string' },
  3: { name: 'namespace', type: 'string' },
  11: { name: 'labels', type: 'map' },
  12: { name: 'annotations', type: 'map' },
};

/** LabelSelectorRequirement and FieldSelectorRequirement share their layout. */
const SELECTOR_REQUIREMENT: MessageSchema = {
  1: { name: 'key', type: 'string' },
  2: { name: 'operator', type: 'string' },
  3: { name: 'values', type: 'string', repeated: true },
};

const SELECTOR_ATTRIBUTES: MessageSchema = {
  1: { name: 'rawSelector', type: 'string' },
  2: { name: 'requirements', type: 'message', schema: SELECTOR_REQUIREMENT, repeated: true },
};

export const RESOURCE_ATTRIBUTES: MessageSchema = {
  1: { name: 'namespace', type: 'string' },
  2: { name: 'verb', type: 'string' },
  3: { name: 'group', type: 'string' },
  4: { name: 'version', type: 'string' },
  5: { name: 'resource', type: 'string' },
  6: { name: 'subresource', type: 'string' },
  7: { name: 'name', type: 'string' },
  8: { name: 'fieldSelector', type: 'message', schema: SELECTOR_ATTRIBUTES },
  9: { name: 'labelSelector', type: 'message', schema: SELECTOR_ATTRIBUTES },
};

export const NON_RESOURCE_ATTRIBUTES: MessageSchema = {
  1: { name: 'path', type: 'string' },
  2: { name: 'verb', type: 'string' },
};

/** SubjectAccessReviewStatus: written by encoders (kubectl sends an empty one), ignored on decode. */
export const ACCESS_REVIEW_STATUS: MessageSchema = {
  1: { name: 'allowed', type: 'bool' },
  2: { name: 'reason', type: 'string' },
  3: { name: 'evaluationError', type: 'string' },
  4: { name: 'denied', type: 'bool' },
};

export const SELF_SUBJECT_ACCESS_REVIEW: MessageSchema = {
  1: { name: 'metadata', type: 'message', schema: OBJECT_META },
  2: {
    name: 'spec',
    type: 'message',
    schema: {
      1: { name: 'resourceAttributes', type: 'message', schema: RESOURCE_ATTRIBUTES },
      2: { name: 'nonResourceAttributes', type: 'message', schema: NON_RESOURCE_ATTRIBUTES },
    },
  },
  3: { name: 'status', type: 'message', schema: ACCESS_REVIEW_STATUS },
};

export const SELF_SUBJECT_RULES_REVIEW: MessageSchema = {
  1: { name: 'metadata', type: 'message', schema: OBJECT_META },
  2: { name: 'spec', type: 'message', schema: { 1: { name: 'namespace', type: 'string' } } },
};

/** authentication.k8s.io v1 and v1beta1 SelfSubjectReview: metadata and a status the server fills. */
export const SELF_SUBJECT_REVIEW: MessageSchema = {
  1: { name: 'metadata', type: 'message', schema: OBJECT_META },
};

/** The message schema of each kind a review endpoint accepts, by kind. */
export const REVIEW_SCHEMAS: Readonly<Record<string, MessageSchema>> = {
  SelfSubjectAccessReview: SELF_SUBJECT_ACCESS_REVIEW,
  SelfSubjectRulesReview: SELF_SUBJECT_RULES_REVIEW,
  SelfSubjectReview: SELF_SUBJECT_REVIEW,
};
