import express from 'express';
import request from 'supertest';
import { createHealthRouter, defaultHealthChecks } from '../../../src/api/health/health-router.js';

describe('health endpoints', () => {
  let etcdError: string | undefined;
  const app = express().use(createHealthRouter(defaultHealthChecks({ name: 'etcd', check: () => etcdError })));
  beforeEach(() => {
    etcdError = undefined;
  });

  test.each(['/healthz', '/livez', '/readyz'])('%s answers ok as text/plain', async (path) => {
    const res = await request(app).get(path).expect(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toBe('ok');
  });

  test('?verbose lists every check, then "<endpoint> check passed"', async () => {
    const res = await request(app).get('/readyz?verbose=').expect(200);
    const lines = res.text.trimEnd().split('\n');
    expect(lines.slice(0, 5)).toEqual(['[+]ping ok', '[+]log ok', '[+]etcd ok', '[+]etcd-readiness ok', '[+]informer-sync ok']);
    expect(lines.at(-2)).toBe('[+]shutdown ok');
    expect(lines.at(-1)).toBe('readyz check passed');
  });

  test('?exclude marks the check excluded and warns about unknown names', async () => {
    const res = await request(app).get('/livez?verbose&exclude=etcd&exclude=nope').expect(200);
    expect(res.text).toContain('[+]etcd excluded: ok');
    expect(res.text).toContain('warn: some health checks cannot be excluded: no matches for "nope"');
  });

  test('a failing check makes the endpoint 500, always verbose, its reason withheld', async () => {
    etcdError = 'etcd unreachable';
    const res = await request(app).get('/healthz').expect(500);
    expect(res.text).toContain('[-]etcd failed: reason withheld');
    expect(res.text.trimEnd().split('\n').at(-1)).toBe('healthz check failed');
    const single = await request(app).get('/readyz/etcd').expect(500);
    expect(single.text).toBe('internal server error: etcd unreachable\n');
  });

  test('a single check can be asked for by name', async () => {
    const res = await request(app).get('/livez/poststarthook/rbac/bootstrap-roles').expect(200);
    expect(res.text).toBe('ok');
  });
});
