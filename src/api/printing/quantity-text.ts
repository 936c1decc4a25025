import { formatQuantity, parseQuantity } from './quantity.js';

/**
 * A resource.Quantity field as the printers show it: Quantity.String, i.e. the canonical form the server stores
 * (`1024Mi` → `1Gi`, `0.5` → `500m`). An absent value is Go's zero Quantity, which prints `0`.
 * A number on the wire (`pods: 10` in YAML) is a quantity too, as Quantity.UnmarshalJSON accepts it.
 */
export function quantityText(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '0';
  const text = String(value);
  const quantity = parseQuantity(text);
  // The server never stores an unparseable quantity; show such a value as it is rather than fail the row.
  return quantity ? formatQuantity(quantity) : text;
}
