/**
 * An IntOrString field as text, the way apimachinery pkg/util/intstr IntOrString.String renders it: a number in
 * decimal, a string as it is (`3`, `50%`). The wire form is a JSON number or a JSON string.
 */
export function intOrStringText(value: number | string): string {
  // Go's IntVal is an int32, so a number on the wire is always whole.
  return typeof value === 'number' ? String(Math.trunc(value)) : value;
}
