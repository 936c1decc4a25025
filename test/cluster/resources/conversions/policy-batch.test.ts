import type { KubeObject } from '../../../../src/cluster/objects.js';
import { convertToServedVersion } from '../../../../src/cluster/resources/conversions/index.js';
import { served } from './convert.js';

const LABEL = 'pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match';
const pdb = (selector: unknown): Record<string, unknown> => ({
  apiVersion: 'policy/v1beta1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'pdb', namespace: 'default' },
  spec: selector === undefined ? { minAvailable: 1 } : { minAvailable: 1, selector },
});

describe('policy/v1beta1 PodDisruptionBudget is served at policy/v1 with its selector meaning kept', () => {
  test.each<[string, unknown, unknown]>([
    ['an empty selector, which selected no pod in v1beta1, never matches', {}, { matchExpressions: [{ key: LABEL, operator: 'Exists' }] }],
    ['empty lists count as empty', { matchLabels: {}, matchExpressions: [] }, { matchExpressions: [{ key: LABEL, operator: 'Exists' }] }],
    ["v1beta1's match-all spelling becomes v1's empty selector", { matchExpressions: [{ key: LABEL, operator: 'DoesNotExist' }] }, {}],
    ['an ordinary selector is kept', { matchLabels: { app: 'web' } }, { matchLabels: { app: 'web' } }],
    [
      'the reserved key is stripped from other selectors',
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: LABEL, operator: 'DoesNotExist' }] },
      { matchLabels: { app: 'web' } },
    ],
    [
      'other expressions stay',
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a'] },
          { key: LABEL, operator: 'Exists' },
        ],
      },
      { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] },
    ],
  ])('%s', (_name, selector, expected) => {
    const out = served(pdb(selector));
    expect(out.apiVersion).toBe('policy/v1');
    expect(out['spec']).toStrictEqual({ minAvailable: 1, selector: expected });
  });

  test('no selector stays no selector', () => {
    expect(served(pdb(undefined))['spec']).toStrictEqual({ minAvailable: 1 });
  });
});

describe('PodSecurityPolicy has no v1.33 kind', () => {
  test.each(['policy/v1beta1', 'extensions/v1beta1'])('%s PodSecurityPolicy is reported unservable, not thrown', (apiVersion) => {
    const result = convertToServedVersion({ apiVersion, kind: 'PodSecurityPolicy', metadata: { name: 'restricted' }, spec: {} } as KubeObject);
    expect(result).toEqual({ unservable: expect.stringContaining('PodSecurityPolicy was removed in Kubernetes v1.25') });
  });
});

describe('batch/v1beta1 CronJob is served at batch/v1', () => {
  test('with the v1beta1 defaults made explicit', () => {
    const jobTemplate = { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' } } } };
    expect(served({ apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'nightly' }, spec: { schedule: '0 0 * * *', jobTemplate } })).toStrictEqual(
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'nightly' },
        spec: { schedule: '0 0 * * *', jobTemplate, concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 },
      },
    );
  });

  test('given values are kept', () => {
    const spec = {
      schedule: '*/5 * * * *',
      jobTemplate: {},
      concurrencyPolicy: 'Forbid',
      suspend: true,
      successfulJobsHistoryLimit: 0,
      failedJobsHistoryLimit: 5,
    };
    expect(served({ apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'c' }, spec })['spec']).toStrictEqual(spec);
  });
});
