/**
 * The unquoting of quoted text inside an action (`{"\t"}`, `{'x'}`): client-go util/jsonpath/parser.go
 * UnquoteExtend, which is Go's strconv.Unquote extended to single-quoted strings of any length, each escape read
 * as strconv.UnquoteChar reads it. Go builds bytes (`\xff` is one raw byte); so do we, decoding them as UTF-8 at
 * the end, which is how the bytes would reach a terminal.
 */

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07,
  b: 0x08,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
};

const HEX_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Thrown for any malformed escape; the parser words the message. */
export class UnquoteError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

function isValidRune(code: number): boolean {
  return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
}

/** The text inside `quoted` (which starts and ends with the same `"` or `'`), escapes resolved. */
export function unquoteExtend(quoted: string): string {
  const quote = quoted[0];
  if (quoted.length < 2 || (quote !== '"' && quote !== "'") || quoted[quoted.length - 1] !== quote) throw new UnquoteError();
  const body = quoted.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;

  const bytes: number[] = [];
  let i = 0;
  while (i < body.length) {
    const char = body[i] as string;
    if (char === quote) throw new UnquoteError();
    if (char !== '\\') {
      const code = body.codePointAt(i) as number;
      const text = String.fromCodePoint(code);
      bytes.push(...encoder.encode(text));
      i += text.length;
      continue;
    }
    const escape = body[i + 1];
    if (escape === undefined) throw new UnquoteError();
    i += 2;
    const simple = SIMPLE_ESCAPES[escape];
    const hexLength = HEX_LENGTHS[escape];
    if (simple !== undefined) {
      bytes.push(simple);
    } else if (escape === "'" || escape === '"') {
      // Go accepts \' only inside single quotes and \" only inside double quotes.
      if (escape !== quote) throw new UnquoteError();
      bytes.push(escape.charCodeAt(0));
    } else if (hexLength !== undefined) {
      const digits = body.slice(i, i + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) throw new UnquoteError();
      i += hexLength;
      const value = Number.parseInt(digits, 16);
      if (escape === 'x') bytes.push(value);
      else if (isValidRune(value)) bytes.push(...encoder.encode(String.fromCodePoint(value)));
      else throw new UnquoteError();
    } else if (escape >= '0' && escape <= '7') {
      const digits = escape + body.slice(i, i + 2);
      if (!/^[0-7]{3}$/.test(digits)) throw new UnquoteError();
      i += 2;
      const value = Number.parseInt(digits, 8);
      if (value > 255) throw new UnquoteError();
      bytes.push(value);
    } else {
      throw new UnquoteError();
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}
