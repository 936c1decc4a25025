import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ApiError } from '../errors/api-error.js';
import { ANONYMOUS_HEALTH_PATHS, type AnonymousAuth } from './anonymous-auth.js';

export interface AuthenticationOptions {
  /** The bearer token of the kubeconfig's user; without one no token authenticator is installed. */
  token?: string;
  anonymous: AnonymousAuth;
}

/** apimachinery errors.NewUnauthorized("Unauthorized"), what the authentication filter answers (filters/authentication.go). */
export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

/** The bearer token of an `Authorization` header, or undefined when it carries none (another scheme, or empty). */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const value = (header ?? '').trim();
  if (value === '') return undefined;
  // strings.Split on single spaces, as bearertoken.go does: `Bearer  x` has an empty token, which is no token.
  const parts = value.split(' ');
  if (parts.length < 2 || parts[0]?.toLowerCase() !== 'bearer') return undefined;
  const token = parts[1] ?? '';
  return token === '' ? undefined : token;
}

/**
 * Compares in constant time, so that the time taken says nothing of how much of a guess was right (only whether
 * its length was: the length of a generated token is no secret, and hashing every request's token cost more than
 * the rest of its authentication).
 */
function sameToken(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/**
 * The authentication filter (apiserver pkg/endpoints/filters/authentication.go), before impersonation and
 * authorization: a bearer token must be the server's, else 401 even where anonymous requests are served (the
 * anonymous authenticator runs only when the others found no credentials: union.NewFailOnError). A request
 * without one is anonymous where that is allowed, 401 elsewhere. Basic credentials are no credentials: API
 * servers stopped reading them in 1.19. The header is removed once the token is accepted, so nothing after
 * this (the request log) ever sees it.
 *
 * The token's user is the identity kubefacade has always reported (`auth whoami`, the RBAC wording of every 403):
 * system:anonymous in system:unauthenticated, as a real server's token file line
 * `<token>,system:anonymous,,system:unauthenticated` makes it (the group adder leaves a user already in
 * system:unauthenticated alone). So the token decides who may connect, never what kubectl prints; the filters
 * after this one keep judging every request as that user (access-review/anonymous-user.ts).
 */
export function authenticate(options: AuthenticationOptions): RequestHandler {
  const expected = options.token === undefined ? undefined : Buffer.from(options.token);
  return (req, _res, next) => {
    const token = expected === undefined ? undefined : bearerTokenOf(req.header('authorization'));
    if (token !== undefined && expected !== undefined) {
      if (!sameToken(token, expected)) return next(unauthorized());
      delete req.headers.authorization;
      return next();
    }
    const anonymousAllowed = options.anonymous === 'enabled' || (options.anonymous === 'health-checks' && ANONYMOUS_HEALTH_PATHS.has(req.path));
    next(anonymousAllowed ? undefined : unauthorized());
  };
}
