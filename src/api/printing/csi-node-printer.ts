import type { V1CSINode } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, integer, nameColumn } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** csinodes.storage.k8s.io, as k/k pkg/printers/internalversion/printers.go printCSINode prints them. */

type CSINode = Wire<V1CSINode> & KubeObject;

export const csiNodePrinter: Printer = {
  columns: [nameColumn, integer('Drivers', 'Drivers indicates the number of CSI drivers registered on the node'), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const node = object as CSINode;
    return [node.metadata.name, (node.spec?.drivers ?? []).length, translateTimestampSince(node.metadata.creationTimestamp, now)];
  },
};
