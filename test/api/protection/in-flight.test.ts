import express, { type Express } from 'express';
import request from 'supertest';
import { errorHandler } from '../../../src/api/errors/error-handler.js';
import { type InFlightLimits, maxInFlight } from '../../../src/api/limits/index.js';

/** A request the handler holds until the test lets it go: `reached` settles once it is being served. */
interface Held {
  reached: Promise<void>;
  release: () => void;
}

/**
 * The in-flight filter in front of handlers that answer only when released, so "N requests in flight" is a
 * state the test sets up and ends, with no timer anywhere.
 */
function heldApp(limits: InFlightLimits): { app: Express; hold: () => Held } {
  const queue: { arrived: () => void; gate: Promise<void> }[] = [];
  const holds: Held[] = [];
  const app = express();
  app.use(maxInFlight(limits));
  app.all(/.*/, async (_req, res) => {
    const next = queue.shift();
    if (next) {
      next.arrived();
      await next.gate;
    }
    res.json({ served: true });
  });
  app.use(errorHandler({ error: () => undefined }));
  return {
    app,
    hold: (): Held => {
      let arrived!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      queue.push({ arrived, gate });
      const held = { reached, release };
      holds.push(held);
      return held;
    },
  };
}

/** Sends a request and starts it at once (supertest's Test is lazy until awaited or ended). */
function send(test: request.Test): Promise<request.Response> {
  return new Promise((resolve, reject) => {
    test.end((error: unknown, res: request.Response) => {
      if (error === null || error === undefined) resolve(res);
      else reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

describe('the in-flight limit', () => {
  it('answers 429 with Retry-After: 1 and upstream plain-text message while the read slots are full', async () => {
    const { app, hold } = heldApp({ maxRequestsInFlight: 2, maxMutatingRequestsInFlight: 1 });
    const first = hold();
    const second = hold();
    const firstDone = send(request(app).get('/api/v1/pods'));
    const secondDone = send(request(app).get('/api/v1/nodes'));
    await Promise.all([first.reached, second.reached]);

    const refused = await request(app).get('/api/v1/pods').expect(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.text).toBe('Too many requests, please try again later.\n');

    first.release();
    await firstDone;
    // A slot is free again once a response has gone.
    await request(app).get('/api/v1/pods').expect(200);
    second.release();
    expect((await secondDone).status).toBe(200);
  });

  it('counts reads and writes apart: full reads do not stop a write, full writes do not stop a read', async () => {
    const { app, hold } = heldApp({ maxRequestsInFlight: 1, maxMutatingRequestsInFlight: 1 });
    const read = hold();
    const readDone = send(request(app).get('/api/v1/pods'));
    await read.reached;
    await request(app).post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews').expect(200);

    const write = hold();
    const writeDone = send(request(app).post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'));
    await write.reached;
    await request(app).delete('/api/v1/namespaces/default/pods/web-1').expect(429);
    await request(app).get('/api/v1/nodes').expect(429);

    read.release();
    write.release();
    await Promise.all([readDone, writeDone]);
  });

  it.each([
    ['a watch', '/api/v1/pods?watch=true'],
    ['a watch under the old /watch/ prefix', '/api/v1/watch/namespaces/default/pods'],
    ['logs', '/api/v1/namespaces/default/pods/web-1/log?follow=true'],
    ['logs not followed', '/api/v1/namespaces/default/pods/web-1/log'],
    ['exec', '/api/v1/namespaces/default/pods/web-1/exec?command=ls'],
    ['a node proxy', '/api/v1/nodes/node1/proxy/healthz'],
  ])('lets %s through even when every slot is taken: long-running requests are not counted', async (_name, path) => {
    const { app, hold } = heldApp({ maxRequestsInFlight: 1, maxMutatingRequestsInFlight: 1 });
    const read = hold();
    const readDone = send(request(app).get('/api/v1/pods'));
    await read.reached;
    await request(app).get(path).expect(200);
    read.release();
    await readDone;
  });

  it('gives the slot back when the client goes away before the answer', async () => {
    const { app, hold } = heldApp({ maxRequestsInFlight: 1, maxMutatingRequestsInFlight: 1 });
    const read = hold();
    const server = app.listen(0);
    try {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      const controller = new AbortController();
      const abandoned = fetch(`http://127.0.0.1:${port}/api/v1/pods`, { signal: controller.signal }).catch(() => undefined);
      await read.reached;
      await request(server).get('/api/v1/pods').expect(429);
      controller.abort();
      await abandoned;
      // The held handler never answers: only the closed connection can free the slot. Each try is a round
      // trip, so this waits on the server's events, not on time.
      let status = 429;
      while (status === 429) status = (await request(server).get('/api/v1/pods')).status;
      expect(status).toBe(200);
    } finally {
      read.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('has no limit of its kind at 0', async () => {
    const { app, hold } = heldApp({ maxRequestsInFlight: 0, maxMutatingRequestsInFlight: 1 });
    const read = hold();
    const readDone = send(request(app).get('/api/v1/pods'));
    await read.reached;
    await request(app).get('/api/v1/pods').expect(200);
    read.release();
    await readDone;
  });
});
