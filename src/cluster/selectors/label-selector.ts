import { compareGoStrings, parseGoInt64 } from './go-strings.js';
import { parseLabelRequirements } from './label-parser.js';
import type { LabelRequirement, LabelSelector } from './types.js';

/**
 * Label selectors as apimachinery pkg/labels/selector.go parses, matches and prints them (internalSelector).
 * Parsing throws SelectorError with the server's message; the caller answers 400 with it.
 */

type Labels = Readonly<Record<string, string>>;

function lookup(labels: Labels, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/** Requirement.Matches: `!=` and `notin` hold when the label is absent; gt/lt need integers on both sides. */
export function matchesRequirement(requirement: LabelRequirement, labels: Labels): boolean {
  const value = lookup(labels, requirement.key);
  switch (requirement.operator) {
    case 'Equals':
    case 'DoubleEquals':
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotEquals':
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'GreaterThan':
    case 'LessThan': {
      if (value === undefined || requirement.values.length !== 1) return false;
      const actual = parseGoInt64(value);
      const bound = parseGoInt64(requirement.values[0] ?? '');
      if (actual === undefined || bound === undefined) return false;
      return requirement.operator === 'GreaterThan' ? actual > bound : actual < bound;
    }
  }
}

const OPERATOR_TEXT: Readonly<Record<LabelRequirement['operator'], string>> = {
  Equals: '=',
  DoubleEquals: '==',
  NotEquals: '!=',
  In: ' in ',
  NotIn: ' notin ',
  GreaterThan: '>',
  LessThan: '<',
  Exists: '',
  DoesNotExist: '',
};

/** Requirement.String: values sorted, set operators parenthesised, `!key` for DoesNotExist. */
export function requirementToString(requirement: LabelRequirement): string {
  const { key, operator } = requirement;
  if (operator === 'Exists') return key;
  if (operator === 'DoesNotExist') return `!${key}`;
  const values = [...requirement.values].sort(compareGoStrings).join(',');
  const set = operator === 'In' || operator === 'NotIn';
  return `${key}${OPERATOR_TEXT[operator]}${set ? `(${values})` : values}`;
}

class RequirementsSelector implements LabelSelector {
  readonly requirements: readonly LabelRequirement[];

  constructor(requirements: readonly LabelRequirement[]) {
    this.requirements = Object.freeze(requirements.map((r) => Object.freeze({ ...r, values: [...r.values] })));
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Labels | undefined): boolean {
    const present = labels ?? {};
    return this.requirements.every((requirement) => matchesRequirement(requirement, present));
  }

  toString(): string {
    return this.requirements.map(requirementToString).join(',');
  }
}

/**
 * A selector from requirements already known to be valid (a workload's spec.selector, say), sorted by key
 * as Selector.Add does, so that toString prints what the API server would.
 */
export function createLabelSelector(requirements: readonly LabelRequirement[]): LabelSelector {
  // Array.prototype.sort is stable, like the insertion sort Go uses for short requirement lists.
  return new RequirementsSelector([...requirements].sort((a, b) => compareGoStrings(a.key, b.key)));
}

/** labels.Parse: the `labelSelector` query parameter; an empty or blank text selects everything. */
export function parseLabelSelector(text: string): LabelSelector {
  return createLabelSelector(parseLabelRequirements(text));
}
