/**
 * Just enough of apimachinery pkg/api/resource (Quantity) to print metrics as metrics-server does: parse a
 * quantity, add quantities, and render the canonical form (`250000000n` → `250m`, `1048576Ki` → `1Gi`).
 * Values are kept as an exact count of nano-units; like ParseQuantity, finer precision is rounded up.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  nanos: bigint;
  /** Undefined for the zero Quantity{} a sum starts from (printed as DecimalExponent, like Go's empty format). */
  format: QuantityFormat | undefined;
}

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: readonly string[] = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANO = 1_000_000_000n;
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

const pow = (base: bigint, exponent: number): bigint => base ** BigInt(exponent);

/** Ceiling of num/den for non-negative operands. */
const ceilDiv = (num: bigint, den: bigint): bigint => (num + den - 1n) / den;

/** A quantity string, or undefined when it is not one. */
export function parseQuantity(text: string): Quantity | undefined {
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', suffix = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  const mantissa = BigInt(`${whole}${fraction}` || '0');

  let format: QuantityFormat;
  let multiplier = 1n;
  let exponent10: number;
  const binary = BINARY_SUFFIXES.indexOf(suffix);
  if (suffix !== '' && binary > 0) {
    format = 'BinarySI';
    multiplier = pow(1024n, binary);
    exponent10 = 0;
  } else if (suffix in DECIMAL_SUFFIXES) {
    format = 'DecimalSI';
    exponent10 = DECIMAL_SUFFIXES[suffix] ?? 0;
  } else if (/^[eE][+-]?\d+$/.test(suffix)) {
    format = 'DecimalExponent';
    exponent10 = Number(suffix.slice(1));
  } else {
    return undefined;
  }

  // value = mantissa × multiplier × 10^(exponent10 − fraction digits); nanos = value × 10^9, rounded up.
  const shift = 9 + exponent10 - fraction.length;
  const scaled = mantissa * multiplier;
  const magnitude = shift >= 0 ? scaled * pow(10n, shift) : ceilDiv(scaled, pow(10n, -shift));
  return { nanos: sign === '-' ? -magnitude : magnitude, format };
}

/** Quantity.Add from a zero value: the sum takes the format of the first term added while it was zero. */
export function sumQuantities(terms: readonly Quantity[]): Quantity {
  let sum: Quantity = { nanos: 0n, format: undefined };
  for (const term of terms) {
    sum = { nanos: sum.nanos + term.nanos, format: sum.nanos === 0n ? term.format : sum.format };
  }
  return sum;
}

/** Quantity.String: the canonical form in the quantity's format. */
export function formatQuantity(quantity: Quantity): string {
  const { nanos } = quantity;
  if (nanos === 0n) return '0';
  const negative = nanos < 0n;
  const magnitude = negative ? -nanos : nanos;
  const sign = negative ? '-' : '';
  // Binary form only for whole values of at least 1024; anything else would lose precision (or confuse).
  if (quantity.format === 'BinarySI' && magnitude >= 1024n * NANO && magnitude % NANO === 0n) {
    let value = magnitude / NANO;
    let power = 0;
    while (value % 1024n === 0n && power < BINARY_SUFFIXES.length - 1) {
      value /= 1024n;
      power++;
    }
    return `${sign}${value}${BINARY_SUFFIXES[power] ?? ''}`;
  }
  const { mantissa, exponent } = decimalCanonical(magnitude);
  if (quantity.format === 'DecimalSI' || quantity.format === 'BinarySI') {
    const suffix = Object.entries(DECIMAL_SUFFIXES).find(([, e]) => e === exponent)?.[0] ?? '';
    return `${sign}${mantissa}${suffix}`;
  }
  return `${sign}${mantissa}${exponent === 0 ? '' : `e${exponent}`}`;
}

/** Mantissa and a multiple-of-three exponent (between −9 and 18) with as few trailing zeros as that allows. */
function decimalCanonical(nanos: bigint): { mantissa: bigint; exponent: number } {
  let mantissa = nanos;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const remainder = ((exponent % 3) + 3) % 3;
  mantissa *= pow(10n, remainder);
  exponent -= remainder;
  while (exponent > 18) {
    mantissa *= 1000n;
    exponent -= 3;
  }
  return { mantissa, exponent };
}
