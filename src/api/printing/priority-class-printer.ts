import type { V1PriorityClass } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, column, integer, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * priorityclasses.scheduling.k8s.io, as k/k pkg/printers/internalversion/printers.go printPriorityClass prints them.
 * PreemptionPolicy is a priority-0 column although upstream adds its cell only in wide output: the server always
 * prints wide, so the cell is always there and kubectl shows the column even without `-o wide`.
 */

type PriorityClass = Wire<V1PriorityClass> & KubeObject;

const VALUE =
  'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.';
const GLOBAL_DEFAULT =
  'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.';
const PREEMPTION_POLICY =
  'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.';

export const priorityClassPrinter: Printer = {
  columns: [nameColumn, integer('Value', VALUE), column('Global-Default', 'boolean', GLOBAL_DEFAULT), ageColumn, text('PreemptionPolicy', PREEMPTION_POLICY)],
  cells(object: KubeObject, now: number): unknown[] {
    const priorityClass = object as PriorityClass;
    // The server defaults an unset preemptionPolicy to PreemptLowerPriority (k/k pkg/apis/scheduling/v1/defaults.go).
    return [
      priorityClass.metadata.name,
      priorityClass.value ?? 0,
      priorityClass.globalDefault ?? false,
      translateTimestampSince(priorityClass.metadata.creationTimestamp, now),
      priorityClass.preemptionPolicy ?? 'PreemptLowerPriority',
    ];
  },
};
