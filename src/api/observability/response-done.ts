import type { Response } from 'express';

/**
 * The callbacks waiting for a response to be done, run by one pair of listeners per response: kept on the response
 * itself, not in a WeakMap keyed by it, as V8's young-generation collector keeps a WeakMap's young keys alive (with
 * the request's whole graph, which is then copied into the old generation: 10 KB a request, measured with
 * `--trace-gc-nvp`).
 */
const waiting = Symbol('callbacks waiting for the response to be done');

type Waited = Response & { [waiting]?: (() => void)[] };

/**
 * Runs `done` once, when the response has been sent (`finish`) or the connection went away first (`close`
 * without `finish`, as when kubectl stops a watch): both must count, and neither twice. Every filter that waits
 * on a response shares one `finish` and one `close` listener, whose callbacks run in the order they were given.
 */
export function onResponseDone(res: Response, done: () => void): void {
  const callbacks = (res as Waited)[waiting];
  if (callbacks) {
    callbacks.push(done);
    return;
  }
  const all = [done];
  (res as Waited)[waiting] = all;
  let called = false;
  const once = (): void => {
    if (called) return;
    called = true;
    for (const callback of all) callback();
  };
  res.once('finish', once);
  res.once('close', once);
}
