/**
 * nodes/<name>/proxy/logs/: the kubelet's file server over /var/log, where the container logs are laid out as
 * the kubelet and the runtime lay them out, each line in the CRI format.
 */
import request from 'supertest';
import { testApp } from '../../support/test-app.js';
import { proxyObjects } from './proxy-objects.js';

const { app, cluster } = testApp(proxyObjects());
cluster.logs.append('default', 'api-1', 'main', { time: '2026-01-01T11:59:05.000000001Z', text: 'starting' });
cluster.logs.append('default', 'api-1', 'main', { time: '2026-01-01T11:59:19.123456789Z', text: 'panic: no config' });
cluster.logs.restart('default', 'api-1', 'main');
cluster.logs.append('default', 'api-1', 'main', { time: '2026-01-01T11:59:21.5Z', text: 'starting' });
cluster.logs.append('default', 'api-1', 'main', { time: '2026-01-01T11:59:22.25Z', text: 'listening on :8080' });

const LOGS = '/api/v1/nodes/node1/proxy/logs';
const get = (path: string): request.Test => request(app).get(`${LOGS}${path}`).buffer(true);
const listing = (...names: string[]): string =>
  `<!doctype html>\n<meta name="viewport" content="width=device-width">\n<pre>\n${names.map((name) => `<a href="${name}">${name}</a>\n`).join('')}</pre>\n`;

describe('the kubelet’s /logs/', () => {
  test('/logs is redirected to /logs/ by the kubelet’s mux, the query kept and the Location put under the proxy', async () => {
    const res = await get('?query=/kubelet.log&tailLines=100').expect(301);
    expect(res.headers['location']).toBe(`${LOGS}/?query=/kubelet.log&tailLines=100`);
  });

  test('/logs/ lists /var/log, whatever the query asks (log queries are off by default)', async () => {
    const res = await get('/?query=kubelet').expect(200, listing('containers/', 'pods/'));
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  test('pods/ holds a folder per pod of the node that has run a container', async () => {
    await get('/pods/').expect(200, listing('default_api-1_uid-pod-default-api-1/', 'kube-system_etcd-node1_uid-pod-kube-system-etcd-node1/'));
  });

  test('a folder asked for without its slash is redirected, relatively, by the file server', async () => {
    const res = await get('/pods').expect(301);
    expect(res.headers['location']).toBe('pods/');
  });

  test('a container that restarted has the log of this run and of the one before', async () => {
    await get('/pods/default_api-1_uid-pod-default-api-1/').expect(200, listing('main/'));
    await get('/pods/default_api-1_uid-pod-default-api-1/main/').expect(200, listing('0.log', '1.log'));
  });

  test('a log file is the CRI log: time, stream, tag, text', async () => {
    const current = await get('/pods/default_api-1_uid-pod-default-api-1/main/1.log').expect(200);
    expect(current.text).toBe('2026-01-01T11:59:21.5Z stdout F starting\n2026-01-01T11:59:22.25Z stdout F listening on :8080\n');
    expect(current.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(current.headers['last-modified']).toBe('Thu, 01 Jan 2026 11:59:22 GMT');
    const previous = await get('/pods/default_api-1_uid-pod-default-api-1/main/0.log').expect(200);
    expect(previous.text).toBe('2026-01-01T11:59:05.000000001Z stdout F starting\n2026-01-01T11:59:19.123456789Z stdout F panic: no config\n');
  });

  test('containers/ links each running container’s log by pod, namespace, container and container ID', async () => {
    await get('/containers/').expect(200, listing('api-1_default_main-4b1c0ffee0.log'));
    const link = await get('/containers/api-1_default_main-4b1c0ffee0.log').expect(200);
    expect(link.text).toContain('listening on :8080');
  });

  test.each([
    ['/pods/nope/', 404, '404 page not found\n'],
    ['/pods/default_api-1_uid-pod-default-api-1/main/7.log', 404, '404 page not found\n'],
  ])('%s → %i', async (path, code, body) => {
    await get(path).expect(code, body);
  });

  test('a file asked for as a folder is redirected to the file', async () => {
    const res = await get('/pods/default_api-1_uid-pod-default-api-1/main/1.log/').expect(301);
    expect(res.headers['location']).toBe('../1.log');
  });
});
