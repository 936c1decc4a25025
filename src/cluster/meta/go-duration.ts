/**
 * Go's time.Duration text form, which metav1.Duration (metrics `window`) travels in: parsing as
 * time.ParseDuration does, printing as Duration.String does (`20.05s`, `1m30s`, `1h0m0s`, `500ms`).
 */

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  μs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const TERM = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/y;

/** Nanoseconds of a Go duration string, or undefined when it is not one. */
export function parseGoDuration(text: string): bigint | undefined {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-');
    rest = rest.slice(1);
  }
  if (rest === '0') return 0n;
  if (rest === '') return undefined;
  let total = 0n;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < rest.length) {
    const match = TERM.exec(rest);
    if (!match) return undefined;
    const [, whole = '', fraction = '', unitName = ''] = match;
    if (whole === '' && fraction === '') return undefined;
    const unit = UNITS[unitName] ?? 1n;
    total += BigInt(whole || '0') * unit;
    if (fraction !== '') total += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
  }
  return negative ? -total : total;
}

/** `value / 10^precision` with its fraction as Go prints it: trailing zeros dropped, no point when whole. */
function withFraction(value: bigint, precision: number): string {
  const scale = 10n ** BigInt(precision);
  const fraction = (value % scale).toString().padStart(precision, '0').replace(/0+$/, '');
  return fraction ? `${value / scale}.${fraction}` : `${value / scale}`;
}

export function formatGoDuration(nanos: bigint): string {
  const sign = nanos < 0n ? '-' : '';
  const u = nanos < 0n ? -nanos : nanos;
  if (u === 0n) return '0s';
  if (u < 1_000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${withFraction(u, 3)}µs`;
  if (u < 1_000_000_000n) return `${sign}${withFraction(u, 6)}ms`;
  const totalSeconds = u / 1_000_000_000n;
  const seconds = `${withFraction(u % 60_000_000_000n, 9)}s`;
  const minutes = totalSeconds / 60n;
  if (minutes === 0n) return `${sign}${seconds}`;
  const hours = minutes / 60n;
  if (hours === 0n) return `${sign}${minutes}m${seconds}`;
  return `${sign}${hours}h${minutes % 60n}m${seconds}`;
}

/** Duration.String of a whole number of milliseconds (`834ms`, `1.2s`, `1m5.02s`), as the kubelet prints pull times. */
export function formatGoDurationMs(ms: number): string {
  return formatGoDuration(BigInt(Math.floor(ms)) * 1_000_000n);
}
