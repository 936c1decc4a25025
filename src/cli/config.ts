import type { LogLevel } from '../logging/logger.js';

/** Everything `kubefacade serve` was asked to do, parsed and validated, paths absolute. */
export interface Config {
  command: 'serve';
  /** The cluster file to serve. */
  clusterFile: string;
  /** The address to bind: an IP or a host name. */
  host: string;
  /** The port to bind; 0 asks the system for a free one. */
  port: number;
  /** Serve plain HTTP instead of HTTPS. */
  http: boolean;
  /** Where to write a kubeconfig for the server once it listens, if anywhere. */
  writeKubeconfig: string | undefined;
  logLevel: LogLevel;
  /** Where the CA and serving certificate are kept across restarts. */
  stateDir: string;
  /** Simulated seconds per real second. */
  speed: number;
  /** Seeds every random choice of the simulation: one seed, one cluster file, one sequence of changes. */
  seed: number;
  /** `auto`: live for a compact cluster file, static for captured objects; `--live` or `--static` decide instead. */
  simulate: 'auto' | 'live' | 'static';
  /** The bearer token clients must present (`--token` or KUBEFACADE_TOKEN); kept in the state dir when undefined. */
  token: string | undefined;
  /** `--anonymous-auth`: serve requests without a token everywhere (true) or nowhere (false); undefined: on loopback only. */
  anonymousAuth: boolean | undefined;
  /** Reads served at once before a 429; 0 for no limit. */
  maxRequestsInFlight: number;
  /** Writes served at once before a 429; 0 for no limit. */
  maxMutatingRequestsInFlight: number;
  /** How long a short request may take before a 504, in milliseconds. */
  requestTimeoutMs: number;
}
