import { evaluate, type EvaluateOptions } from './evaluate.js';
import { goJsonMarshal } from './go-json.js';
import { formatGoScalar, goKind } from './go-values.js';
import type { JsonPathTemplate } from './nodes.js';

/**
 * Text of results, as client-go util/jsonpath/jsonpath.go PrintResults writes it (without EnableJSONOutput):
 * maps and slices as compact JSON (json.Marshal: sorted keys), scalars through fmt.Sprint (strings as they are,
 * `3`, `2.5`, `1e+06`, `true`), a JSON null as `null`; results separated by one space.
 */
export function printResults(results: readonly unknown[]): string {
  return results.map(printResult).join(' ');
}

function printResult(value: unknown): string {
  const kind = goKind(value);
  if (kind === 'map' || kind === 'slice') return goJsonMarshal(value);
  if (kind === 'nil') return 'null';
  return formatGoScalar(value) as string;
}

/** The whole template's text (client-go Execute): every node's results printed, concatenated. */
export function executeJsonPath(template: JsonPathTemplate, data: unknown, options: EvaluateOptions = {}): string {
  return evaluate(template, data, options).map(printResults).join('');
}
