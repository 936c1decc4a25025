import { compareGoStrings } from './go-strings.js';
import { SelectorError, type FieldOperator, type FieldRequirement, type FieldSelector } from './types.js';

/**
 * Field selectors as apimachinery pkg/fields/selector.go parses, matches and prints them. Terms are sorted
 * as text before parsing (upstream does so), which decides both which bad term an error names and the
 * order of toString(). `==` is the same term as `=` and prints as `=`.
 */

type Fields = Readonly<Record<string, string>>;

/** Checked in this order at every position, so `a!=b` is NotEquals and `a==b` is DoubleEquals. */
const TERM_OPERATORS: readonly (readonly [string, FieldOperator])[] = [
  ['!=', 'NotEquals'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
];

/** EscapeValue: `\`, `,` and `=` are written with a backslash. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (ch) => `\\${ch}`);
}

/** UnescapeValue; the rune of an unescaped character is printed as its number, as Go's %v of a rune does. */
export function unescapeFieldValue(text: string): string {
  let value = '';
  let inSlash = false;
  for (const ch of text) {
    if (inSlash) {
      if (ch !== '\\' && ch !== ',' && ch !== '=') {
        throw new SelectorError(`invalid field selector: invalid escape sequence: \\${ch}`);
      }
      value += ch;
      inSlash = false;
    } else if (ch === '\\') {
      inSlash = true;
    } else if (ch === ',' || ch === '=') {
      throw new SelectorError(`invalid field selector: unescaped character in value: ${ch.codePointAt(0) ?? 0}`);
    } else {
      value += ch;
    }
  }
  if (inSlash) throw new SelectorError('invalid field selector: invalid escape sequence: \\');
  return value;
}

/** splitTerms: commas separate terms unless escaped. */
function splitTerms(text: string): string[] {
  if (text.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inSlash) inSlash = false;
    else if (ch === '\\') inSlash = true;
    else if (ch === ',') {
      terms.push(text.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** splitTerm: the first operator from the left; the field keeps whatever precedes it, backslashes included. */
function splitTerm(term: string): { field: string; operator: FieldOperator; rest: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const [text, operator] of TERM_OPERATORS) {
      if (term.startsWith(text, i)) return { field: term.slice(0, i), operator, rest: term.slice(i + text.length) };
    }
  }
  return undefined;
}

class TermsSelector implements FieldSelector {
  readonly requirements: readonly FieldRequirement[];

  constructor(requirements: readonly FieldRequirement[]) {
    this.requirements = Object.freeze(requirements.map((r) => Object.freeze({ ...r })));
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  /** A field missing from the set reads as "" (fields.Set.Get). */
  matches(fields: Fields): boolean {
    return this.requirements.every((r) => {
      const actual = Object.hasOwn(fields, r.field) ? fields[r.field] : '';
      return r.operator === 'NotEquals' ? actual !== r.value : actual === r.value;
    });
  }

  /** RequiresExactMatch: the first equality term on the field. */
  requiredValue(field: string): string | undefined {
    return this.requirements.find((r) => r.field === field && r.operator !== 'NotEquals')?.value;
  }

  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator === 'NotEquals' ? '!=' : '='}${escapeFieldValue(r.value)}`).join(',');
  }
}

/** A selector over requirements kept in the given order (used after field labels are converted). */
export function createFieldSelector(requirements: readonly FieldRequirement[]): FieldSelector {
  return new TermsSelector(requirements);
}

/** fields.ParseSelector: the `fieldSelector` query parameter; empty terms are skipped. */
export function parseFieldSelector(text: string): FieldSelector {
  const terms = splitTerms(text).sort(compareGoStrings);
  const requirements: FieldRequirement[] = [];
  for (const term of terms) {
    if (term === '') continue;
    const parts = splitTerm(term);
    if (parts === undefined) throw new SelectorError(`invalid selector: '${text}'; can't understand '${term}'`);
    requirements.push({ field: parts.field, operator: parts.operator, value: unescapeFieldValue(parts.rest) });
  }
  return new TermsSelector(requirements);
}
