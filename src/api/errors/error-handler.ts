import type { ErrorRequestHandler } from 'express';
import { StoreError } from '../../cluster/index.js';
import { ApiError, badRequest, internalError } from './api-error.js';
import { storeErrorToApiError } from './store-errors.js';
import { writeRaw } from '../responses/write-body.js';

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
    writeRaw(res, apiError.code, 'application/json', JSON.stringify(apiError.toStatus()));
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreError) return storeErrorToApiError(error);
  if (error instanceof Error && error.name === 'SelectorError') return badRequest(error.message);
  // body-parser and friends mark client errors with a status.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, status === 413 ? '' : 'BadRequest', error instanceof Error ? error.message : 'bad request');
  }
  return internalError('an unexpected error occurred; it has been logged');
}
