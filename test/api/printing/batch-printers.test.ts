import { cronJobPrinter } from '../../../src/api/printing/cron-job-printer.js';
import { jobPrinter } from '../../../src/api/printing/job-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/**
 * Vectors re-expressed from k/k pkg/printers/internalversion/printers_test.go (TestPrintJob, TestPrintJobList,
 * TestPrintCronJob), with the Status (jobs) and Timezone (cronjobs) columns v1.33 prints, and the wide cells the
 * server always sends.
 */

const NOW = Date.parse('2026-01-01T12:00:00Z');
const at = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString();
const MINUTE = 60_000;
const JUST_NOW = at(1900);
const TEN_YEARS_AGO = '2016-01-01T12:00:00Z';

type Json = Record<string, unknown>;

const template = {
  spec: {
    containers: [
      { name: 'fake-job-container1', image: 'fake-job-image1' },
      { name: 'fake-job-container2', image: 'fake-job-image2' },
    ],
  },
};

const job = (name: string, spec: Json, status: Json, metadata: Json = {}): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, namespace: 'default', ...metadata },
  spec,
  status,
});

describe('the job printer', () => {
  // Columns: Name, Status, Completions, Duration, Age, Containers, Images, Selector.
  it.each<[string, KubeObject, unknown[]]>([
    [
      'completions and template',
      job(
        'job1',
        { completions: 2, template, selector: { matchLabels: { 'job-label': 'job-label-value' } } },
        { succeeded: 1 },
        { creationTimestamp: JUST_NOW },
      ),
      ['job1', 'Running', '1/2', '', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'job-label=job-label-value'],
    ],
    [
      'no completions: one success wanted',
      job('job2', {}, { succeeded: 0 }, { creationTimestamp: TEN_YEARS_AGO }),
      ['job2', 'Running', '0/1', '', '10y', '', '', '<none>'],
    ],
    [
      'a finished job: the time it took',
      job('job3', {}, { startTime: at(MINUTE), completionTime: at(31 * MINUTE) }, { creationTimestamp: TEN_YEARS_AGO }),
      ['job3', 'Running', '0/1', '30m', '10y', '', '', '<none>'],
    ],
    [
      'a running job: the time so far',
      job('job4', {}, { startTime: at(-20 * MINUTE) }, { creationTimestamp: TEN_YEARS_AGO }),
      ['job4', 'Running', '0/1', '20m', '10y', '', '', '<none>'],
    ],
    [
      'parallelism without completions',
      job('job5', { parallelism: 3 }, { succeeded: 1 }, { creationTimestamp: JUST_NOW }),
      ['job5', 'Running', '1/1 of 3', '', '0s', '', '', '<none>'],
    ],
    [
      'completed',
      job('job6', { completions: 2 }, { succeeded: 2, conditions: [{ type: 'Complete', status: 'True' }] }),
      ['job6', 'Complete', '2/2', '', '<unknown>', '', '', '<none>'],
    ],
  ])('%s', (_title, object, expected) => {
    expect(jobPrinter.cells(object, NOW)).toEqual(expected);
  });

  it('prints the job status by precedence: Complete, Failed, Terminating, Suspended, FailureTarget, else Running', () => {
    const status = (conditions: Json[], metadata: Json = {}): unknown => jobPrinter.cells(job('j', {}, { conditions }, metadata), NOW)[1];
    const deleting = { deletionTimestamp: at(-MINUTE) };
    expect(
      status([
        { type: 'Failed', status: 'True' },
        { type: 'Complete', status: 'True' },
      ]),
    ).toBe('Complete');
    expect(
      status(
        [
          { type: 'FailureTarget', status: 'True' },
          { type: 'Failed', status: 'True' },
        ],
        deleting,
      ),
    ).toBe('Failed');
    expect(status([{ type: 'Suspended', status: 'True' }], deleting)).toBe('Terminating');
    expect(
      status([
        { type: 'FailureTarget', status: 'True' },
        { type: 'Suspended', status: 'True' },
      ]),
    ).toBe('Suspended');
    expect(status([{ type: 'FailureTarget', status: 'True' }])).toBe('FailureTarget');
    expect(
      status([
        { type: 'Complete', status: 'False' },
        { type: 'Suspended', status: 'False' },
      ]),
    ).toBe('Running');
  });

  it('lets the first condition of a type decide, as hasJobCondition does', () => {
    const conditions = [
      { type: 'Complete', status: 'False' },
      { type: 'Complete', status: 'True' },
    ];
    expect(jobPrinter.cells(job('j', {}, { conditions }), NOW)[1]).toBe('Running');
  });
});

describe('the cronjob printer', () => {
  const cronJob = (name: string, spec: Json, status: Json, creationTimestamp: string): KubeObject => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default', creationTimestamp },
    spec: { schedule: '0/5 * * * ?', ...spec },
    status,
  });
  const jobTemplate = { spec: { completions: 2, template, selector: { matchLabels: { a: 'b' } } } };

  // Columns: Name, Schedule, Timezone, Suspend, Active, Last Schedule, Age, Containers, Images, Selector.
  it.each<[string, KubeObject, unknown[]]>([
    [
      'a scheduled cron job with a job template',
      cronJob('cronjob1', { suspend: false, jobTemplate }, { lastScheduleTime: JUST_NOW }, JUST_NOW),
      ['cronjob1', '0/5 * * * ?', '<none>', 'False', 0, '0s', '0s', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'a=b'],
    ],
    [
      'last schedule and age',
      cronJob('cronjob2', { suspend: false }, { lastScheduleTime: at(-30_000) }, at(-5 * MINUTE)),
      ['cronjob2', '0/5 * * * ?', '<none>', 'False', 0, '30s', '5m', '', '', '<none>'],
    ],
    [
      'never scheduled',
      cronJob('cronjob3', { suspend: false }, {}, at(-5 * MINUTE)),
      ['cronjob3', '0/5 * * * ?', '<none>', 'False', 0, '<none>', '5m', '', '', '<none>'],
    ],
    [
      'suspended, in a time zone, with active jobs',
      cronJob('cronjob4', { suspend: true, timeZone: 'Etc/UTC' }, { active: [{ name: 'a' }, { name: 'b' }] }, at(-5 * MINUTE)),
      ['cronjob4', '0/5 * * * ?', 'Etc/UTC', 'True', 2, '<none>', '5m', '', '', '<none>'],
    ],
    [
      // printBoolPtr would say <unset>, but the server defaults spec.suspend to false.
      'suspend unset, as the server defaults it',
      cronJob('cronjob5', {}, {}, at(-5 * MINUTE)),
      ['cronjob5', '0/5 * * * ?', '<none>', 'False', 0, '<none>', '5m', '', '', '<none>'],
    ],
  ])('%s', (_title, object, expected) => {
    expect(cronJobPrinter.cells(object, NOW)).toEqual(expected);
  });
});
