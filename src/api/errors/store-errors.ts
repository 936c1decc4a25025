import { StoreError } from '../../cluster/index.js';
import { ApiError, badRequest } from './api-error.js';

/**
 * Storage errors become API errors here and only here (apiserver pkg/storage/errors.go →
 * pkg/api/errors): the store speaks of keys and revisions, the client hears Status reasons.
 */
export function storeErrorToApiError(error: StoreError): ApiError {
  switch (error.reason) {
    case 'Expired':
      return new ApiError(410, 'Expired', error.message, undefined, error.continueToken);
    case 'TooLargeResourceVersion': {
      const { requested, limit } = error.resourceVersions ?? { requested: 0, limit: 0 };
      return new ApiError(504, 'Timeout', `Timeout: Too large resource version: ${requested}, current: ${limit}`, {
        causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
        retryAfterSeconds: 1,
      });
    }
    case 'NotFound':
      return new ApiError(404, 'NotFound', error.message);
    case 'AlreadyExists':
      return new ApiError(409, 'AlreadyExists', error.message);
    case 'InvalidContinue':
    case 'InvalidResourceVersion':
      return badRequest(error.message);
  }
}

/** Runs a store operation, answering what the store refuses as its Status. */
export function fromStore<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof StoreError) throw storeErrorToApiError(error);
    throw error;
  }
}
