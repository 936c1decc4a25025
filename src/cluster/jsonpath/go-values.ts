import { compareGoStrings } from '../selectors/go-strings.js';

/**
 * JSON values seen as Go sees them after the API server decodes an object into unstructured form
 * (apimachinery pkg/util/json convertNumber): whole numbers within int64 are int64, other numbers float64,
 * objects map[string]interface{}, arrays []interface{}. client-go's jsonpath compares and prints by these
 * Go kinds, so we classify JS values the same way.
 */

/** A float literal of a template (`1.0`): Go keeps it a float64 even when whole, and comparisons care. */
export class GoFloat {
  constructor(readonly value: number) {}
}

export type GoKind = 'nil' | 'bool' | 'int' | 'float' | 'string' | 'slice' | 'map';

const INT64_LIMIT = 2 ** 63;

export function isGoMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof GoFloat);
}

export function goKind(value: unknown): GoKind {
  if (value === null || value === undefined) return 'nil';
  if (value instanceof GoFloat) return 'float';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < INT64_LIMIT ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'string':
      return 'string';
    default:
      return Array.isArray(value) ? 'slice' : 'map';
  }
}

/** The Go type name reflect prints in messages such as `map[string]interface {} is not array or slice`. */
export function goTypeName(value: unknown): string {
  const names: Record<GoKind, string> = {
    nil: 'interface {}',
    bool: 'bool',
    int: 'int64',
    float: 'float64',
    string: 'string',
    slice: '[]interface {}',
    map: 'map[string]interface {}',
  };
  return names[goKind(value)];
}

export function numericValue(value: unknown): number {
  if (value instanceof GoFloat) return value.value;
  return Number(value);
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64) as fmt's `%v` uses it: the shortest digits that read back the same,
 * in exponent form when the exponent is below -4 or at least 6 (`2.5`, `1e+06`, `1.5e-05`).
 */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const sign = value < 0 ? '-' : '';
  const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const exponent = Number(exponentText);
  const digits = mantissa.replace('.', '');
  if (exponent < -4 || exponent >= 6) {
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** An int64 in decimal, exactly (String() would switch to exponent form past 1e21). */
function formatGoInt(value: number | bigint): string {
  return BigInt(value).toString();
}

/** Scalars as fmt.Sprint prints them; undefined for maps and slices. */
export function formatGoScalar(value: unknown): string | undefined {
  switch (goKind(value)) {
    case 'nil':
      return '<nil>';
    case 'bool':
    case 'string':
      return String(value);
    case 'int':
      return formatGoInt(value as number | bigint);
    case 'float':
      return formatGoFloat(numericValue(value));
    default:
      return undefined;
  }
}

/** Map keys in Go's order: fmt and encoding/json both sort string keys bytewise. */
export function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map)
    .filter((key) => map[key] !== undefined)
    .sort(compareGoStrings);
}

/** fmt.Sprint of a decoded JSON value: `[a b]` for slices, `map[k:v]` for maps, `<nil>` for null. */
export function goSprint(value: unknown): string {
  const scalar = formatGoScalar(value);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  const map = value as Record<string, unknown>;
  return `map[${sortedKeys(map)
    .map((key) => `${key}:${goSprint(map[key])}`)
    .join(' ')}]`;
}
