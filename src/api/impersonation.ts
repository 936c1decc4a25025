import type { RequestHandler } from 'express';
import { ANONYMOUS_USER, type UserInfo } from './access-review/anonymous-user.js';
import { isAllowed } from './access-review/read-only-policy.js';
import { ApiError } from './errors/api-error.js';
import { forbidden } from './forbidden.js';
import type { ResourceAttributes } from './request/request-attributes.js';

const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

/** What one impersonation header asks to act as, as the authorizer is asked about it. */
function actingAs(
  resource: 'users' | 'groups' | 'serviceaccounts' | 'uids' | 'userextras',
  name: string,
  namespace = '',
  subresource = '',
): ResourceAttributes {
  const apiGroup = resource === 'uids' || resource === 'userextras' ? 'authentication.k8s.io' : '';
  return { isResourceRequest: true, verb: 'impersonate', apiGroup, apiVersion: '', namespace, resource, name, subresource, path: '' };
}

/**
 * `kubectl --as`, `--as-group`, `--as-uid` and the JS client's impersonation send Impersonate-* headers; the API
 * server checks the `impersonate` verb for each before anything else (apiserver pkg/endpoints/filters/
 * impersonation.go: the user, or the service account it names, then groups, extras, uid). The anonymous
 * read-only user may impersonate no one: the first check fails with the RBAC-worded 403.
 */
export function refuseImpersonation(user: UserInfo = ANONYMOUS_USER): RequestHandler {
  return (req, _res, next) => {
    const username = req.header('Impersonate-User');
    const groups = req.headers['impersonate-group'];
    const uid = req.header('Impersonate-Uid');
    const extras = Object.keys(req.headers).filter((name) => name.startsWith('impersonate-extra-'));
    const groupList = groups === undefined ? [] : Array.isArray(groups) ? groups : [groups];
    if (username === undefined && groupList.length === 0 && uid === undefined && extras.length === 0) return next();
    if (username === undefined) {
      return next(new ApiError(500, 'InternalError', 'Internal error occurred: requested impersonation of groups, extra or uid without impersonating a user'));
    }
    const requests: ResourceAttributes[] = [];
    if (username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
      const [namespace = '', name = ''] = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(':');
      requests.push(actingAs('serviceaccounts', name, namespace));
    } else {
      requests.push(actingAs('users', username));
    }
    for (const group of groupList) requests.push(actingAs('groups', group));
    for (const header of extras) {
      const key = decodeURIComponent(header.slice('impersonate-extra-'.length));
      for (const value of [req.headers[header]].flat()) if (value !== undefined) requests.push(actingAs('userextras', value, '', key));
    }
    if (uid !== undefined) requests.push(actingAs('uids', uid));
    const denied = requests.find((attributes) => !isAllowed(attributes));
    next(denied === undefined ? undefined : forbidden(denied, user));
  };
}
