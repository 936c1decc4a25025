import type { RequestHandler } from 'express';
import { onResponseDone } from '../observability/response-done.js';
import { requestKindOf } from './request-kind.js';

export interface InFlightLimits {
  /** Reads served at once (kube-apiserver `--max-requests-inflight`, 400); 0 for no limit. */
  maxRequestsInFlight: number;
  /** Writes served at once (`--max-mutating-requests-inflight`, 200); 0 for no limit. */
  maxMutatingRequestsInFlight: number;
}

export const DEFAULT_IN_FLIGHT_LIMITS: InFlightLimits = { maxRequestsInFlight: 400, maxMutatingRequestsInFlight: 200 };

/** maxinflight.go's retryAfter: clients wait a second and try again (client-go retries a 429 up to 10 times). */
const RETRY_AFTER_SECONDS = '1';

/**
 * The in-flight limit (apiserver pkg/server/filters/maxinflight.go): reads and writes each have a number of
 * slots; a request that finds its kind full is answered at once with 429 and `Retry-After: 1`, in plain text
 * as upstream writes it with http.Error (not a Status: client-go reads the code and the header). Long-running
 * requests (watches, logs, exec, proxies) take no slot. A slot is given back when the response is sent or the
 * client goes away.
 */
export function maxInFlight(limits: InFlightLimits = DEFAULT_IN_FLIGHT_LIMITS): RequestHandler {
  let reading = 0;
  let mutating = 0;
  return (req, res, next) => {
    const kind = requestKindOf(req);
    if (kind.longRunning) return next();
    const limit = kind.mutating ? limits.maxMutatingRequestsInFlight : limits.maxRequestsInFlight;
    if (limit <= 0) return next();
    const inFlight = kind.mutating ? mutating : reading;
    if (inFlight >= limit) {
      res
        .status(429)
        .setHeader('Retry-After', RETRY_AFTER_SECONDS)
        .setHeader('Content-Type', 'text/plain; charset=utf-8')
        .setHeader('X-Content-Type-Options', 'nosniff')
        .send('Too many requests, please try again later.\n');
      return;
    }
    if (kind.mutating) mutating++;
    else reading++;
    onResponseDone(res, () => {
      if (kind.mutating) mutating--;
      else reading--;
    });
    next();
  };
}
