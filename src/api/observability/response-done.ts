import type { Response } from 'express';

/**
 * Runs `done` once, when the response has been sent (`finish`) or the connection went away first (`close`
 * without `finish`, as when kubectl stops a watch): both must count, and neither twice.
 */
export function onResponseDone(res: Response, done: () => void): void {
  let called = false;
  const once = (): void => {
    if (called) return;
    called = true;
    done();
  };
  res.once('finish', once);
  res.once('close', once);
}
