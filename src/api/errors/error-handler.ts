import type { ErrorRequestHandler } from 'express';
import { StoreError } from '../../cluster/index.js';
import { ApiError, badRequest, internalError } from './api-error.js';
import { storeErrorToApiError } from './store-errors.js';
import { requestEntityTooLarge } from '../limits/request-entity-too-large.js';
import { negotiateResourceOutput, type ResourceOutput, wantsPretty } from '../negotiation/resource-output.js';
import { writeObject, writeRaw } from '../responses/write-body.js';

export interface ErrorLogger {
  error(details: object, message: string): void;
}

/**
 * The last middleware: every failure leaves as a metav1.Status. Known errors keep their meaning; anything
 * unexpected is a bug, logged with its stack and answered with a 500 that reveals nothing of it.
 */
export function errorHandler(logger: ErrorLogger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (res.headersSent) {
      logger.error({ err: error, path: req.path }, 'error after the response started');
      res.destroy();
      return;
    }
    const apiError = toApiError(error);
    if (apiError.code >= 500 && !(error instanceof ApiError)) {
      logger.error({ err: error, method: req.method, path: req.originalUrl }, 'unexpected error');
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const retryAfter = apiError.details?.retryAfterSeconds;
    if (retryAfter !== undefined && (apiError.code === 429 || apiError.code >= 500)) res.setHeader('Retry-After', String(retryAfter));
    const status = apiError.toStatus();
    // A 406 cannot be answered in a type the client asked for: upstream writes it as indented JSON (WriteRawJSON).
    if (apiError.code === 406) return writeRaw(res, 406, 'application/json', JSON.stringify(status, null, 2));
    writeObject(res, apiError.code, status, statusFormat(req.get('accept'), wantsPretty(req.query as Record<string, unknown>, req.get('user-agent'))));
  };
}

/**
 * The Status is written in the format the request negotiated (responsewriters.ErrorNegotiated): YAML for a
 * YAML client, protobuf for one that prefers it (client-go's typed clients), indented JSON for a person (curl,
 * `?pretty`), compact JSON otherwise.
 */
function statusFormat(accept: string | undefined, pretty: boolean): 'json' | 'pretty' | 'yaml' | 'protobuf' {
  let output: ResourceOutput;
  try {
    output = negotiateResourceOutput(accept, { tableAllowed: false, pretty, protobuf: true });
  } catch {
    return 'json';
  }
  if (output.format === 'yaml') return 'yaml';
  if (output.format === 'protobuf') return 'protobuf';
  return output.format === 'json' && output.pretty ? 'pretty' : 'json';
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreError) return storeErrorToApiError(error);
  if (error instanceof Error && error.name === 'SelectorError') return badRequest(error.message);
  // body-parser says so when a body runs past its limit (the access reviews read theirs with MAX_REQUEST_BODY_BYTES).
  const parserError = error as { type?: unknown; limit?: unknown } | null;
  if (parserError?.type === 'entity.too.large' && typeof parserError.limit === 'number') return requestEntityTooLarge(parserError.limit);
  // body-parser and friends mark client errors with a status.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, status === 413 ? '' : 'BadRequest', error instanceof Error ? error.message : 'bad request');
  }
  return internalError('an unexpected error occurred; it has been logged');
}
