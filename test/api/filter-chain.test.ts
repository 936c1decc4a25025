import express, { type RequestHandler } from 'express';
import request from 'supertest';
import { badRequest } from '../../src/api/errors/api-error.js';
import { errorHandler } from '../../src/api/errors/error-handler.js';
import { filterChain } from '../../src/api/filter-chain.js';

/** A filter that records its name in a header and passes the request on. */
const mark =
  (name: string): RequestHandler =>
  (_req, res, next) => {
    res.append('X-Filters', name);
    next();
  };

const appWith = (filters: RequestHandler[]) =>
  express()
    .use(filterChain(filters))
    .use((_req, res) => {
      res.status(200).send('handled');
    })
    .use(errorHandler({ error: () => undefined }));

describe('filterChain', () => {
  test('runs every filter in order, then the handlers after it', async () => {
    const res = await request(appWith([mark('a'), mark('b'), mark('c')]))
      .get('/anything')
      .expect(200);
    expect(res.headers['x-filters']).toBe('a, b, c');
    expect(res.text).toBe('handled');
  });

  test('an empty chain passes the request on', async () => {
    await request(appWith([])).get('/').expect(200, 'handled');
  });

  test('a filter that answers ends the request there', async () => {
    const answer: RequestHandler = (_req, res) => {
      res.status(429).send('too many');
    };
    const res = await request(appWith([mark('a'), answer, mark('never')]))
      .get('/')
      .expect(429, 'too many');
    expect(res.headers['x-filters']).toBe('a');
  });

  test.each<[string, RequestHandler]>([
    ['passes an error to next', (_req, _res, next) => next(badRequest('refused by the filter'))],
    [
      'throws an error',
      () => {
        throw badRequest('refused by the filter');
      },
    ],
    ['returns a promise that rejects', () => Promise.reject(badRequest('refused by the filter'))],
  ])('a filter that %s: the error handler answers with its Status, the filters after it never run', async (_how, failing) => {
    const res = await request(appWith([mark('a'), failing, mark('never')]))
      .get('/')
      .expect(400);
    expect(res.headers['x-filters']).toBe('a');
    expect(res.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', message: 'refused by the filter', code: 400 });
  });

  test('a filter whose promise rejects without a reason still ends in the error handler, not in the next filter', async () => {
    // What is tested is exactly a rejection without an Error.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    const rejectsWithNothing: RequestHandler = () => Promise.reject(undefined);
    const res = await request(appWith([rejectsWithNothing, mark('never')]))
      .get('/')
      .expect(500);
    expect(res.headers['x-filters']).toBeUndefined();
    expect(res.body).toMatchObject({ kind: 'Status', status: 'Failure', code: 500 });
  });

  test('a filter that calls next later (after I/O) continues the chain then', async () => {
    const later: RequestHandler = (_req, _res, next) => {
      setImmediate(next);
    };
    const res = await request(appWith([later, mark('b')]))
      .get('/')
      .expect(200);
    expect(res.headers['x-filters']).toBe('b');
  });
});
