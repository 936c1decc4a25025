import { ApiError } from '../errors/api-error.js';

/**
 * What the API server answers when the proxy cannot dial its backend. A plain request goes through the
 * rewriting transport, which wraps the dial error as `error trying to reach service: …` in a 503
 * ServiceUnavailable (apimachinery pkg/util/proxy/transport.go RoundTrip); an upgrade request dials directly
 * and the bare Go error becomes a 500 without a reason (upgradeaware.go tryUpgrade → ErrorToAPIStatus).
 * kubefacade has no network behind it: a backend it does not simulate is never reachable.
 */
export type DialFailure = 'no route to host' | 'connection refused';

export function unreachableBackend(address: string, failure: DialFailure, upgrade: boolean): ApiError {
  const dialError = `dial tcp ${address}: connect: ${failure}`;
  if (upgrade) return new ApiError(500, '', dialError);
  return new ApiError(503, 'ServiceUnavailable', `error trying to reach service: ${dialError}`);
}
