import type { Request } from 'express';
import { RequestInfoError } from '../../../src/api/request/request-attributes.js';
import { firstQueryValue, requestAttributesOf, requestInfoOf } from '../../../src/api/request/request-attributes-of.js';

/** What these functions read of an Express request: its method, path and original URL. */
function request(method: string, url: string): Request {
  const mark = url.indexOf('?');
  return { method, originalUrl: url, path: mark < 0 ? url : url.slice(0, mark) } as Request;
}

describe("a request's attributes", () => {
  it('are read from the method, the path and the first watch parameter', () => {
    expect(requestAttributesOf(request('GET', '/api/v1/namespaces/web/pods?watch=1&watch=false'))).toMatchObject({
      isResourceRequest: true,
      verb: 'watch',
      namespace: 'web',
      resource: 'pods',
    });
    expect(requestAttributesOf(request('GET', '/api/v1/pods?watch=false&watch=1'))).toMatchObject({ verb: 'list' });
    expect(requestAttributesOf(request('GET', '/healthz'))).toEqual({ isResourceRequest: false, verb: 'get', path: '/healthz' });
  });

  it('are read once per request: every filter and the router get the same object', () => {
    const req = request('GET', '/api/v1/namespaces/web/pods/a');
    const first = requestAttributesOf(req);
    expect(requestAttributesOf(req)).toBe(first);
    expect(requestInfoOf(req)).toBe(requestInfoOf(req));
    expect(requestInfoOf(req)).toEqual({ isResourceRequest: true, group: '', version: 'v1', namespace: 'web', resource: 'pods', name: 'a', verb: 'get' });
  });

  it('are read again where a mounted router sees another path', () => {
    const req = request('GET', '/api/v1/namespaces/web/pods/a');
    expect(requestAttributesOf(req)).toMatchObject({ resource: 'pods' });
    Object.assign(req, { path: '/namespaces/web/pods/a' });
    expect(requestAttributesOf(req)).toEqual({ isResourceRequest: false, verb: 'get', path: '/namespaces/web/pods/a' });
  });

  it('throw the RequestInfoError of a path RequestInfo cannot read, each time they are asked; its RequestInfo names no resource', () => {
    const req = request('GET', '/api/v1/watch');
    expect(() => requestAttributesOf(req)).toThrow(RequestInfoError);
    expect(() => requestAttributesOf(req)).toThrow(RequestInfoError);
    expect(requestInfoOf(req)).toEqual({ isResourceRequest: false, path: '/api/v1/watch', verb: 'get' });
  });

  it('name a watch of a group resource, and a namespace as the cluster-scoped object it is', () => {
    expect(requestInfoOf(request('GET', '/apis/apps/v1/namespaces/web/deployments?watch=true'))).toEqual({
      isResourceRequest: true,
      group: 'apps',
      version: 'v1',
      namespace: 'web',
      resource: 'deployments',
      verb: 'watch',
    });
    expect(requestInfoOf(request('GET', '/api/v1/namespaces/ns'))).toEqual({
      isResourceRequest: true,
      group: '',
      version: 'v1',
      resource: 'namespaces',
      name: 'ns',
      verb: 'get',
    });
  });

  it("take a query parameter's first value, decoded, as Go's url.Values.Get does", () => {
    expect(firstQueryValue('/x?a=1&b=2&a=3', 'a')).toBe('1');
    expect(firstQueryValue('/x?b=%2Fy+z', 'b')).toBe('/y z');
    expect(firstQueryValue('/x', 'a')).toBeUndefined();
    expect(firstQueryValue('/x?a', 'a')).toBe('');
  });
});
