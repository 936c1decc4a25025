import { ApiError } from '../errors/api-error.js';

/** The most a request body may hold (apiserver pkg/server/config.go MaxRequestBodyBytes: 3 MiB). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/**
 * apimachinery errors.NewRequestEntityTooLargeError(`limit is <n>`), what a handler answers when the body it
 * reads runs past the limit (handlers/rest.go limitedReadBody). Only handlers that read a body check it: a
 * write the read-only policy refuses is answered 403 before its body is read, as authorization comes first.
 */
export function requestEntityTooLarge(limit: number = MAX_REQUEST_BODY_BYTES): ApiError {
  return new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}
