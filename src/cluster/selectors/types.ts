/** Parsed selectors. Parsing lives in label-selector.ts / field-selector.ts; both are pure. */

export type LabelOperator =
  | 'Equals' // k=v
  | 'DoubleEquals' // k==v
  | 'NotEquals' // k!=v
  | 'In' // k in (a,b)
  | 'NotIn' // k notin (a,b)
  | 'Exists' // k
  | 'DoesNotExist' // !k
  | 'GreaterThan' // k>1
  | 'LessThan'; // k<1

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export interface LabelSelector {
  readonly requirements: readonly LabelRequirement[];
  isEmpty(): boolean;
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /** Canonical text, requirements sorted by key, as apimachinery's String() renders it. */
  toString(): string;
}

export type FieldOperator = 'Equals' | 'DoubleEquals' | 'NotEquals';

export interface FieldRequirement {
  field: string;
  operator: FieldOperator;
  value: string;
}

export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
  isEmpty(): boolean;
  matches(fields: Readonly<Record<string, string>>): boolean;
  /** The value a field must equal (`f=v` or `f==v`), if the selector requires one: lets a list use an index. */
  requiredValue(field: string): string | undefined;
  toString(): string;
}

/** A selector that does not parse or names an unsupported field; `message` is the API server's text. */
export class SelectorError extends Error {
  override readonly name = 'SelectorError';
}
