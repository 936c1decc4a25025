import type { ConfigMap, KubeObject } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** configmaps, as k/k pkg/printers/internalversion/printers.go printConfigMap prints them. */

const DATA =
  "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.";

export const configMapPrinter: Printer = {
  // Upstream declares Data as a string column yet fills it with an integer.
  columns: [nameColumn, text('Data', DATA), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const configMap = object as ConfigMap;
    const entries = Object.keys(configMap.data ?? {}).length + Object.keys(configMap.binaryData ?? {}).length;
    return [configMap.metadata.name, entries, translateTimestampSince(configMap.metadata.creationTimestamp, now)];
  },
};
