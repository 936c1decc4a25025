import type { CustomResourceColumn, KubeObject } from '../../cluster/index.js';
import { evaluate, JsonPathError, type JsonPathTemplate, parseJsonPath, printResults } from '../../cluster/index.js';
import { CREATION_TIMESTAMP_DESCRIPTION, nameColumn } from './columns.js';
import { humanDuration } from './human-duration.js';
import type { ColumnDefinition, Printer } from './types.js';

/**
 * The Table of a custom resource, as apiextensions-apiserver builds it from the CRD's additionalPrinterColumns
 * (pkg/registry/customresource/tableconvertor/tableconvertor.go; the Age default of pkg/apiserver/helpers.go).
 */

/** apiextensions/v1 CustomResourceColumnDefinition, as the registry reads it from a CRD. */
export type AdditionalPrinterColumn = CustomResourceColumn;

/** serveDefaultColumnsIfEmpty: a version without columns shows its age. */
const DEFAULT_COLUMNS: readonly AdditionalPrinterColumn[] = [
  { name: 'Age', type: 'date', description: CREATION_TIMESTAMP_DESCRIPTION, jsonPath: '.metadata.creationTimestamp' },
];

interface CompiledColumn {
  readonly type: string;
  readonly path: JsonPathTemplate;
}

function effectiveColumns(columns: readonly AdditionalPrinterColumn[] | undefined): readonly AdditionalPrinterColumn[] {
  return columns && columns.length > 0 ? columns : DEFAULT_COLUMNS;
}

function parseColumn(column: AdditionalPrinterColumn): JsonPathTemplate | undefined {
  try {
    return parseJsonPath(`{${column.jsonPath}}`);
  } catch (error) {
    if (error instanceof JsonPathError) return undefined;
    throw error;
  }
}

/**
 * Why a CRD's columns are not all served — upstream's error text, which it logs before falling back — or
 * undefined when every jsonPath parses.
 */
export function invalidPrinterColumn(columns: readonly AdditionalPrinterColumn[] | undefined): string | undefined {
  const invalid = effectiveColumns(columns).find((column) => parseColumn(column) === undefined);
  return invalid && `unrecognized column definition ${JSON.stringify(invalid.jsonPath)}`;
}

/**
 * The printer for one served version's columns (none → Name, Age). Columns are taken in order until one whose
 * jsonPath does not parse: upstream's New returns the convertor built so far with its error, and the handler
 * serves that convertor — so a bad first column leaves Name only, a bad later one keeps those before it.
 */
export function customResourcePrinter(columns: readonly AdditionalPrinterColumn[] | undefined): Printer {
  const headers: ColumnDefinition[] = [nameColumn];
  const compiled: CompiledColumn[] = [];
  for (const column of effectiveColumns(columns)) {
    const path = parseColumn(column);
    if (path === undefined) break;
    compiled.push({ type: column.type, path });
    headers.push({
      name: column.name,
      type: column.type,
      format: column.format ?? '',
      description: column.description || `Custom resource definition column (in JSONPath format): ${column.jsonPath}`,
      priority: column.priority ?? 0,
    });
  }
  return {
    columns: headers,
    cells(object: KubeObject, now: number): unknown[] {
      return [object.metadata.name ?? '', ...compiled.map((column) => cell(column, object, now))];
    },
  };
}

/** Only the first value of the first node counts: `.spec.ports[*].port` shows the first port. */
function cell(column: CompiledColumn, object: KubeObject, now: number): unknown {
  let results: unknown[][];
  try {
    results = evaluate(column.path, object, { allowMissingKeys: true });
  } catch (error) {
    if (error instanceof JsonPathError) return null;
    throw error;
  }
  const first = results[0];
  if (first === undefined || first.length === 0) return null;
  const value = first[0];
  if (column.type === 'string') {
    // A JSON null reaches PrintResults as an invalid reflect.Value, which text/template prints as `<no value>`.
    return value === null || value === undefined ? '<no value>' : printResults([value]);
  }
  return cellForJsonValue(column.type, value, now);
}

/** cellForJSONValue: the value when it fits the column type (integers truncated), else null. */
function cellForJsonValue(type: string, value: unknown, now: number): unknown {
  switch (type) {
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? humanDate(value, now) : null;
    default:
      return null;
  }
}

/** metav1.Time.UnmarshalQueryParameter then ConvertToHumanReadableDateType: `<unknown>` for the zero time. */
function humanDate(text: string, now: number): string {
  if (text === '' || text === 'null') return '<unknown>';
  const instant = parseRfc3339(text);
  if (instant === undefined) return '<invalid>';
  return instant.zero ? '<unknown>' : humanDuration(now - instant.ms);
}

// time.Parse(time.RFC3339, s): Go's general parser also takes a one-digit hour and a `,` before fractions.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const GO_ZERO_TIME_MS = -62135596800000;

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Epoch milliseconds of an RFC 3339 time with Go's range checks, or undefined where time.Parse errs. */
function parseRfc3339(text: string): { ms: number; zero: boolean } | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = match[7] ?? '';
  const [sign, offsetHours, offsetMinutes] = [match[8], Number(match[9] ?? 0), Number(match[10] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour >= 24 || minute >= 60 || second >= 60 || offsetHours > 24 || offsetMinutes > 60) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number(`0.${fraction || '0'}`) * 1000);
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const ms = date.getTime() - offset;
  return { ms, zero: ms === GO_ZERO_TIME_MS && !/[1-9]/.test(fraction) };
}

/** A custom resource's `scale` subresource paths (CRD `spec.versions[].subresources.scale`). */
export interface CustomResourceScale {
  specReplicasPath?: string;
  statusReplicasPath?: string;
}

/**
 * The Table of a custom resource's autoscaling/v1 Scale (helpers.go getScaleColumnsForVersion): Name, Desired when
 * specReplicasPath is set, Available when statusReplicasPath is set, Age.
 */
export function customResourceScalePrinter(scale: CustomResourceScale | undefined): Printer {
  const columns: AdditionalPrinterColumn[] = [];
  if (scale?.specReplicasPath) {
    columns.push({ name: 'Desired', type: 'integer', description: 'Number of desired replicas', jsonPath: '.spec.replicas' });
  }
  if (scale?.statusReplicasPath) {
    columns.push({ name: 'Available', type: 'integer', description: 'Number of actual replicas', jsonPath: '.status.replicas' });
  }
  columns.push(...DEFAULT_COLUMNS);
  const printer = customResourcePrinter(columns);
  return {
    columns: printer.columns,
    // The typed Scale is converted to unstructured first, where `spec.replicas` (omitempty) vanishes when 0.
    cells: (object, now) => printer.cells(withoutZeroSpecReplicas(object), now),
  };
}

function withoutZeroSpecReplicas(object: KubeObject): KubeObject {
  const spec = (object as { spec?: Record<string, unknown> }).spec;
  if (spec?.['replicas'] !== 0) return object;
  const { replicas: _omitted, ...rest } = spec;
  return { ...object, spec: rest } as KubeObject;
}
