import express from 'express';
import request from 'supertest';
import { createHealthRouter, defaultHealthChecks } from '../../../src/api/health/index.js';

describe('health endpoints', () => {
  let etcdError: string | undefined;
  const app = express().use(createHealthRouter(defaultHealthChecks({ etcd: () => etcdError })));
  beforeEach(() => {
    etcdError = undefined;
  });

  test.each(['/healthz', '/livez', '/readyz'])('%s answers a bare ok as nosniff text/plain', async (path) => {
    const res = await request(app).get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toBe('ok');
  });

  test('?verbose (as kubectl sends it, `verbose=`) lists every check, then "readyz check passed"', async () => {
    const res = await request(app).get('/readyz?verbose=').expect(200);
    const lines = res.text.split('\n');
    expect(lines.slice(0, 5)).toEqual(['[+]ping ok', '[+]log ok', '[+]etcd ok', '[+]etcd-readiness ok', '[+]informer-sync ok']);
    expect(lines).toContain('[+]poststarthook/rbac/bootstrap-roles ok');
    expect(lines.slice(-3)).toEqual(['[+]shutdown ok', 'readyz check passed', '']);
  });

  test('livez and healthz list the same checks, without the readiness-only ones', async () => {
    const live = (await request(app).get('/livez?verbose').expect(200)).text.split('\n');
    const health = (await request(app).get('/healthz?verbose').expect(200)).text.split('\n');
    expect(live.slice(0, -2)).toEqual(health.slice(0, -2));
    expect(live.at(-2)).toBe('livez check passed');
    expect(health.at(-2)).toBe('healthz check passed');
    expect(live.filter((line) => /^\[\+\](etcd-readiness|informer-sync|shutdown) /.test(line))).toEqual([]);
  });

  test('?exclude marks checks excluded and warns about unknown names, sorted and quoted', async () => {
    const res = await request(app).get('/livez?verbose&exclude=etcd&exclude=zeta&exclude=alpha').expect(200);
    expect(res.text).toContain('[+]etcd excluded: ok\n');
    expect(res.text).toContain('warn: some health checks cannot be excluded: no matches for "alpha","zeta"\nlivez check passed\n');
  });

  test('a failing check makes the endpoint 500, always verbose, its reason withheld', async () => {
    etcdError = 'etcd client connection not yet established';
    const res = await request(app).get('/readyz').expect(500);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toContain('[-]etcd failed: reason withheld\n[-]etcd-readiness failed: reason withheld\n');
    expect(res.text).not.toContain('not yet established');
    expect(res.text.endsWith('readyz check failed\n')).toBe(true);
  });

  test('an excluded failing check does not fail the endpoint', async () => {
    etcdError = 'down';
    const res = await request(app).get('/healthz?exclude=etcd').expect(200);
    expect(res.text).toBe('ok');
  });

  test('a single check is asked for by name, including names with slashes', async () => {
    expect((await request(app).get('/readyz/etcd').expect(200)).text).toBe('ok');
    expect((await request(app).get('/livez/poststarthook/rbac/bootstrap-roles').expect(200)).text).toBe('ok');
    etcdError = 'etcd client connection not yet established';
    const res = await request(app).get('/readyz/etcd-readiness').expect(500);
    expect(res.text).toBe('internal server error: etcd client connection not yet established\n');
  });

  test('an unknown check, or a check of another endpoint, is not served here', async () => {
    await request(app).get('/readyz/nope').expect(404);
    await request(app).get('/livez/shutdown').expect(404);
  });

  test('the check list is injectable', async () => {
    const custom = express().use(
      createHealthRouter({ healthz: [{ name: 'ping', check: () => undefined }], livez: [], readyz: [{ name: 'sim', check: () => 'no' }] }),
    );
    expect((await request(custom).get('/healthz?verbose').expect(200)).text).toBe('[+]ping ok\nhealthz check passed\n');
    expect((await request(custom).get('/readyz').expect(500)).text).toBe('[-]sim failed: reason withheld\nreadyz check failed\n');
  });
});
