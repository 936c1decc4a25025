import { formatGoScalar, goKind, GoFloat, sortedKeys } from './go-values.js';

/**
 * Go's json.Marshal of a decoded JSON value, as client-go util/jsonpath PrintResults writes maps and slices:
 * compact, map keys sorted, and `<`, `>`, `&`, U+2028, U+2029 escaped (Go's HTML-safe default, which
 * JSON.stringify does not do). Numbers need no care: Go and JS switch to exponent form at the same bounds.
 */

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

function marshalString(text: string): string {
  return JSON.stringify(text).replace(HTML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function goJsonMarshal(value: unknown): string {
  const kind = goKind(value);
  switch (kind) {
    case 'nil':
      return 'null';
    case 'string':
      return marshalString(value as string);
    case 'bool':
      return String(value);
    case 'int':
      return formatGoScalar(value) as string;
    case 'float':
      return JSON.stringify(value instanceof GoFloat ? value.value : value);
    case 'slice':
      return `[${(value as unknown[]).map(goJsonMarshal).join(',')}]`;
    case 'map': {
      const map = value as Record<string, unknown>;
      return `{${sortedKeys(map)
        .map((key) => `${marshalString(key)}:${goJsonMarshal(map[key])}`)
        .join(',')}}`;
    }
  }
}
