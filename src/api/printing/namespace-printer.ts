import type { KubeObject, Namespace } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** namespaces, as k/k pkg/printers/internalversion/printers.go printNamespace prints them. */
export const namespacePrinter: Printer = {
  columns: [nameColumn, text('Status', 'The status of the namespace'), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const namespace = object as Namespace;
    // An empty phase is defaulted to Active by the server (k/k pkg/apis/core/v1/defaults.go SetDefaults_NamespaceStatus).
    return [namespace.metadata.name, namespace.status?.phase || 'Active', translateTimestampSince(namespace.metadata.creationTimestamp, now)];
  },
};
