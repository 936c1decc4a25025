/** Go's time.Duration units in milliseconds. */
const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration's refusal, worded as Go words it (the API server passes it on in a 400). */
export class GoDurationError extends Error {
  override readonly name = 'GoDurationError';
}

const quote = (text: string): string => JSON.stringify(text);

/**
 * Milliseconds of a Go duration (`32s`, `1m30s`, `1.5h`, `-2s`, `0`), read as time.ParseDuration reads it:
 * a sign, then terms of a decimal number and a unit; `0` alone needs no unit. Errors carry Go's messages.
 */
export function parseGoDurationMs(text: string): number {
  const invalid = (): GoDurationError => new GoDurationError(`time: invalid duration ${quote(text)}`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw invalid();
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(rest);
    const [matched = '', whole = '', fraction] = number ?? [];
    if (whole === '' && (fraction === undefined || fraction === '')) throw invalid();
    rest = rest.slice(matched.length);
    const unit = /^[^\d.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') throw new GoDurationError(`time: missing unit in duration ${quote(text)}`);
    const unitMs = UNIT_MS[unit];
    if (unitMs === undefined) throw new GoDurationError(`time: unknown unit ${quote(unit)} in duration ${quote(text)}`);
    rest = rest.slice(unit.length);
    total += Number(`${whole || '0'}.${fraction ?? '0'}`) * unitMs;
  }
  // time.Duration is int64 nanoseconds: about 292 years.
  if (total > 9_223_372_036_854) throw invalid();
  return sign * total;
}
