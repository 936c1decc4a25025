import type { V1Scale } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, integer, nameColumn } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** autoscaling/v1 Scale (the `scale` subresource), as k/k pkg/printers/internalversion/printers.go printScale prints it. */

type Scale = Wire<V1Scale> & KubeObject;

export const scalePrinter: Printer = {
  columns: [
    nameColumn,
    integer('Desired', 'replicas is the desired number of instances for the scaled object.'),
    integer('Available', 'replicas is the actual number of observed instances of the scaled object.'),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const scale = object as Scale;
    return [scale.metadata.name, scale.spec?.replicas ?? 0, scale.status?.replicas ?? 0, translateTimestampSince(scale.metadata.creationTimestamp, now)];
  },
};
