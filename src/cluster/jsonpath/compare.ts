import { compareGoStrings } from '../selectors/go-strings.js';
import { goKind, numericValue } from './go-values.js';
import { JsonPathError } from './jsonpath-error.js';

/**
 * The comparisons of filters, as client-go third_party/forked/golang/template/funcs.go (Go's text/template
 * eq/lt/...) defines them: only booleans, integers, floats and strings compare; both sides must be of the same
 * kind (an int64 field against the literal `1.5` is an error, not false); booleans only compare for equality.
 * `<=` is `<` or `==`, `>` is not `<=`, `>=` is not `<`, `!=` is not `==`.
 */

export type FilterOperator = '==' | '!=' | '<' | '>' | '<=' | '>=';

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

type Basic = 'bool' | 'int' | 'float' | 'string';

function basicKind(value: unknown): Basic {
  const kind = goKind(value);
  if (kind === 'bool' || kind === 'int' || kind === 'float' || kind === 'string') return kind;
  throw new JsonPathError(BAD_TYPE, 'evaluate');
}

function equal(left: unknown, right: unknown): boolean {
  const leftKind = basicKind(left);
  const rightKind = basicKind(right);
  if (leftKind !== rightKind) throw new JsonPathError(INCOMPATIBLE, 'evaluate');
  if (leftKind === 'int' || leftKind === 'float') return numericValue(left) === numericValue(right);
  return left === right;
}

function less(left: unknown, right: unknown): boolean {
  const leftKind = basicKind(left);
  const rightKind = basicKind(right);
  if (leftKind !== rightKind) throw new JsonPathError(INCOMPATIBLE, 'evaluate');
  switch (leftKind) {
    case 'bool':
      throw new JsonPathError(BAD_TYPE, 'evaluate');
    case 'string':
      return compareGoStrings(left as string, right as string) < 0;
    default:
      return numericValue(left) < numericValue(right);
  }
}

export function isFilterOperator(operator: string): operator is FilterOperator {
  return ['==', '!=', '<', '>', '<=', '>='].includes(operator);
}

/** Whether `left operator right` holds; throws a JsonPathError where Go's template functions return an error. */
export function compare(operator: FilterOperator, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '<':
      return less(left, right);
    case '<=':
      return less(left, right) || equal(left, right);
    case '>':
      return !(less(left, right) || equal(left, right));
    case '>=':
      return !less(left, right);
  }
}
