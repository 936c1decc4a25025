export { type AnonymousAuth, anonymousAuthFor } from './anonymous-auth.js';
export { authenticate, type AuthenticationOptions, bearerTokenOf } from './authenticate.js';
