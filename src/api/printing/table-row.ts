import type { KubeObject } from '../../cluster/index.js';
import { badRequest } from '../errors/api-error.js';
import type { Printer, TableRowCondition } from './types.js';

/**
 * One row of a Table and the `includeObject` option that shapes it (apiserver pkg/endpoints/handlers/response.go,
 * apimachinery pkg/apis/meta/v1/validation ValidateTableOptions).
 */

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: string;
  metadata: KubeObject['metadata'];
}

export interface TableRow {
  cells: unknown[];
  /** Always present on the wire: null for includeObject=None. */
  object: PartialObjectMetadata | KubeObject | null;
  /** Omitted when empty (omitempty upstream). */
  conditions?: TableRowCondition[];
}

const POLICIES: readonly IncludeObject[] = ['Metadata', 'Object', 'None'];

function isPolicy(value: string): value is IncludeObject {
  return (POLICIES as readonly string[]).includes(value);
}

/**
 * The `?includeObject=` query value: absent or empty → Metadata. A repeated parameter counts by its first value,
 * as the query parameter codec converts a []string to a string field.
 */
export function parseIncludeObject(value: unknown): IncludeObject {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (first === undefined || first === null || first === '') return 'Metadata';
  const text = typeof first === 'string' ? first : String(first);
  if (isPolicy(text)) return text;
  // field.Invalid renders a string value with Go's %q.
  throw badRequest(
    `Unable to convert to Table as requested: includeObject: Invalid value: ${JSON.stringify(text)}: must be 'Metadata', 'Object', 'None', or empty`,
  );
}

/**
 * A row for `object`: the printer's cells, its row conditions, and the object as includeObject asks —
 * PartialObjectMetadata in the Table's own meta.k8s.io version, the whole object, or null. `shown` is the object
 * in the version the client asked for, when it was printed from another (its stored form).
 */
export function tableRow(
  printer: Printer,
  object: KubeObject,
  now: number,
  includeObject: IncludeObject,
  apiVersion: string,
  shown: KubeObject = object,
): TableRow {
  const cells = printer.cells(object, now);
  const conditions = printer.conditions?.(object);
  // In metav1.TableRow's order (cells, conditions, object): the object comes last, so a row can be written as its
  // own text followed by the object's kept JSON (table-encoder.ts).
  return conditions && conditions.length > 0
    ? { cells, conditions, object: rowObject(shown, includeObject, apiVersion) }
    : { cells, object: rowObject(shown, includeObject, apiVersion) };
}

function rowObject(object: KubeObject, includeObject: IncludeObject, apiVersion: string): TableRow['object'] {
  switch (includeObject) {
    case 'None':
      return null;
    case 'Object':
      return object;
    case 'Metadata':
      return { kind: 'PartialObjectMetadata', apiVersion, metadata: object.metadata };
  }
}
