import { scanLabelSelector, type LabelToken, type ScannedItem } from './label-lexer.js';
import { aggregate, invalidValue, labelValueErrors, qualifiedNameErrors } from './label-validation.js';
import { compareGoStrings, parseGoInt64 } from './go-strings.js';
import { SelectorError, type LabelOperator, type LabelRequirement } from './types.js';

/**
 * The recursive-descent label selector parser of apimachinery pkg/labels/selector.go (Parser.parse and
 * NewRequirement). Every message below is the server's own text; a failure inside one requirement is
 * prefixed "unable to parse requirement: ", as upstream wraps it.
 */

/** Where a token is read: `in`/`notin` are operators only in KeyAndOperator position, identifiers elsewhere. */
type Context = 'KeyAndOperator' | 'Values';

/** A failure inside one requirement; parse() adds the "unable to parse requirement" prefix. */
class RequirementError extends Error {}

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

const OPERATOR_TOKENS: Partial<Record<LabelToken, LabelOperator>> = {
  In: 'In',
  Equals: 'Equals',
  DoubleEquals: 'DoubleEquals',
  GreaterThan: 'GreaterThan',
  LessThan: 'LessThan',
  NotIn: 'NotIn',
  NotEquals: 'NotEquals',
};

class Parser {
  private position = 0;

  constructor(private readonly items: readonly ScannedItem[]) {}

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const { token, literal } = this.lookahead('Values');
      if (token === 'EndOfString') return requirements;
      if (token !== 'Identifier' && token !== 'DoesNotExist') {
        throw new SelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
      requirements.push(this.parseRequirementOrWrap());
      const next = this.consume('Values');
      if (next.token === 'EndOfString') return requirements;
      if (next.token !== 'Comma') throw new SelectorError(`found '${next.literal}', expected: ',' or 'end of string'`);
      const after = this.lookahead('Values');
      if (after.token !== 'Identifier' && after.token !== 'DoesNotExist') {
        throw new SelectorError(`found '${after.literal}', expected: identifier after ','`);
      }
    }
  }

  private parseRequirementOrWrap(): LabelRequirement {
    try {
      return this.parseRequirement();
    } catch (error) {
      if (error instanceof RequirementError) throw new SelectorError(`unable to parse requirement: ${error.message}`);
      throw error;
    }
  }

  private parseRequirement(): LabelRequirement {
    const { key, unary } = this.parseKeyAndInferOperator();
    if (unary !== undefined) return newRequirement(key, unary, []);
    const operator = this.parseOperator();
    const values = operator === 'In' || operator === 'NotIn' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, operator, [...values].sort(compareGoStrings));
  }

  /** A bare key (followed by `,` or the end) is Exists; `!key` is DoesNotExist whatever follows. */
  private parseKeyAndInferOperator(): { key: string; unary?: 'Exists' | 'DoesNotExist' } {
    let unary: 'Exists' | 'DoesNotExist' | undefined;
    let item = this.consume('Values');
    if (item.token === 'DoesNotExist') {
      unary = 'DoesNotExist';
      item = this.consume('Values');
    }
    if (item.token !== 'Identifier') throw new RequirementError(`found '${item.literal}', expected: identifier`);
    const keyErrors = qualifiedNameErrors(item.literal);
    // Upstream validates the key against a nil field path here, hence the literal "<nil>".
    if (keyErrors.length > 0) throw new RequirementError(invalidValue('<nil>', item.literal, keyErrors.join('; ')));
    const next = this.lookahead('Values').token;
    if (unary === undefined && (next === 'EndOfString' || next === 'Comma')) unary = 'Exists';
    return unary === undefined ? { key: item.literal } : { key: item.literal, unary };
  }

  private parseOperator(): LabelOperator {
    const { token, literal } = this.consume('KeyAndOperator');
    const operator = OPERATOR_TOKENS[token];
    if (operator === undefined) throw new RequirementError(`found '${literal}', expected: ${BINARY_OPERATORS}`);
    return operator;
  }

  /** `(a,b)`; empty entries (`()`, `(,a)`, `(a,,b)`) stand for the empty string. Values form a set. */
  private parseValues(): Set<string> {
    const open = this.consume('Values');
    if (open.token !== 'OpenPar') throw new RequirementError(`found '${open.literal}' expected: '('`);
    const next = this.lookahead('Values');
    if (next.token === 'ClosedPar') {
      this.consume('Values');
      return new Set(['']);
    }
    if (next.token !== 'Identifier' && next.token !== 'Comma') {
      throw new RequirementError(`found '${next.literal}', expected: ',', ')' or identifier`);
    }
    const values = this.parseIdentifiersList();
    this.consume('Values'); // the ')' parseIdentifiersList stopped at
    return values;
  }

  private parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const item = this.consume('Values');
      if (item.token === 'Identifier') {
        values.add(item.literal);
        const next = this.lookahead('Values');
        if (next.token === 'ClosedPar') return values;
        if (next.token !== 'Comma') throw new RequirementError(`found '${next.literal}', expected: ',' or ')'`);
      } else if (item.token === 'Comma') {
        if (values.size === 0) values.add('');
        const next = this.lookahead('Values').token;
        if (next === 'ClosedPar') {
          values.add('');
          return values;
        }
        if (next === 'Comma') values.add('');
      } else {
        throw new RequirementError(`found '${item.literal}', expected: ',', or identifier`);
      }
    }
  }

  /** `k=` and `k=,…` mean the empty value. */
  private parseExactValue(): Set<string> {
    const next = this.lookahead('Values').token;
    if (next === 'EndOfString' || next === 'Comma') return new Set(['']);
    const item = this.consume('Values');
    if (item.token !== 'Identifier') throw new RequirementError(`found '${item.literal}', expected: identifier`);
    return new Set([item.literal]);
  }

  private lookahead(context: Context): ScannedItem {
    return this.inContext(this.items[Math.min(this.position, this.items.length - 1)], context);
  }

  private consume(context: Context): ScannedItem {
    const item = this.lookahead(context);
    this.position++;
    return item;
  }

  private inContext(item: ScannedItem | undefined, context: Context): ScannedItem {
    const scanned = item ?? { token: 'EndOfString', literal: '' };
    if (context === 'Values' && (scanned.token === 'In' || scanned.token === 'NotIn')) {
      return { token: 'Identifier', literal: scanned.literal };
    }
    return scanned;
  }
}

/** NewRequirement's checks that the grammar leaves open: integer operands of gt/lt, and value syntax. */
function newRequirement(key: string, operator: LabelOperator, values: string[]): LabelRequirement {
  const errors: string[] = [];
  if (operator === 'GreaterThan' || operator === 'LessThan') {
    values.forEach((value, i) => {
      if (parseGoInt64(value) === undefined) {
        errors.push(invalidValue(`values[${i}]`, value, "for 'Gt', 'Lt' operators, the value must be an integer"));
      }
    });
  }
  values.forEach((value, i) => {
    const valueErrors = labelValueErrors(value);
    if (valueErrors.length > 0) errors.push(invalidValue(`values[${i}][${key}]`, value, valueErrors.join('; ')));
  });
  if (errors.length > 0) throw new RequirementError(aggregate(errors));
  return { key, operator, values };
}

/** Requirements in source order; the caller sorts them by key as upstream does. */
export function parseLabelRequirements(text: string): LabelRequirement[] {
  return new Parser(scanLabelSelector(text)).parse();
}
