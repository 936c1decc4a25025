/**
 * The label selector lexer of apimachinery pkg/labels/selector.go (Lexer.Lex). It is imitated closely because
 * its quirks reach users through error messages: a NUL character reads as end of input, `in`/`notin` are
 * keywords wherever they stand (the parser turns them back into identifiers outside operator position),
 * and operators are matched greedily (`===` is `==` then `=`).
 */

export type LabelToken =
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

export interface ScannedItem {
  token: LabelToken;
  literal: string;
}

const LITERAL_TOKENS: ReadonlyMap<string, LabelToken> = new Map<string, LabelToken>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['in', 'In'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['notin', 'NotIn'],
  ['(', 'OpenPar'],
]);

const END = '\0';
const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const SPECIAL_SYMBOLS = new Set(['=', '!', '(', ')', ',', '>', '<']);
const isSpecialSymbol = (ch: string): boolean => SPECIAL_SYMBOLS.has(ch);

class Lexer {
  private pos = 0;

  constructor(private readonly text: string) {}

  /** The next character, or NUL at the end (without moving, as upstream's read does). */
  private read(): string {
    if (this.pos >= this.text.length) return END;
    return this.text[this.pos++] ?? END;
  }

  private unread(): void {
    this.pos--;
  }

  lex(): ScannedItem {
    let ch = this.read();
    while (isWhitespace(ch)) ch = this.read();
    if (ch === END) return { token: 'EndOfString', literal: '' };
    this.unread();
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdentifierOrKeyword();
  }

  private scanIdentifierOrKeyword(): ScannedItem {
    let literal = '';
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread();
        break;
      }
      literal += ch;
    }
    return { token: LITERAL_TOKENS.get(literal) ?? 'Identifier', literal };
  }

  /** Every single special character is a token, so the longest match is one or two characters. */
  private scanSpecialSymbol(): ScannedItem {
    let buffer = '';
    let last: ScannedItem | undefined;
    for (;;) {
      const ch = this.read();
      if (ch === END) break;
      if (!isSpecialSymbol(ch)) {
        this.unread();
        break;
      }
      buffer += ch;
      const token = LITERAL_TOKENS.get(buffer);
      if (token !== undefined) {
        last = { token, literal: buffer };
      } else if (last !== undefined) {
        this.unread();
        break;
      }
    }
    // Unreachable with the current token table: the first special character always forms a token.
    return last ?? { token: 'EndOfString', literal: '' };
  }
}

/** All tokens of a selector, ending with EndOfString. */
export function scanLabelSelector(text: string): ScannedItem[] {
  const lexer = new Lexer(text);
  const items: ScannedItem[] = [];
  for (;;) {
    const item = lexer.lex();
    items.push(item);
    if (item.token === 'EndOfString') return items;
  }
}
