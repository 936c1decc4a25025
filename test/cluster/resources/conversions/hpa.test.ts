import type { KubeObject } from '../../../../src/cluster/objects.js';
import { convertToStoredVersion, hpaV1ToV2, hpaV2ToV1 } from '../../../../src/cluster/resources/conversions/index.js';
import { served } from './convert.js';

const scaleTargetRef = { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' };
const service = { kind: 'Service', name: 'web', apiVersion: 'v1' };
const selector = { matchLabels: { queue: 'jobs' } };
const cpu = (averageUtilization: number): Record<string, unknown> => ({
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('autoscaling/v2beta1 HPA is served at autoscaling/v2', () => {
  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['resource utilization', { type: 'Resource', resource: { name: 'cpu', targetAverageUtilization: 60 } }, cpu(60)],
    [
      'resource average value',
      { type: 'Resource', resource: { name: 'memory', targetAverageValue: '500Mi' } },
      { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
    ],
    [
      'container resource',
      { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', targetAverageUtilization: 70 } },
      { type: 'ContainerResource', containerResource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 }, container: 'app' } },
    ],
    [
      'pods',
      { type: 'Pods', pods: { metricName: 'packets', targetAverageValue: '1k', selector } },
      { type: 'Pods', pods: { metric: { name: 'packets', selector }, target: { type: 'AverageValue', averageValue: '1k' } } },
    ],
    [
      'object with a value',
      { type: 'Object', object: { target: service, metricName: 'requests', targetValue: '10k' } },
      { type: 'Object', object: { describedObject: service, target: { type: 'Value', value: '10k' }, metric: { name: 'requests' } } },
    ],
    [
      'object with an average value (the value is still written, "0" when absent)',
      { type: 'Object', object: { target: service, metricName: 'requests', averageValue: '100' } },
      { type: 'Object', object: { describedObject: service, target: { type: 'AverageValue', value: '0', averageValue: '100' }, metric: { name: 'requests' } } },
    ],
    [
      'external with an average value',
      { type: 'External', external: { metricName: 'queue', metricSelector: selector, targetAverageValue: '30' } },
      { type: 'External', external: { metric: { name: 'queue', selector }, target: { type: 'AverageValue', averageValue: '30' } } },
    ],
    [
      'external with a value',
      { type: 'External', external: { metricName: 'queue', targetValue: '300' } },
      { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'Value', value: '300' } } },
    ],
  ])('spec metric: %s', (_name, metric, expected) => {
    const out = served({
      apiVersion: 'autoscaling/v2beta1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef, maxReplicas: 5, metrics: [metric] },
    });
    expect(out['spec']).toStrictEqual({ scaleTargetRef, maxReplicas: 5, metrics: [expected], minReplicas: 1 });
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'resource',
      { type: 'Resource', resource: { name: 'cpu', currentAverageUtilization: 45, currentAverageValue: '90m' } },
      { type: 'Resource', resource: { name: 'cpu', current: { averageValue: '90m', averageUtilization: 45 } } },
    ],
    [
      'pods',
      { type: 'Pods', pods: { metricName: 'packets', currentAverageValue: '900' } },
      { type: 'Pods', pods: { metric: { name: 'packets' }, current: { averageValue: '900' } } },
    ],
    [
      'object',
      { type: 'Object', object: { target: service, metricName: 'requests', currentValue: '8k' } },
      { type: 'Object', object: { metric: { name: 'requests' }, current: { value: '8k' }, describedObject: service } },
    ],
    [
      'external',
      { type: 'External', external: { metricName: 'queue', metricSelector: selector, currentValue: '0', currentAverageValue: '20' } },
      { type: 'External', external: { metric: { name: 'queue', selector }, current: { value: '0', averageValue: '20' } } },
    ],
  ])('status metric: %s', (_name, metric, expected) => {
    const out = served({
      apiVersion: 'autoscaling/v2beta1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef, maxReplicas: 5 },
      status: { currentReplicas: 2, desiredReplicas: 2, currentMetrics: [metric] },
    });
    expect(out['status']).toStrictEqual({ currentReplicas: 2, desiredReplicas: 2, currentMetrics: [expected] });
  });

  test('no metrics means 80% CPU, and the behavior annotation (Go field names) becomes spec.behavior', () => {
    const behavior =
      '{"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15}]},' +
      '"ScaleDown":{"StabilizationWindowSeconds":300,"SelectPolicy":"Min","Policies":[{"Type":"Percent","Value":10,"PeriodSeconds":60}],"Tolerance":null}}';
    const out = served({
      apiVersion: 'autoscaling/v2beta1',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'web',
        annotations: { 'autoscaling.alpha.kubernetes.io/behavior': behavior, 'autoscaling.alpha.kubernetes.io/conditions': '[]', team: 'a' },
      },
      spec: { scaleTargetRef, maxReplicas: 5 },
    });
    expect(out.metadata.annotations).toStrictEqual({ team: 'a' });
    expect(out['spec']).toStrictEqual({
      scaleTargetRef,
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [cpu(80)],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] },
        scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Min', policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }] },
      },
    });
  });

  test.each([['not json'], ['{}'], ['{"ScaleUp":null,"ScaleDown":null}'], ['{"ScaleUp":{"Policies":"x"}}']])(
    'a behavior annotation %j that is malformed or empty is dropped without a behavior',
    (annotation) => {
      const out = served({
        apiVersion: 'autoscaling/v2beta1',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'web', annotations: { 'autoscaling.alpha.kubernetes.io/behavior': annotation } },
        spec: { scaleTargetRef, maxReplicas: 5, minReplicas: 2, metrics: [{ type: 'Resource', resource: { name: 'cpu', targetAverageUtilization: 50 } }] },
      });
      expect(out.metadata).not.toHaveProperty('annotations');
      expect(out['spec']).not.toHaveProperty('behavior');
    },
  );
});

