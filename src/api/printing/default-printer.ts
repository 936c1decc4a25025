import { type KubeObject, rfc3339 } from '../../cluster/index.js';
import { column, CREATION_TIMESTAMP_DESCRIPTION, nameColumn } from './columns.js';
import type { Printer } from './types.js';

/**
 * The table of a resource without a printer (apiserver pkg/registry/rest/table.go defaultTableConvertor):
 * Name, and Created At as an RFC 3339 date. A missing timestamp is Go's zero time.
 */
export const defaultPrinter: Printer = {
  columns: [nameColumn, column('Created At', 'date', CREATION_TIMESTAMP_DESCRIPTION)],
  cells(object: KubeObject): unknown[] {
    const created = Date.parse(object.metadata.creationTimestamp ?? '');
    return [object.metadata.name, Number.isNaN(created) ? '0001-01-01T00:00:00Z' : rfc3339(created)];
  },
};
