import { evaluate } from './evaluate.js';
import { goSprint } from './go-values.js';
import { JsonPathError } from './jsonpath-error.js';
import type { JsonPathTemplate } from './nodes.js';
import { parseJsonPath } from './parser.js';

/**
 * The value of a custom resource's selectable field (CRD `spec.versions[].selectableFields[].jsonPath`), as
 * apiextensions-apiserver pkg/registry/customresource/strategy.go computes the field set that field selectors
 * match: the path evaluated as `{<jsonPath>}` with missing keys allowed; no value or null → ""; one value →
 * fmt.Sprint of it; more than one → an error.
 */

export interface SelectableField {
  /** The field selector key: the path without its leading dot (`.spec.color` → `spec.color`). */
  readonly name: string;
  /** The field's value in `object`; throws a JsonPathError as upstream's GetAttrs fails. */
  valueOf(object: unknown): string;
}

/** Parses a selectableField jsonPath once; a path that does not parse fails only when a value is asked for, as upstream. */
export function selectableField(jsonPath: string): SelectableField {
  const name = jsonPath.startsWith('.') ? jsonPath.slice(1) : jsonPath;
  let template: JsonPathTemplate | undefined;
  let parseError: JsonPathError | undefined;
  try {
    template = parseJsonPath(`{${jsonPath}}`);
  } catch (error) {
    if (!(error instanceof JsonPathError)) throw error;
    parseError = error;
  }
  return {
    name,
    valueOf(object: unknown): string {
      if (template === undefined) throw new JsonPathError(`unexpected error parsing jsonPath: ${parseError?.message ?? ''}`, 'parse');
      let results: unknown[][];
      try {
        results = evaluate(template, object, { allowMissingKeys: true });
      } catch (error) {
        if (!(error instanceof JsonPathError)) throw error;
        throw new JsonPathError(`unexpected error finding value with jsonPath: ${error.message}`, 'evaluate');
      }
      const first = results[0] ?? [];
      if (first.length === 0) return '';
      if (results.length > 1 || first.length > 1) {
        throw new JsonPathError('unexpectedly received more than one JSON path result', 'evaluate');
      }
      const value = first[0];
      return value === null || value === undefined ? '' : goSprint(value);
    },
  };
}

/** One-off form of {@link selectableField}: the value of `jsonPath` in `object`. */
export function selectableFieldValue(object: unknown, jsonPath: string): string {
  return selectableField(jsonPath).valueOf(object);
}
