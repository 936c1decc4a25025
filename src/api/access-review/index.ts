export { createAccessReviewRouter, type AccessReviewOptions } from './access-review-router.js';
export { ANONYMOUS_USER, type UserInfo } from './anonymous-user.js';
export { isAllowed, NON_RESOURCE_RULES, RESOURCE_RULES } from './read-only-policy.js';
export {
  type AuthorizationAttributes,
  parseResourcePath,
  RequestInfoError,
  requestAttributes,
  type NonResourcePath,
  type ResourcePath,
} from '../request/request-attributes.js';