describe('autoscaling/v2beta2 HPA is served at autoscaling/v2', () => {
  test('a given behavior is completed with the default scaling rules; minReplicas and metrics are defaulted', () => {
    const out = served({
      apiVersion: 'autoscaling/v2beta2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
    });
    expect(out).toStrictEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef,
        maxReplicas: 5,
        behavior: {
          scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
          scaleUp: {
            stabilizationWindowSeconds: 0,
            selectPolicy: 'Max',
            policies: [
              { type: 'Pods', value: 4, periodSeconds: 15 },
              { type: 'Percent', value: 100, periodSeconds: 15 },
            ],
          },
        },
        minReplicas: 1,
        metrics: [cpu(80)],
      },
    });
  });

  test('without a behavior none is made', () => {
    const out = served({
      apiVersion: 'autoscaling/v2beta2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef, maxReplicas: 5, minReplicas: 2, metrics: [cpu(50)] },
    });
    expect(out['spec']).toStrictEqual({ scaleTargetRef, maxReplicas: 5, minReplicas: 2, metrics: [cpu(50)] });
  });
});

describe('autoscaling/v1 ↔ autoscaling/v2, as upstream serves the stored v2 HPA at v1', () => {
  // Frozen: both directions must leave their input alone.
  const v2: KubeObject = deepFreeze({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default', annotations: { team: 'a' } },
    spec: {
      scaleTargetRef,
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
        { type: 'External', external: { metric: { name: 'queue', selector }, target: { type: 'AverageValue', averageValue: '30' } } },
        cpu(70),
      ],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }] },
        scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    },
    status: {
      observedGeneration: 4,
      lastScaleTime: '2024-05-01T10:00:00Z',
      currentReplicas: 3,
      desiredReplicas: 3,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '120m', averageUtilization: 50 } } }],
      conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: '2024-05-01T09:00:00Z', reason: 'ReadyForNewScale', message: 'ok' }],
    },
  });

  test('v2 → v1 keeps the CPU target in the spec and everything else in annotations', () => {
    const v1 = hpaV2ToV1(v2);
    expect(v1).toStrictEqual({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'web',
        namespace: 'default',
        annotations: {
          team: 'a',
          'autoscaling.alpha.kubernetes.io/metrics':
            '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"500Mi"}},' +
            '{"type":"External","external":{"metricName":"queue","metricSelector":{"matchLabels":{"queue":"jobs"}},"targetAverageValue":"30"}}]',
          'autoscaling.alpha.kubernetes.io/behavior':
            '{"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15}],"Tolerance":null},' +
            '"ScaleDown":{"StabilizationWindowSeconds":null,"SelectPolicy":"Max","Policies":[{"Type":"Percent","Value":100,"PeriodSeconds":15}],"Tolerance":null}}',
          'autoscaling.alpha.kubernetes.io/current-metrics':
            '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":50,"currentAverageValue":"120m"}}]',
          'autoscaling.alpha.kubernetes.io/conditions':
            '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2024-05-01T09:00:00Z","reason":"ReadyForNewScale","message":"ok"}]',
        },
      },
      spec: { scaleTargetRef, minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 70 },
      status: { observedGeneration: 4, lastScaleTime: '2024-05-01T10:00:00Z', currentReplicas: 3, desiredReplicas: 3, currentCPUUtilizationPercentage: 50 },
    });
    expect(v2.apiVersion).toBe('autoscaling/v2');
  });

  test('v2 → v1 → v2 gives the object back', () => {
    expect(hpaV1ToV2(deepFreeze(hpaV2ToV1(v2)))).toStrictEqual(v2);
  });

  test('back from v1 the CPU target comes after the annotation metrics, as upstream appends it', () => {
    const first = {
      ...v2,
      spec: {
        ...(v2['spec'] as object),
        metrics: [cpu(70), { type: 'Pods', pods: { metric: { name: 'packets' }, target: { type: 'AverageValue', averageValue: '1k' } } }],
      },
    };
    const back = hpaV1ToV2(hpaV2ToV1(first as KubeObject));
    expect((back['spec'] as { metrics: unknown[] }).metrics).toStrictEqual([
      { type: 'Pods', pods: { metric: { name: 'packets' }, target: { type: 'AverageValue', averageValue: '1k' } } },
      cpu(70),
    ]);
  });

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    [
      'a CPU target and current utilization',
      { scaleTargetRef, maxReplicas: 4, targetCPUUtilizationPercentage: 50 },
      { scaleTargetRef, minReplicas: 1, maxReplicas: 4, metrics: [cpu(50)] },
    ],
    [
      'no target: 80% CPU, made explicit',
      { scaleTargetRef, minReplicas: 2, maxReplicas: 4 },
      { scaleTargetRef, minReplicas: 2, maxReplicas: 4, metrics: [cpu(80)] },
    ],
  ])('a captured autoscaling/v1 HPA is stored as v2: %s', (_name, spec, expected) => {
    const v1 = {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec,
      status: { currentReplicas: 0, desiredReplicas: 1, currentCPUUtilizationPercentage: 12 },
    };
    const result = convertToStoredVersion(v1 as KubeObject);
    expect(result).toStrictEqual({
      object: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'web' },
        spec: expected,
        status: { desiredReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12 } } }] },
      },
    });
  });
});
