import type { Request } from 'express';
import { requestLabelsOf } from '../../../src/api/observability/request-labels.js';

/** What the labels are read from: a request's method, original URL and path. */
const requestLabels = (method: string, url: string): ReturnType<typeof requestLabelsOf> =>
  requestLabelsOf({ method, originalUrl: url, path: url.split('?')[0] } as Request);

const base = { dry_run: '', component: 'apiserver' };

describe('the labels of a request, as apiserver_request_total has them', () => {
  it.each([
    ['GET', '/api/v1/pods', { verb: 'LIST', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'cluster' }],
    ['GET', '/api/v1/namespaces/default/pods?limit=500', { verb: 'LIST', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'namespace' }],
    ['GET', '/api/v1/namespaces/default/pods/web-1', { verb: 'GET', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'resource' }],
    ['GET', '/api/v1/nodes/node-1', { verb: 'GET', group: '', version: 'v1', resource: 'nodes', subresource: '', scope: 'resource' }],
    ['GET', '/api/v1/namespaces/kube-system', { verb: 'GET', group: '', version: 'v1', resource: 'namespaces', subresource: '', scope: 'resource' }],
    ['GET', '/api/v1/namespaces', { verb: 'LIST', group: '', version: 'v1', resource: 'namespaces', subresource: '', scope: 'cluster' }],
    [
      'GET',
      '/apis/apps/v1/namespaces/shop/deployments',
      { verb: 'LIST', group: 'apps', version: 'v1', resource: 'deployments', subresource: '', scope: 'namespace' },
    ],
    ['GET', '/api/v1/pods?watch=true&resourceVersion=12', { verb: 'WATCH', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'cluster' }],
    ['GET', '/api/v1/namespaces/default/pods?watch=1', { verb: 'WATCH', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'namespace' }],
    ['GET', '/api/v1/pods?watch=false', { verb: 'LIST', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'cluster' }],
    ['GET', '/api/v1/watch/namespaces/default/pods', { verb: 'WATCH', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'namespace' }],
    [
      'GET',
      '/api/v1/namespaces/default/pods/web-1/log?follow=true',
      { verb: 'GET', group: '', version: 'v1', resource: 'pods', subresource: 'log', scope: 'resource' },
    ],
    ['HEAD', '/api/v1/pods', { verb: 'LIST', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'cluster' }],
    ['DELETE', '/api/v1/namespaces/default/pods/web-1', { verb: 'DELETE', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'resource' }],
    [
      'DELETE',
      '/api/v1/namespaces/default/pods',
      { verb: 'DELETECOLLECTION', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'namespace' },
    ],
    ['POST', '/api/v1/namespaces/default/pods', { verb: 'POST', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'resource' }],
    ['GET', '/api', { verb: 'GET', group: '', version: '', resource: '', subresource: '/api', scope: '' }],
    ['GET', '/apis/apps/v1', { verb: 'GET', group: '', version: '', resource: '', subresource: '/apis/apps/v1', scope: '' }],
    ['GET', '/healthz?verbose', { verb: 'GET', group: '', version: '', resource: '', subresource: '/healthz', scope: '' }],
    ['BREW', '/version', { verb: 'other', group: '', version: '', resource: '', subresource: '/version', scope: '' }],
    ['GET', '/api/v1/namespaces/%zz/pods', { verb: 'LIST', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'namespace' }],
    ['GET', '//api/v1/pods', { verb: 'LIST', group: '', version: 'v1', resource: 'pods', subresource: '', scope: 'cluster' }],
  ])('%s %s', (method, url, expected) => {
    expect(requestLabels(method, url)).toEqual({ ...base, ...expected });
  });

  it.each([
    ['/api/v1/namespaces/default/pods?dryRun=All', 'All'],
    ['/api/v1/namespaces/default/pods?dryRun=All&dryRun=All', 'All'],
    ['/api/v1/namespaces/default/pods?dryRun=Some', 'invalid'],
    ['/api/v1/namespaces/default/pods', ''],
  ])('reads dry_run from %s as "%s"', (url, dryRun) => {
    expect(requestLabels('POST', url).dry_run).toBe(dryRun);
  });
});
