import { JsonPathError } from './jsonpath-error.js';
import type { SliceParam } from './nodes.js';

/**
 * The character classes and small readers the template parser relies on (client-go util/jsonpath/parser.go:
 * isTerminator, isAlphaNumeric, the dict-key and slice regular expressions, strconv.Atoi/ParseFloat).
 */

export const EOF = -1;

export const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
// Go's `.` matches anything but `\n`; JS's would also stop at `\r`, U+2028 and U+2029.
export const COMPARISON = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/;
const INTEGER = /^[+-]?[0-9]+$/;
const FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
/** Go's unicode.IsPrint, for the `%#U` rendering of an unexpected character. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** What ends a field name or identifier (isTerminator); note `)`, `=` and quotes do not. */
const TERMINATORS = new Set([' ', '\t', '\r', '\n', '.', ',', '[', ']', '$', '@', '{', '}'].map((c) => c.charCodeAt(0)));

export const char = (code: number): string => String.fromCodePoint(code);
/** unicode.IsDigit: any decimal digit, not only ASCII (such a number then fails to parse, as upstream). */
export const isDigit = (code: number): boolean => code !== EOF && DIGIT.test(char(code));
export const isAlphaNumeric = (code: number): boolean => code === 0x5f || (code !== EOF && (LETTER.test(char(code)) || isDigit(code)));
export const isTerminator = (code: number): boolean => code === EOF || TERMINATORS.has(code);
export const isEndOfLine = (code: number): boolean => code === 0x0a || code === 0x0d;

/** Go's `%#U`: `U+002A '*'`, without the quoted character when it is not printable. */
export function describeRune(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return PRINTABLE.test(char(code)) ? `${hex} '${char(code)}'` : hex;
}

export function fail(message: string): never {
  throw new JsonPathError(message, 'parse');
}

/** strconv.Atoi: ASCII digits with an optional sign, within int64; undefined where Go errs. */
function atoi(text: string): number | undefined {
  if (!INTEGER.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : Number(value);
}

/** A number literal: an int when Atoi takes it, else a float when ParseFloat does. */
export function parseNumberLiteral(text: string): { type: 'int' | 'float'; value: number } {
  const integer = atoi(text);
  if (integer !== undefined) return { type: 'int', value: integer };
  if (FLOAT.test(text)) return { type: 'float', value: Number(text) };
  return fail(`cannot parse number ${text}`);
}

/** The bounds of `[start:end:step]`, or undefined when the text is no slice; a plain `[n]` gets the derived end n+1. */
export function parseSlice(text: string): [SliceParam, SliceParam, SliceParam] | undefined {
  const match = SLICE.exec(text);
  if (!match) return undefined;
  const params: SliceParam[] = [];
  [match[1] ?? '', match[2] ?? '', match[3] ?? ''].forEach((raw, i) => {
    const bound = i > 0 ? raw.slice(1) : raw;
    if (raw === '') {
      const start = params[0]?.value ?? 0;
      params.push(i === 1 ? { value: start + 1, known: true, derived: true } : { value: 0, known: false, derived: false });
    } else if (i > 0 && bound === '') {
      params.push({ value: 0, known: false, derived: false });
    } else {
      const value = atoi(bound);
      if (value === undefined) fail(`array index ${bound} is not a number`);
      params.push({ value, known: true, derived: false });
    }
  });
  return params as [SliceParam, SliceParam, SliceParam];
}
