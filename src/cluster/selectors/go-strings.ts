/**
 * Go string behaviour the selectors must reproduce to give the server's answers: `%q` quoting (strconv.Quote),
 * as validation messages quote the offending value (apimachinery pkg/util/validation/field/errors.go); bytewise
 * order; byte lengths; strconv.ParseInt.
 */

const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');

export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const named = NAMED_ESCAPES[char];
    const code = char.codePointAt(0) ?? 0;
    if (named !== undefined) out += named;
    else if (PRINTABLE.test(char)) out += char;
    else if (code < 0x80) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

/** Go compares strings bytewise; for UTF-8 that is code point order (JS `<` compares UTF-16 units). */
export function compareGoStrings(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

const encoder = new TextEncoder();

/** Go's len() of a string counts UTF-8 bytes; length limits in validation messages depend on it. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(text, 10, 64): optional sign, decimal digits, within int64; undefined where Go errors. */
export function parseGoInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}
