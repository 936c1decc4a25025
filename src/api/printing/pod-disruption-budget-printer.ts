import type { V1PodDisruptionBudget } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, integer, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import { intOrStringText } from './int-or-string.js';
import type { Printer } from './types.js';

/** poddisruptionbudgets.policy, as k/k pkg/printers/internalversion/printers.go printPodDisruptionBudget prints them. */

type PodDisruptionBudget = Wire<V1PodDisruptionBudget> & KubeObject;

/** An unset bound (a budget sets one of the two) prints N/A. */
function bound(value: number | string | undefined | null): string {
  return value === undefined || value === null ? 'N/A' : intOrStringText(value);
}

export const podDisruptionBudgetPrinter: Printer = {
  columns: [
    nameColumn,
    text('Min Available', 'The minimum number of pods that must be available.'),
    text('Max Unavailable', 'The maximum number of pods that may be unavailable.'),
    integer('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const budget = object as PodDisruptionBudget;
    return [
      budget.metadata.name,
      bound(budget.spec?.minAvailable),
      bound(budget.spec?.maxUnavailable),
      budget.status?.disruptionsAllowed ?? 0,
      translateTimestampSince(budget.metadata.creationTimestamp, now),
    ];
  },
};
