import express, { type Express } from 'express';
import request from 'supertest';
import { errorHandler } from '../../../src/api/errors/error-handler.js';
import { type RequestTimers, requestTimeout } from '../../../src/api/limits/index.js';

/** Timers that fire only when the test says so; each remembers the delay it was set for. */
class FakeTimers implements RequestTimers {
  readonly scheduled: { ms: number; fire: () => void; cancelled: boolean }[] = [];

  after(ms: number, callback: () => void): () => void {
    const timer = { ms, fire: callback, cancelled: false };
    this.scheduled.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Fires the last timer set, as if its time had come. */
  fireLast(): void {
    const timer = this.scheduled.at(-1);
    if (!timer || timer.cancelled) throw new Error('no pending timer');
    timer.fire();
  }
}

/**
 * The timeout filter before a handler that answers only when the test lets it (`slow`), or at once (`fast`);
 * `arrived` settles when the slow handler has the request.
 */
function timedApp(timers: FakeTimers): { app: Express; arrived: Promise<void>; finishSlow: () => void } {
  let arrive!: () => void;
  let finish!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const app = express();
  app.use(requestTimeout({ requestTimeoutMs: 60_000, timers }));
  app.get('/slow', async (_req, res) => {
    arrive();
    await finished;
    // Too late: what the handler writes now goes nowhere, and nothing throws.
    res.status(200).json({ late: true });
  });
  app.get(/.*/, (_req, res) => {
    res.json({ fast: true });
  });
  app.use(errorHandler({ error: () => undefined }));
  return { app, arrived, finishSlow: finish };
}

function send(test: request.Test): Promise<request.Response> {
  return new Promise((resolve, reject) => {
    test.end((error: unknown, res: request.Response) => {
      if (error === null || error === undefined) resolve(res);
      else reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

describe('the request timeout', () => {
  it('answers 504 Timeout when the handler has not answered in time, as upstream timeout.go writes it', async () => {
    const timers = new FakeTimers();
    const { app, arrived, finishSlow } = timedApp(timers);
    const pending = send(request(app).get('/slow'));
    await arrived;
    expect(timers.scheduled.map((t) => t.ms)).toEqual([60_000]);
    timers.fireLast();
    const res = await pending;
    expect(res.status).toBe(504);
    // The Status encoded straight onto the response: no kind or apiVersion, and Go sniffs text/plain.
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe(
      '{"metadata":{},"status":"Failure","message":"Timeout: request did not complete within the allotted timeout","reason":"Timeout","details":{},"code":504}\n',
    );
    finishSlow();
  });

  it.each([
    ['no ?timeout', '/api/v1/pods', 60_000],
    ["kubectl discovery's ?timeout=32s", '/api?timeout=32s', 32_000],
    ['a fractional timeout', '/api?timeout=1.5s', 1_500],
    ['a timeout in minutes and seconds', '/api?timeout=1m5s', 60_000],
    ['?timeout=0 (no timeout of the client’s own)', '/api?timeout=0', 60_000],
    ['a negative timeout', '/api?timeout=-5s', 60_000],
    ['a timeout above the server’s', '/api?timeout=5m', 60_000],
  ])('with %s, gives the request %d ms', async (_name, path, ms) => {
    const timers = new FakeTimers();
    await request(timedApp(timers).app).get(path).expect(200);
    expect(timers.scheduled.map((t) => t.ms)).toEqual([ms]);
    expect(timers.scheduled.every((t) => t.cancelled)).toBe(true);
  });

  it.each([
    ['abc', 'time: invalid duration "abc"'],
    ['5', 'time: missing unit in duration "5"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
  ])('refuses ?timeout=%s with a 400 carrying Go’s words', async (value, goError) => {
    const res = await request(timedApp(new FakeTimers()).app).get(`/api?timeout=${value}`).expect(400);
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `invalid timeout specified in the request URL - ${goError}`,
      reason: 'BadRequest',
      code: 400,
    });
  });

  it.each([
    ['a watch', '/api/v1/pods?watch=true&timeoutSeconds=600'],
    ['logs', '/api/v1/namespaces/default/pods/web-1/log?follow=true'],
    ['exec', '/api/v1/namespaces/default/pods/web-1/exec'],
  ])('sets no timeout for %s, which is long-running', async (_name, path) => {
    const timers = new FakeTimers();
    await request(timedApp(timers).app).get(path).expect(200);
    expect(timers.scheduled).toEqual([]);
  });

  it('cuts the connection when the time is up after the answer began', async () => {
    const timers = new FakeTimers();
    const app = express();
    app.use(requestTimeout({ requestTimeoutMs: 60_000, timers }));
    app.get('/stream', (_req, res) => {
      res.status(200).setHeader('Content-Type', 'application/json');
      res.write('{"items":[');
      timers.fireLast();
    });
    await expect(send(request(app).get('/stream'))).rejects.toThrow();
  });
});
