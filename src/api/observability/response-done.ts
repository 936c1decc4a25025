import type { Response } from 'express';

/** The callbacks waiting for a response to be done, run by one pair of listeners per response. */
const waiting = new WeakMap<Response, (() => void)[]>();

/**
 * Runs `done` once, when the response has been sent (`finish`) or the connection went away first (`close`
 * without `finish`, as when kubectl stops a watch): both must count, and neither twice. Every filter that waits
 * on a response shares one `finish` and one `close` listener, whose callbacks run in the order they were given.
 */
export function onResponseDone(res: Response, done: () => void): void {
  const callbacks = waiting.get(res);
  if (callbacks) {
    callbacks.push(done);
    return;
  }
  const all = [done];
  waiting.set(res, all);
  let called = false;
  const once = (): void => {
    if (called) return;
    called = true;
    for (const callback of all) callback();
  };
  res.once('finish', once);
  res.once('close', once);
}
