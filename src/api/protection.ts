import type { RequestHandler } from 'express';
import { type AuthenticationOptions, authenticate } from './authentication/index.js';
import { DEFAULT_IN_FLIGHT_LIMITS, DEFAULT_REQUEST_TIMEOUT_MS, type InFlightLimits, maxInFlight, requestTimeout, type RequestTimers } from './limits/index.js';

/** What protects the server as a real API server is protected: who may connect, how much at once, for how long. */
export interface ProtectionOptions {
  /** Anonymous requests served, no token, when absent (what an app built directly in a test gets). */
  authentication?: AuthenticationOptions;
  /** Upstream's 400 reads and 200 writes when absent. */
  inFlight?: InFlightLimits;
  /** Upstream's 60 s when absent. */
  requestTimeoutMs?: number;
  /** The timeout's timers; tests fire them by hand. */
  timers?: RequestTimers;
}

export interface ProtectionFilters {
  timeout: RequestHandler;
  authentication: RequestHandler;
  inFlight: RequestHandler;
}

/** The filters, each placed in createApp where kube-apiserver's handler chain has it (server/config.go DefaultBuildHandlerChain). */
export function protectionFilters(options: ProtectionOptions = {}): ProtectionFilters {
  return {
    timeout: requestTimeout({
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      ...(options.timers === undefined ? {} : { timers: options.timers }),
    }),
    authentication: authenticate(options.authentication ?? { anonymous: 'enabled' }),
    inFlight: maxInFlight(options.inFlight ?? DEFAULT_IN_FLIGHT_LIMITS),
  };
}
