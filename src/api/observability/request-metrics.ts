import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { ApiMetrics } from './api-metrics.js';
import { type RequestLabels, requestLabelsOf } from './request-labels.js';
import { onResponseDone } from './response-done.js';

export interface TimingOptions {
  /** Milliseconds from an arbitrary origin; tests pass a fake clock. */
  now?: () => number;
}

/**
 * Counts and times every request, like the apiserver's instrumented route functions. Labels are read from the
 * original URL before any router rewrites it; the sample is taken when the response ends or the client leaves.
 */
export function requestMetrics(metrics: ApiMetrics, options: TimingOptions = {}): RequestHandler {
  const now = options.now ?? (() => performance.now());
  return (req, res, next) => {
    const started = now();
    const labels = requestLabelsOf(req);
    onResponseDone(res, () => metrics.observe(boundedLabels(labels, res.statusCode), res.statusCode, (now() - started) / 1000));
    next();
  };
}

/**
 * A non-resource path is a label value, so paths that do not exist would grow the metrics without bound (upstream
 * never sees them: its not-found handler is not instrumented). They are counted together as `other`.
 */
function boundedLabels(labels: RequestLabels, code: number): RequestLabels {
  return code === 404 && labels.resource === '' ? { ...labels, subresource: 'other' } : labels;
}
