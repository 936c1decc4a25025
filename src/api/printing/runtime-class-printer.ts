import type { V1RuntimeClass } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * runtimeclasses.node.k8s.io, as k/k pkg/printers/internalversion/printers.go printRuntimeClass prints them.
 * Upstream takes the Handler description from `metav1.ObjectMeta{}.SwaggerDoc()["handler"]`, a key ObjectMeta
 * does not have: the description is the empty string, on the wire as `"description": ""`.
 */

type RuntimeClass = Wire<V1RuntimeClass> & KubeObject;

export const runtimeClassPrinter: Printer = {
  columns: [nameColumn, text('Handler', ''), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const runtimeClass = object as RuntimeClass;
    return [runtimeClass.metadata.name, runtimeClass.handler ?? '', translateTimestampSince(runtimeClass.metadata.creationTimestamp, now)];
  },
};
