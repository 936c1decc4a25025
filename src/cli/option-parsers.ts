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
