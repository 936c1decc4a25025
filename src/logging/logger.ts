import { type DestinationStream, type Logger, pino } from 'pino';

/** pino's levels, plus `silent` to turn logging off (jest suites using the programmatic API). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * The server's logger: JSON lines on stdout (or on `destination`), so the startup banner and errors on stderr
 * stay readable while the log can be piped into jq or a log collector.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { name: 'kubefacade' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}

export type { Logger } from 'pino';
