import type { V1CronJob } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, column, integer, nameColumn, templateColumns, text } from './columns.js';
import { layoutContainerCells } from './containers.js';
import { translateTimestampSince } from './human-duration.js';
import { formatLabelSelector } from './labels-format.js';
import type { Printer } from './types.js';

/**
 * cronjobs.batch, as k/k pkg/printers/internalversion/printers.go printCronJob prints them. Upstream quotes the
 * batch/v1beta1 swagger docs (identical to batch/v1's in v1.33) and batch/v1 JobSpec's for the selector.
 */

type CronJob = Wire<V1CronJob> & KubeObject;

const SCHEDULE = 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.';
const TIME_ZONE =
  'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones';
const SUSPEND = 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.';
const ACTIVE = 'A list of pointers to currently running jobs.';
const LAST_SCHEDULE_TIME = 'Information when was the last time the job was successfully scheduled.';
const SELECTOR =
  'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

export const cronJobPrinter: Printer = {
  columns: [
    nameColumn,
    text('Schedule', SCHEDULE),
    text('Timezone', TIME_ZONE),
    // Declared boolean, yet the cell is the text True/False (printers.go printBoolPtr), as upstream.
    column('Suspend', 'boolean', SUSPEND),
    integer('Active', ACTIVE),
    text('Last Schedule', LAST_SCHEDULE_TIME),
    ageColumn,
    ...templateColumns(SELECTOR),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const cronJob = object as CronJob;
    const { spec, status } = cronJob;
    const jobSpec = spec?.jobTemplate?.spec;
    const [containers, images] = layoutContainerCells(jobSpec?.template?.spec?.containers);
    const lastScheduleTime = status?.lastScheduleTime;
    // spec.suspend is defaulted to false by the server (k/k pkg/apis/batch/v1/defaults.go SetDefaults_CronJob),
    // so printBoolPtr's `<unset>` never shows.
    const suspend = spec?.suspend ?? false;
    return [
      cronJob.metadata.name,
      spec?.schedule ?? '',
      spec?.timeZone ?? '<none>',
      suspend ? 'True' : 'False',
      status?.active?.length ?? 0,
      lastScheduleTime === undefined || lastScheduleTime === null ? '<none>' : translateTimestampSince(lastScheduleTime, now),
      translateTimestampSince(cronJob.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(jobSpec?.selector),
    ];
  },
};
