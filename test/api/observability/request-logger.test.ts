import { Writable } from 'node:stream';
import express, { type Express } from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { requestLogger } from '../../../src/api/observability/index.js';

/** A logger whose JSON lines land in an array. */
function capturingLogger(level = 'debug'): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== ''))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

function appLogging(logger: pino.Logger): Express {
  let t = 0;
  const app = express();
  app.use(requestLogger(logger, { now: () => t }));
  app.get('/api/v1/namespaces/default/pods', (_req, res) => {
    t += 12.5;
    res.json({ kind: 'PodList' });
  });
  app.get('/boom', (_req, res) => {
    t += 1;
    res.status(500).json({ kind: 'Status', code: 500 });
  });
  return app;
}

describe('the request log', () => {
  it('writes one line per request with method, path, query, status, duration, user agent and kubectl command', async () => {
    const { logger, lines } = capturingLogger();
    await request(appLogging(logger))
      .get('/api/v1/namespaces/default/pods?limit=500')
      .set('User-Agent', 'kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9')
      .set('Kubectl-Command', 'kubectl get');

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 20,
      msg: 'request',
      method: 'GET',
      path: '/api/v1/namespaces/default/pods',
      query: 'limit=500',
      status: 200,
      durationMs: 12.5,
      userAgent: 'kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9',
      kubectlCommand: 'kubectl get',
    });
  });

  it('leaves out what the request did not carry', async () => {
    const { logger, lines } = capturingLogger();
    await request(appLogging(logger)).get('/api/v1/namespaces/default/pods').unset('User-Agent');
    expect(lines[0]).not.toHaveProperty('query');
    expect(lines[0]).not.toHaveProperty('userAgent');
    expect(lines[0]).not.toHaveProperty('kubectlCommand');
  });

  it('writes nothing for a request that succeeded at the default level, as httplog below verbosity 3', async () => {
    const { logger, lines } = capturingLogger('info');
    await request(appLogging(logger)).get('/api/v1/namespaces/default/pods');
    expect(lines).toHaveLength(0);
  });

  it('logs server errors at error level, whatever the level', async () => {
    const { logger, lines } = capturingLogger('warn');
    await request(appLogging(logger)).get('/boom');
    expect(lines[0]).toMatchObject({ level: 50, status: 500, path: '/boom' });
  });
});
