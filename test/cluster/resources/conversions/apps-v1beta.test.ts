import { served } from './convert.js';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
const meta = { name: 'web', namespace: 'default' };

describe('workloads captured at extensions/v1beta1, apps/v1beta1 and apps/v1beta2 are served at apps/v1', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'an extensions/v1beta1 Deployment takes its old defaults: selector and labels from the template, 1/1 steps, MaxInt32 history and deadline',
      { apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: meta, spec: { template } },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { ...meta, labels: { app: 'web' } },
        spec: {
          template,
          selector: { matchLabels: { app: 'web' } },
          replicas: 1,
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } },
          revisionHistoryLimit: 2147483647,
          progressDeadlineSeconds: 2147483647,
        },
      },
    ],
    [
      'an apps/v1beta1 Deployment keeps 2 revisions and rolls 25%/25%',
      { apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: meta, spec: { replicas: 3, template } },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { ...meta, labels: { app: 'web' } },
        spec: {
          replicas: 3,
          template,
          selector: { matchLabels: { app: 'web' } },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
          revisionHistoryLimit: 2,
          progressDeadlineSeconds: 600,
        },
      },
    ],
    [
      'an apps/v1beta2 Deployment takes apps/v1-like defaults and no selector from the template',
      {
        apiVersion: 'apps/v1beta2',
        kind: 'Deployment',
        metadata: meta,
        spec: { selector: { matchLabels: { app: 'web' } }, template, strategy: { type: 'Recreate' } },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta,
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template,
          strategy: { type: 'Recreate' },
          replicas: 1,
          revisionHistoryLimit: 10,
          progressDeadlineSeconds: 600,
        },
      },
    ],
  ])('%s', (_name, input, expected) => {
    expect(served(input)).toStrictEqual(expected);
  });

  test('an extensions/v1beta1 Deployment rolling back keeps rollbackTo as the deprecated.deployment.rollback.to annotation', () => {
    const out = served({
      apiVersion: 'extensions/v1beta1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { selector: { matchLabels: { app: 'web' } }, template, rollbackTo: { revision: 3 }, replicas: 2 },
    });
    expect(out.metadata.annotations).toStrictEqual({ 'deprecated.deployment.rollback.to': '3' });
    expect(out['spec']).not.toHaveProperty('rollbackTo');
  });

  test('without rollbackTo a stale rollback annotation is dropped, and an emptied annotation map with it', () => {
    const out = served({
      apiVersion: 'apps/v1beta1',
      kind: 'Deployment',
      metadata: { name: 'web', annotations: { 'deprecated.deployment.rollback.to': '2' } },
      spec: { template },
    });
    expect(out.metadata).not.toHaveProperty('annotations');
  });

  test('an apps/v1beta2 Deployment carries the rollback annotation through unchanged', () => {
    const out = served({
      apiVersion: 'apps/v1beta2',
      kind: 'Deployment',
      metadata: { name: 'web', annotations: { 'deprecated.deployment.rollback.to': '2' } },
      spec: { selector: { matchLabels: { app: 'web' } }, template },
    });
    expect(out.metadata.annotations).toStrictEqual({ 'deprecated.deployment.rollback.to': '2' });
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, string>]>([
    [
      'an extensions/v1beta1 DaemonSet defaults to OnDelete and moves templateGeneration into the annotation',
      { apiVersion: 'extensions/v1beta1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { template, templateGeneration: 4 } },
      { template, selector: { matchLabels: { app: 'web' } }, updateStrategy: { type: 'OnDelete' }, revisionHistoryLimit: 10 },
      { 'deprecated.daemonset.template.generation': '4' },
    ],
    [
      'an extensions/v1beta1 DaemonSet asking for RollingUpdate gets maxUnavailable 1 and no maxSurge',
      { apiVersion: 'extensions/v1beta1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { template, updateStrategy: { type: 'RollingUpdate' } } },
      {
        template,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        selector: { matchLabels: { app: 'web' } },
        revisionHistoryLimit: 10,
      },
      { 'deprecated.daemonset.template.generation': '0' },
    ],
    [
      'an apps/v1beta2 DaemonSet rolls 1 unavailable, 0 surge, and keeps its generation annotation',
      {
        apiVersion: 'apps/v1beta2',
        kind: 'DaemonSet',
        metadata: { name: 'agent', annotations: { 'deprecated.daemonset.template.generation': '7' } },
        spec: { selector: { matchLabels: { app: 'web' } }, template },
      },
      {
        selector: { matchLabels: { app: 'web' } },
        template,
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
        revisionHistoryLimit: 10,
      },
      { 'deprecated.daemonset.template.generation': '7' },
    ],
  ])('%s', (_name, input, spec, annotations) => {
    const out = served(input);
    expect(out.apiVersion).toBe('apps/v1');
    expect(out['spec']).toStrictEqual(spec);
    expect(out.metadata.annotations).toStrictEqual(annotations);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'an apps/v1beta1 StatefulSet updates OnDelete and retains its claims',
      { apiVersion: 'apps/v1beta1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', template } },
      {
        serviceName: 'db',
        template,
        podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'OnDelete' },
        selector: { matchLabels: { app: 'web' } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        replicas: 1,
        revisionHistoryLimit: 10,
      },
    ],
    [
      'an apps/v1beta2 StatefulSet rolls from partition 0',
      {
        apiVersion: 'apps/v1beta2',
        kind: 'StatefulSet',
        metadata: { name: 'db' },
        spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template },
      },
      {
        serviceName: 'db',
        selector: { matchLabels: { app: 'web' } },
        template,
        podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        replicas: 1,
        revisionHistoryLimit: 10,
      },
    ],
    [
      'an extensions/v1beta1 ReplicaSet takes its selector from the template',
      { apiVersion: 'extensions/v1beta1', kind: 'ReplicaSet', metadata: { name: 'rs', labels: { tier: 'x' } }, spec: { template } },
      { template, selector: { matchLabels: { app: 'web' } }, replicas: 1 },
    ],
  ])('%s', (_name, input, spec) => {
    expect(served(input)['spec']).toStrictEqual(spec);
  });

  test('a ControllerRevision only changes its apiVersion', () => {
    const revision = { apiVersion: 'apps/v1beta2', kind: 'ControllerRevision', metadata: { name: 'db-1' }, data: { spec: {} }, revision: 1 };
    expect(served(revision)).toStrictEqual({ ...revision, apiVersion: 'apps/v1' });
  });
});
