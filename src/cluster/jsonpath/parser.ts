import {
  char,
  COMPARISON,
  describeRune,
  DICT_KEY,
  EOF,
  fail,
  isAlphaNumeric,
  isDigit,
  isEndOfLine,
  isTerminator,
  parseNumberLiteral,
  parseSlice,
} from './lexical-rules.js';
import { type JsonPathNode, type JsonPathTemplate, list, type ListNode } from './nodes.js';
import { UnquoteError, unquoteExtend } from './unquote.js';

/**
 * The template parser of client-go util/jsonpath/parser.go, re-expressed as a loop: text outside `{...}` is
 * kept as is; inside an action, tokens are read one after another until the closing `}`. Brackets, filters and
 * unions are cut out by plain scanning (not by a grammar), then their parts are parsed again as actions of
 * their own, exactly as upstream does — which is where the dialect's quirks come from (`['a.b']` is two
 * fields, a comma inside quotes splits a union, only the first `)` outside quotes closes a filter).
 */

class Parser {
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  parse(): JsonPathNode[] {
    const root: JsonPathNode[] = [];
    for (;;) {
      const brace = this.input.indexOf('{', this.pos);
      this.pos = brace < 0 ? this.input.length : brace;
      if (this.pos > this.start) root.push({ type: 'text', text: this.consume() });
      if (brace < 0) return root;
      this.pos += 1;
      this.start = this.pos;
      const action = list();
      root.push(action);
      this.parseInsideAction(action);
    }
  }

  private consume(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const code = this.input.codePointAt(this.pos) as number;
    this.width = code > 0xffff ? 2 : 1;
    this.pos += this.width;
    return code;
  }

  private peek(): number {
    const code = this.next();
    this.pos -= this.width;
    return code;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private at(prefix: string): boolean {
    return this.input.startsWith(prefix, this.pos);
  }

  /** Tokens until the action's closing `}`, appended to `cur`. */
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.at('}')) {
        this.pos += 1;
        this.consume();
        return;
      }
      if (this.at('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (this.at('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const code = this.next();
      if (code === EOF || isEndOfLine(code)) fail('unclosed action');
      const c = char(code);
      if (c === ' ' || c === '@' || c === '$') this.consume();
      else if (c === '[') this.parseArray(cur);
      else if (c === '"' || c === "'") this.parseQuote(cur, code);
      else if (c === '.') this.parseField(cur);
      else if (c === '+' || c === '-' || isDigit(code)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(code)) {
        this.backup();
        this.parseIdentifier(cur);
      } else fail(`unrecognized character in action: ${describeRune(code)}`);
    }
  }

  /** A bare word: `true`/`false` are booleans, anything else an identifier (`range`, `end`). */
  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') fail('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    // `..name` is a field after the descent; `...name` reaches the same field through `.name`.
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const first = char(this.peek());
    if (first === '+' || first === '-') this.next();
    for (;;) {
      const code = this.next();
      if (code !== 0x2e && !isDigit(code)) {
        this.backup();
        break;
      }
    }
    cur.nodes.push(parseNumberLiteral(this.consume()));
  }

  /** `[...]` up to the first `]`: a union, a quoted key, or an index/slice. */
  private parseArray(cur: ListNode): void {
    for (;;) {
      const code = this.next();
      if (code === EOF || code === 0x0a) fail('unterminated array');
      if (code === 0x5d) break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', branches: parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, '')}]`)) });
      return;
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      // The key is parsed as `.key`, so `['a.b']` means `.a.b`.
      cur.nodes.push(...parseAction(`.${key[1] ?? ''}`).nodes);
      return;
    }
    const params = parseSlice(text);
    if (!params) fail(`invalid array index ${text}`);
    cur.nodes.push({ type: 'array', params });
  }

  /** `[?(...)]`: ends at the first `)` outside the (single) quoted string, which must be followed by `]`. */
  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = EOF;
    for (;;) {
      const code = this.next();
      if (code === EOF || code === 0x0a) fail('unterminated filter');
      if (code === 0x22 || code === 0x27) {
        if (!begin) {
          begin = true;
          pair = code;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && code === pair) end = true;
      } else if (code === 0x29 && begin === end) break;
    }
    if (this.next() !== 0x5d) fail('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const comparison = COMPARISON.exec(text);
    if (!comparison) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: list(), operator: 'exists' });
      return;
    }
    const left = parseAction(comparison[1] ?? '');
    const right = parseAction(comparison[3] ?? '');
    cur.nodes.push({ type: 'filter', left, right, operator: comparison[2] ?? '' });
  }

  private parseQuote(cur: ListNode, quote: number): void {
    for (;;) {
      const code = this.next();
      if (code === EOF || code === 0x0a) fail('unterminated quoted string');
      if (code === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    try {
      cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
    } catch (error) {
      if (error instanceof UnquoteError) fail(`unquote string ${value} error ${error.message}`);
      throw error;
    }
  }

  /** A field name runs to the next unescaped terminator; its backslashes are then dropped (`kubernetes\.io`). */
  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const code = this.next();
      if (code === 0x5c) this.next();
      else if (isTerminator(code)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    cur.nodes.push(value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replaceAll('\\', '') });
  }
}

/** A fragment parsed as the action `{text}`; what follows a premature `}` is dropped, as upstream drops it. */
function parseAction(text: string): ListNode {
  const first = new Parser(`{${text}}`).parse()[0];
  return first?.type === 'list' ? first : list();
}

/** Parses a template such as `{range .items[*]}{.metadata.name}{"\n"}{end}`; throws a JsonPathError. */
export function parseJsonPath(template: string): JsonPathTemplate {
  return { source: template, nodes: new Parser(template).parse() };
}
