export { createAccessReviewRouter, type AccessReviewOptions } from './access-review-router.js';
export type { UserInfo } from './anonymous-user.js';
export type { AuthorizationAttributes, NonResourcePath, ResourcePath } from '../request/request-attributes.js';
