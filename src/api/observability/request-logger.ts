import { performance } from 'node:perf_hooks';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { TimingOptions } from './request-metrics.js';
import { onResponseDone } from './response-done.js';

/** What one request log line carries, besides pino's level, time and message. */
export interface RequestLogFields {
  method: string;
  /** The URL path as the client sent it. */
  path: string;
  /** The raw query string without `?`, when there is one. */
  query?: string;
  status: number;
  durationMs: number;
  userAgent?: string;
  /** kubectl's `Kubectl-Command` header (`kubectl get`), naming the command behind the request. */
  kubectlCommand?: string;
}

/**
 * One structured line per request when it ends, in the spirit of the apiserver's httplog ("HTTP" verb, URI,
 * latency, userAgent, resp): enough to see what a kubectl command asked for. As httplog, which writes every
 * request only at verbosity 3, request lines are `debug` (`--log-level debug`); server errors log at `error`
 * whatever the level.
 */
export function requestLogger(logger: Logger, options: TimingOptions = {}): RequestHandler {
  const now = options.now ?? (() => performance.now());
  return (req, res, next) => {
    const started = now();
    onResponseDone(res, () => {
      const failed = res.statusCode >= 500;
      if (!failed && !logger.isLevelEnabled('debug')) return;
      const [path, query] = splitUrl(req.originalUrl);
      const fields: RequestLogFields = {
        method: req.method,
        path,
        ...optional('query', query),
        status: res.statusCode,
        durationMs: Math.round((now() - started) * 1000) / 1000,
        ...optional('userAgent', req.get('user-agent')),
        ...optional('kubectlCommand', req.get('kubectl-command')),
      };
      if (failed) logger.error(fields, 'request');
      else logger.debug(fields, 'request');
    });
    next();
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function splitUrl(url: string): [string, string | undefined] {
  const mark = url.indexOf('?');
  if (mark < 0) return [url, undefined];
  const query = url.slice(mark + 1);
  return [url.slice(0, mark), query === '' ? undefined : query];
}
