import type { RequestHandler, Response } from 'express';
import { ApiError, badRequest } from '../errors/api-error.js';
import { onResponseDone } from '../observability/response-done.js';
import { GoDurationError, parseGoDurationMs } from './go-duration-text.js';
import { requestKindOf } from './request-kind.js';

/** Cancels a scheduled callback. */
export type CancelTimer = () => void;

/** Where the timeout takes its timer from: the process's by default; tests pass one they fire by hand. */
export interface RequestTimers {
  after(ms: number, callback: () => void): CancelTimer;
}

export const realRequestTimers: RequestTimers = {
  after(ms, callback) {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

export interface RequestTimeoutOptions {
  /** The longest a short request may take (kube-apiserver `--request-timeout`, 60 s). */
  requestTimeoutMs: number;
  timers?: RequestTimers;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** apimachinery errors.NewTimeoutError("request did not complete within the allotted timeout", 0). */
export function requestTimedOut(): ApiError {
  return new ApiError(504, 'Timeout', 'Timeout: request did not complete within the allotted timeout', {});
}

/**
 * Makes whatever the handler still writes after the timeout go nowhere, as upstream's timeoutWriter does
 * (its writes fail with ErrHandlerTimeout): the client already has its answer.
 */
function silence(res: Response): void {
  res.writeHead = (() => res) as unknown as Response['writeHead'];
  res.setHeader = (() => res) as unknown as Response['setHeader'];
  res.write = (() => true) as unknown as Response['write'];
  res.end = (() => res) as unknown as Response['end'];
}

/**
 * The request deadline and timeout filters (apiserver pkg/endpoints/filters/request_deadline.go, pkg/server/
 * filters/timeout.go): a short request gets the server's timeout, or the client's `?timeout=` when that is
 * shorter and above zero (kubectl's discovery asks for 32s); an unreadable `?timeout=` is a 400. When the time
 * is up before the handler has answered, the client gets 504 Timeout — written, as upstream's timeoutWriter
 * writes it, with a JSON encoder straight onto the response: the Status without kind and apiVersion, and no
 * Content-Type, which Go's server then sniffs as text/plain. If the answer had already begun, the connection
 * is cut instead (upstream panics with ErrAbortHandler). Long-running requests have no timeout here: watches
 * end by their own `timeoutSeconds`.
 */
export function requestTimeout(options: RequestTimeoutOptions): RequestHandler {
  const timers = options.timers ?? realRequestTimers;
  return (req, res, next) => {
    if (requestKindOf(req).longRunning) return next();
    // The URL is parsed only when it may carry the parameter: most requests do not.
    const asked = req.originalUrl.includes('timeout=') ? (new URL(req.originalUrl, 'http://localhost').searchParams.get('timeout') ?? '') : '';
    let timeoutMs = options.requestTimeoutMs;
    if (asked !== '') {
      let askedMs: number;
      try {
        askedMs = parseGoDurationMs(asked);
      } catch (error) {
        if (!(error instanceof GoDurationError)) throw error;
        return next(badRequest(`invalid timeout specified in the request URL - ${error.message}`));
      }
      if (askedMs > 0 && askedMs < timeoutMs) timeoutMs = askedMs;
    }
    const cancel = timers.after(timeoutMs, () => {
      if (res.writableEnded) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const status = requestTimedOut().toStatus();
      const { kind: _kind, apiVersion: _apiVersion, ...encoded } = status;
      res.statusCode = 504;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`${JSON.stringify(encoded)}\n`);
      silence(res);
    });
    onResponseDone(res, cancel);
    next();
  };
}
