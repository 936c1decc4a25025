/**
 * resource.Quantity as apimachinery pkg/api/resource has it, for the loader, the simulation and the printers alike:
 * parse a quantity, add quantities, read it as whole units or millis (rounded up, as Value and MilliValue), and
 * render the canonical form the API server stores and prints (`250000000n` → `250m`, `1048576Ki` → `1Gi`).
 * Values are kept as an exact count of nano-units; like ParseQuantity, finer precision is rounded up.
 */

import { boundedMemo } from './bounded-memo.js';

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

/**
 * ParseQuantity where a bad quantity is a bug in what the cluster holds (the API server would have refused it):
 * a number is taken as the quantity it prints as, an absent value is the zero Quantity.
 */
export function mustParseQuantity(value: string | number | undefined): Quantity {
  if (value === undefined) return { nanos: 0n, format: undefined };
  const quantity = parseQuantity(String(value));
  if (!quantity) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${value}`);
  return quantity;
}

/** resource.NewQuantity: a whole number of units in a format (`NewQuantity(bytes, BinarySI)`). */
export function newQuantity(value: number | bigint, format: QuantityFormat): Quantity {
  return { nanos: BigInt(value) * NANO, format };
}

/**
 * Machine memory or storage as the kubelet reports it: `NewQuantity(bytes, BinarySI).String()` of a whole number of
 * KiB (cadvisor reads /proc/meminfo in kB), so `3880524Ki`, or `17394Mi` when that is exact.
 */
export function kibibytesText(bytes: number): string {
  return formatQuantity(newQuantity(Math.floor(bytes / 1024) * 1024, 'BinarySI'));
}

/** resource.NewScaledQuantity(value, Nano): a whole number of nano-units, printed DecimalSI (metrics-server's cpu). */
export function newNanoQuantity(nanos: number | bigint): Quantity {
  return { nanos: BigInt(nanos), format: 'DecimalSI' };
}

/** Ceiling of a signed count of nano-units divided by `unit`: Value and MilliValue round up. */
function ceilingOf(nanos: bigint, unit: bigint): number {
  const quotient = nanos / unit;
  return Number(nanos % unit > 0n ? quotient + 1n : quotient);
}

const asQuantity = (value: Quantity | string | number | undefined): Quantity => (typeof value === 'object' ? value : mustParseQuantity(value));

const MILLI = 1_000_000n;

/** What a text comes to in whole units and in thousandths. A cluster has few distinct texts (`100m`, `128Mi`) and reads them for every pod it places: each is parsed once. */
const valueOfText = boundedMemo((text: string) => ceilingOf(mustParseQuantity(text).nanos, NANO));
const milliValueOfText = boundedMemo((text: string) => ceilingOf(mustParseQuantity(text).nanos, MILLI));

/** Quantity.Value: whole units, rounded up (bytes of a memory quantity). A text is parsed as mustParseQuantity does. */
export function quantityValue(quantity: Quantity | string | number | undefined): number {
  return typeof quantity === 'string' ? valueOfText(quantity) : ceilingOf(asQuantity(quantity).nanos, NANO);
}

/** Quantity.MilliValue: thousandths, rounded up (millicores of a cpu quantity). */
export function quantityMilliValue(quantity: Quantity | string | number | undefined): number {
  return typeof quantity === 'string' ? milliValueOfText(quantity) : ceilingOf(asQuantity(quantity).nanos, MILLI);
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
  // Binary values below 1024 print as DecimalSI (CanonicalizeBytes), so 1000 bytes are `1k`.
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

/**
 * A resource.Quantity field as the printers show it: Quantity.String, i.e. the canonical form the server stores
 * (`1024Mi` → `1Gi`, `0.5` → `500m`). An absent value is Go's zero Quantity, which prints `0`.
 * A number on the wire (`pods: 10` in YAML) is a quantity too, as Quantity.UnmarshalJSON accepts it.
 */
export function quantityText(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '0';
  const text = String(value);
  const quantity = parseQuantity(text);
  // The server never stores an unparseable quantity; show such a value as it is rather than fail the row.
  return quantity ? formatQuantity(quantity) : text;
}
