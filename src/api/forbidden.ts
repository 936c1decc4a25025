import type { RequestHandler } from 'express';
import { ApiError } from './errors/api-error.js';
import { parseRequestInfo } from './request/request-info.js';

/** Who every client is: kubefacade authenticates no one, so requests are anonymous, as on a real server. */
export const ANONYMOUS_USER = 'system:anonymous';

/** The POSTs a read-only user may still make: asking what it may do. */
const REVIEW_PATHS = new Set([
  '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
  '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews',
]);

/**
 * Refuses every write (POST, PUT, PATCH, DELETE) with the 403 a read-only RBAC user gets
 * (apiserver endpoints/handlers/responsewriters/errors.go forbiddenMessage; apimachinery errors.NewForbidden).
 * Authorization runs before routing upstream, so a write to a resource that does not exist is refused the same way.
 */
export function refuseWrites(): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (req.method === 'POST' && REVIEW_PATHS.has(req.path.replace(/\/$/, ''))) return next();
    throw forbiddenWrite(req.method, req.path, req.query as Record<string, unknown>);
  };
}

export function forbiddenWrite(method: string, path: string, query: Record<string, unknown> = {}): ApiError {
  const info = parseRequestInfo(method, path, query);
  if (!info.isResourceRequest) {
    return new ApiError(403, 'Forbidden', `forbidden: User "${ANONYMOUS_USER}" cannot ${info.verb} path "${path}"`, {});
  }
  const resource = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const scope = info.namespace !== undefined ? `in the namespace "${info.namespace}"` : 'at the cluster scope';
  const reason = `User "${ANONYMOUS_USER}" cannot ${info.verb} resource "${resource}" in API group "${info.group}" ${scope}`;
  const qualified = info.group ? `${info.resource}.${info.group}` : info.resource;
  const message = info.name !== undefined ? `${qualified} "${info.name}" is forbidden: ${reason}` : `${qualified} is forbidden: ${reason}`;
  return new ApiError(403, 'Forbidden', message, {
    ...(info.name !== undefined ? { name: info.name } : {}),
    ...(info.group ? { group: info.group } : {}),
    kind: info.resource,
  });
}
