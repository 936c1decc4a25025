export { CONNECTION_TIMEOUTS } from './connection-timeouts.js';
export { DEFAULT_IN_FLIGHT_LIMITS, type InFlightLimits, maxInFlight } from './max-in-flight.js';
export { MAX_REQUEST_BODY_BYTES } from './request-entity-too-large.js';
export type { RequestKind } from './request-kind.js';
export { type CancelTimer, DEFAULT_REQUEST_TIMEOUT_MS, requestTimeout, type RequestTimeoutOptions, type RequestTimers } from './request-timeout.js';
