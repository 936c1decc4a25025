import { InvalidArgumentError } from 'commander';

/** A TCP port: 0 (any free port) to 65535, digits only (so `6443abc` or `-1` are mistakes, not 6443). */
export function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port > 65535) throw new InvalidArgumentError('Expected a port number from 0 to 65535.');
  return port;
}

/** A host to bind: an IP or a name, never empty and never with spaces or a scheme (`https://…` is a common slip). */
export function parseHost(value: string): string {
  if (value === '' || /\s/.test(value)) throw new InvalidArgumentError('Expected an IP address or host name.');
  if (value.includes('://')) throw new InvalidArgumentError('Expected an IP address or host name, not a URL.');
  return value;
}

/** A path argument must name something. */
export function parsePath(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('Expected a file path.');
  return value;
}

/** The simulation's speed: a positive factor such as 1, 10 or 0.5 (at most 1000, where a second holds 16 minutes). */
export function parseSpeed(value: string): number {
  const speed = /^\d+(\.\d+)?$|^\.\d+$/.test(value) ? Number(value) : NaN;
  if (!(speed > 0) || speed > 1000) throw new InvalidArgumentError('Expected a speed factor above 0 and at most 1000, such as 1, 10 or 0.5.');
  return speed;
}

/** A seed: a whole number, so it can be written down and given again. */
export function parseSeed(value: string): number {
  const seed = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError('Expected a whole number such as 1 or 42.');
  return seed;
}

/** A count of requests: a whole number, 0 meaning no limit (as kube-apiserver's `--max-requests-inflight`). */
export function parseInFlightLimit(value: string): number {
  const limit = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(limit)) throw new InvalidArgumentError('Expected a whole number of requests, 0 for no limit.');
  return limit;
}

/** Go's boolean flag values (strconv.ParseBool), as `--anonymous-auth=false` is given to kube-apiserver. */
export function parseBooleanFlag(value: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new InvalidArgumentError('Expected true or false.');
}

const DURATION_UNITS_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** A positive Go duration such as `60s`, `1m30s` or `500ms` (kube-apiserver's `--request-timeout=1m0s`), in milliseconds. */
export function parseRequestTimeout(value: string): number {
  const terms = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s))+$/.test(value) ? [...value.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)] : [];
  const ms = terms.reduce((total, [, amount = '0', unit = 's']) => total + Number(amount) * (DURATION_UNITS_MS[unit] ?? 0), 0);
  if (!(ms >= 1)) throw new InvalidArgumentError('Expected a duration such as 60s, 1m30s or 500ms.');
  return Math.round(ms);
}

/** A bearer token: visible ASCII without spaces, since the Authorization header is split on spaces. */
export function parseToken(value: string): string {
  if (!/^[\x21-\x7e]+$/.test(value)) throw new InvalidArgumentError('Expected a token of visible ASCII characters without spaces.');
  return value;
}
