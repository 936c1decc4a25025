import type { V1Job, V1JobCondition } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, templateColumns, text } from './columns.js';
import { layoutContainerCells } from './containers.js';
import { humanDuration, timestampMillis, translateTimestampSince } from './human-duration.js';
import { formatLabelSelector } from './labels-format.js';
import type { Printer } from './types.js';

/**
 * jobs.batch, as k/k pkg/printers/internalversion/printers.go printJob prints them. Descriptions are the batch/v1
 * swagger docs upstream quotes.
 */

type Job = Wire<V1Job> & KubeObject;

const SUCCEEDED =
  'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.';
const SELECTOR =
  'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

/** printers.go hasJobCondition: the first condition of the type decides, and only status True counts. */
function hasCondition(conditions: readonly Wire<V1JobCondition>[] | undefined, type: string): boolean {
  return conditions?.find((condition) => condition.type === type)?.status === 'True';
}

/** The first that applies: finished (Complete, Failed) outranks being deleted, which outranks Suspended and FailureTarget. */
function jobStatus(job: Job): string {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** `succeeded/completions`; a job without completions finishes with one success, shown `/1` (and its parallelism). */
function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const wanted = job.spec?.completions;
  if (wanted !== undefined && wanted !== null) return `${succeeded}/${wanted}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Nothing before the job starts, the time running so far, then the time it took. */
function jobDuration(job: Job, now: number): string {
  const start = timestampMillis(job.status?.startTime);
  if (start === undefined) return '';
  const completion = timestampMillis(job.status?.completionTime);
  return humanDuration((completion ?? now) - start);
}

export const jobPrinter: Printer = {
  columns: [
    nameColumn,
    text('Status', 'Status of the job.'),
    text('Completions', SUCCEEDED),
    text('Duration', 'Time required to complete the job.'),
    ageColumn,
    ...templateColumns(SELECTOR),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const job = object as Job;
    const [containers, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
    return [
      job.metadata.name,
      jobStatus(job),
      completions(job),
      jobDuration(job, now),
      translateTimestampSince(job.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(job.spec?.selector),
    ];
  },
};
