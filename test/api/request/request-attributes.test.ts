import { parseResourcePath, RequestInfoError, requestAttributes } from '../../../src/api/request/request-attributes.js';

describe('reading a request as the authorizer does (requestinfo.go)', () => {
  test.each([
    ['/api/v1/pods', { apiGroup: '', apiVersion: 'v1', namespace: '', resource: 'pods', name: '', subresource: '' }],
    ['/api/v1/namespaces/ns/pods/web-1/log', { apiGroup: '', apiVersion: 'v1', namespace: 'ns', resource: 'pods', name: 'web-1', subresource: 'log' }],
    ['/apis/apps/v1/namespaces/ns/deployments', { apiGroup: 'apps', apiVersion: 'v1', namespace: 'ns', resource: 'deployments', name: '', subresource: '' }],
    ['/api/v1/namespaces', { namespace: '', resource: 'namespaces', name: '' }],
    ['/api/v1/namespaces/ns', { namespace: 'ns', resource: 'namespaces', name: 'ns' }],
    ['/api/v1/namespaces/ns/status', { namespace: 'ns', resource: 'namespaces', name: 'ns', subresource: 'status' }],
    ['/api/v1/watch/namespaces/ns/pods', { specialVerb: 'watch', namespace: 'ns', resource: 'pods', name: '' }],
    ['/api/v1/proxy/nodes/n1/metrics', { specialVerb: 'proxy', resource: 'nodes', name: 'n1', subresource: '' }],
    ['/api/v1/namespaces/my%20ns/pods', { namespace: 'my ns', resource: 'pods' }],
  ])('%s names a resource', (path, expected) => {
    expect(parseResourcePath(path)).toMatchObject({ isResourceRequest: true, ...expected });
  });

  test.each(['/', '/healthz', '/api', '/api/v1', '/apis', '/apis/apps', '/apis/apps/v1', '/openapi/v3/apis/apps/v1', '/version'])(
    '%s is no resource',
    (path) => {
      expect(parseResourcePath(path)).toEqual({ isResourceRequest: false });
    },
  );

  test('a special verb without anything after it is an error', () => {
    expect(() => parseResourcePath('/api/v1/watch')).toThrow(RequestInfoError);
  });

  test.each([
    ['GET', '/api/v1/pods', undefined, 'list'],
    ['GET', '/api/v1/pods', 'true', 'watch'],
    ['GET', '/api/v1/pods', '1', 'watch'],
    ['GET', '/api/v1/pods', 'false', 'list'],
    ['GET', '/api/v1/pods', '0', 'list'],
    ['GET', '/api/v1/namespaces/ns/pods/p', 'true', 'get'],
    ['HEAD', '/api/v1/nodes/n', undefined, 'get'],
    ['POST', '/api/v1/namespaces/ns/pods', undefined, 'create'],
    ['PUT', '/api/v1/nodes/n', undefined, 'update'],
    ['PATCH', '/api/v1/nodes/n', undefined, 'patch'],
    ['DELETE', '/api/v1/nodes/n', undefined, 'delete'],
    ['DELETE', '/api/v1/nodes', undefined, 'deletecollection'],
    ['POST', '/api/v1/watch/pods', undefined, 'watch'],
    ['POST', '/healthz', undefined, 'post'],
    ['GET', '/healthz', undefined, 'get'],
  ])('%s %s (watch=%s) is the verb %s', (method, path, watch, verb) => {
    expect(requestAttributes(method, path, watch).verb).toBe(verb);
  });
});
