import type { RequestHandler } from 'express';
import { ANONYMOUS_USER, type UserInfo } from './access-review/anonymous-user.js';
import { isAllowed } from './access-review/read-only-policy.js';
import { type AuthorizationAttributes, RequestInfoError } from './request/request-attributes.js';
import { requestAttributesOf } from './request/request-attributes-of.js';
import { ApiError } from './errors/api-error.js';
import type { StatusDetails } from './errors/status.js';

/**
 * The read-only server's answer to writes: the authorization filter runs before any routing upstream, so every
 * POST, PUT, PATCH and DELETE — on resources, unknown resources, and plain paths alike — is judged by the policy
 * and, when denied, answered 403 in RBAC wording (apiserver pkg/endpoints/filters/authorization.go →
 * handlers/responsewriters/errors.go Forbidden). Writes the policy allows (the self-subject reviews) pass on.
 * A GET is a read, except under the old `/api/v1/proxy/…` prefix, whose verb is `proxy` (requestinfo.go
 * specialVerbs): the policy grants no such verb, so it is refused the same way.
 */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const READ_METHODS = new Set(['GET', 'HEAD']);
const PROXY_PREFIX = /^\/(api\/[^/]+|apis\/[^/]+\/[^/]+)\/proxy\/./;

/** Go's %q for the ASCII text of paths and names. */
const goQuote = (text: string): string => JSON.stringify(text);

/** Keeps messages from looking like HTML (responsewriters/errors.go `sanitizer`). */
const sanitize = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `User "u" cannot <verb> resource "<res>[/<sub>]" in API group "<g>" in the namespace "<ns>"` / `at the cluster scope` / `path "<p>"`. */
export function forbiddenReason(attributes: AuthorizationAttributes, username: string): string {
  if (!attributes.isResourceRequest) return `User ${goQuote(username)} cannot ${attributes.verb} path ${goQuote(attributes.path)}`;
  const resource = attributes.subresource === '' ? attributes.resource : `${attributes.resource}/${attributes.subresource}`;
  const subject = `User ${goQuote(username)} cannot ${attributes.verb} resource ${goQuote(resource)} in API group ${goQuote(attributes.apiGroup)}`;
  return attributes.namespace === '' ? `${subject} at the cluster scope` : `${subject} in the namespace ${goQuote(attributes.namespace)}`;
}

/** apimachinery errors.NewForbidden: the prefix names the group resource, and the object when there is a name. */
export function forbidden(attributes: AuthorizationAttributes, user: UserInfo = ANONYMOUS_USER): ApiError {
  const reason = sanitize(forbiddenReason(attributes, user.username));
  const group = attributes.isResourceRequest ? attributes.apiGroup : '';
  const resource = attributes.isResourceRequest ? attributes.resource : '';
  const name = attributes.isResourceRequest ? attributes.name : '';
  const groupResource = group === '' ? resource : `${resource}.${group}`;
  let message: string;
  if (groupResource === '') message = `forbidden: ${reason}`;
  else if (name === '') message = `${groupResource} is forbidden: ${reason}`;
  else message = `${groupResource} ${goQuote(name)} is forbidden: ${reason}`;
  const details: StatusDetails = {
    ...(name !== '' ? { name } : {}),
    ...(group !== '' ? { group } : {}),
    ...(resource !== '' ? { kind: resource } : {}),
  };
  return new ApiError(403, 'Forbidden', message, details);
}

/** Middleware: denies every write the read-only policy does not allow, before any handler sees it. */
export function forbidWrites(user: UserInfo = ANONYMOUS_USER): RequestHandler {
  return (req, res, next) => {
    if (!WRITE_METHODS.has(req.method) && !(READ_METHODS.has(req.method) && PROXY_PREFIX.test(req.path))) return next();
    let attributes: AuthorizationAttributes;
    try {
      attributes = requestAttributesOf(req);
    } catch (error) {
      if (!(error instanceof RequestInfoError)) throw error;
      // filters/requestinfo.go answers a path it cannot read with a plain-text 500, not a Status.
      res
        .status(500)
        .setHeader('Content-Type', 'text/plain; charset=utf-8')
        .setHeader('X-Content-Type-Options', 'nosniff')
        .send(sanitize(`Internal Server Error: ${goQuote(req.originalUrl)}: failed to create RequestInfo: ${error.message}`) + '\n');
      return;
    }
    if (isAllowed(attributes)) return next();
    next(forbidden(attributes, user));
  };
}
