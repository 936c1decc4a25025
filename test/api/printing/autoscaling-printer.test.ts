import { horizontalPodAutoscalerPrinter } from '../../../src/api/printing/horizontal-pod-autoscaler-printer.js';
import { formatHpaMetrics, type MetricSpec, type MetricStatus } from '../../../src/api/printing/hpa-metrics.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/**
 * Vectors re-expressed from k/k pkg/printers/internalversion/printers_test.go TestPrintHPA, on the autoscaling/v2
 * wire shape. The v1.33-era printers.go prefixes (Container)Resource targets with the resource name (`cpu: 50%/80%`);
 * the stored test file predates that, so those expectations carry the prefix here.
 */

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

const hpa = (spec: Json, status: Json = {}): KubeObject => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'some-hpa', namespace: 'default' },
  spec: { scaleTargetRef: { apiVersion: 'v1', kind: 'ReplicationController', name: 'some-rc' }, minReplicas: 2, maxReplicas: 10, ...spec },
  status: { currentReplicas: 4, desiredReplicas: 5, ...status },
});

const selector = { matchLabels: { label: 'value' } };
const external = (target: Json): Json => ({ type: 'External', external: { metric: { name: 'some-external-metric', selector }, target } });
const externalStatus = (current: Json): Json => ({ type: 'External', external: { metric: { name: 'some-external-metric' }, current } });
const pods = (averageValue: string, name = 'some-pods-metric'): Json => ({
  type: 'Pods',
  pods: { metric: { name }, target: { type: 'AverageValue', averageValue } },
});
const podsStatus = (averageValue: string): Json => ({ type: 'Pods', pods: { metric: { name: 'some-pods-metric' }, current: { averageValue } } });
const describedObject = { apiVersion: 'v1', kind: 'Service', name: 'some-service' };
const object = (target: Json): Json => ({ type: 'Object', object: { describedObject, metric: { name: 'some-service-metric' }, target } });
const objectStatus = (current: Json): Json => ({ type: 'Object', object: { describedObject, metric: { name: 'some-service-metric' }, current } });
const resource = (target: Json): Json => ({ type: 'Resource', resource: { name: 'cpu', target } });
const resourceStatus = (current: Json): Json => ({ type: 'Resource', resource: { name: 'cpu', current } });
const containerResource = (target: Json): Json => ({ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'application', target } });
const containerResourceStatus = (current: Json): Json => ({
  type: 'ContainerResource',
  containerResource: { name: 'cpu', container: 'application', current },
});

const AVERAGE_100M = { type: 'AverageValue', averageValue: '100m' };
const VALUE_100M = { type: 'Value', value: '100m' };
const UTILIZATION_80 = { type: 'Utilization', averageUtilization: 80 };

describe('the horizontalpodautoscaler printer', () => {
  // Columns: Name, Reference, Targets, MinPods, MaxPods, Replicas, Age.
  it.each<[string, Json[], Json[] | undefined, string]>([
    ['external, average value target, no current', [external(AVERAGE_100M)], undefined, '<unknown>/100m (avg)'],
    ['external, average value target', [external(AVERAGE_100M)], [externalStatus({ averageValue: '50m' })], '50m/100m (avg)'],
    ['external, value target, no current', [external(VALUE_100M)], undefined, '<unknown>/100m'],
    ['external, value target', [external(VALUE_100M)], [externalStatus({ value: '50m' })], '50m/100m'],
    ['pods, no current', [pods('100m')], undefined, '<unknown>/100m'],
    ['pods', [pods('100m')], [podsStatus('50m')], '50m/100m'],
    ['object, value target, no current', [object(VALUE_100M)], undefined, '<unknown>/100m'],
    ['object, value target', [object(VALUE_100M)], [objectStatus({ value: '50m' })], '50m/100m'],
    ['object, average value target', [object(AVERAGE_100M)], [objectStatus({ averageValue: '50m' })], '50m/100m (avg)'],
    ['resource, average value target, no current', [resource(AVERAGE_100M)], undefined, 'cpu: <unknown>/100m'],
    ['resource, average value target', [resource(AVERAGE_100M)], [resourceStatus({ averageValue: '50m' })], 'cpu: 50m/100m'],
    ['resource, utilization target, no current', [resource(UTILIZATION_80)], undefined, 'cpu: <unknown>/80%'],
    ['resource, utilization target', [resource(UTILIZATION_80)], [resourceStatus({ averageUtilization: 50, averageValue: '40m' })], 'cpu: 50%/80%'],
    ['container resource, average value target, no current', [containerResource(AVERAGE_100M)], undefined, 'cpu: <unknown>/100m'],
    ['container resource, average value target', [containerResource(AVERAGE_100M)], [containerResourceStatus({ averageValue: '50m' })], 'cpu: 50m/100m'],
    ['container resource, utilization target, no current', [containerResource(UTILIZATION_80)], undefined, 'cpu: <unknown>/80%'],
    [
      'container resource, utilization target',
      [containerResource(UTILIZATION_80)],
      [containerResourceStatus({ averageUtilization: 50, averageValue: '40m' })],
      'cpu: 50%/80%',
    ],
    [
      'more than two metrics',
      [pods('100m'), resource(UTILIZATION_80), pods('400m', 'other-pods-metric')],
      [podsStatus('50m'), resourceStatus({ averageUtilization: 50, averageValue: '40m' })],
      '50m/100m, cpu: 50%/80% + 1 more...',
    ],
  ])('%s', (_title, metrics, currentMetrics, targets) => {
    const object = hpa({ metrics }, currentMetrics ? { currentMetrics } : {});
    expect(horizontalPodAutoscalerPrinter.cells(object, NOW)).toEqual(['some-hpa', 'ReplicationController/some-rc', targets, '2', 10, 4, '<unknown>']);
  });

  it('shows what the server stores for a v2 HPA without metrics or minReplicas: an 80% CPU target and a minimum of 1', () => {
    // Upstream's internal object prints <none> and <unset>; the v2 defaulting fills both before anyone reads them.
    const object = hpa({ minReplicas: undefined });
    expect(horizontalPodAutoscalerPrinter.cells(object, NOW)).toEqual([
      'some-hpa',
      'ReplicationController/some-rc',
      'cpu: <unknown>/80%',
      '1',
      10,
      4,
      '<unknown>',
    ]);
  });
});

describe('HPA targets', () => {
  it('prints <none> for no metrics at all', () => {
    expect(formatHpaMetrics([], undefined)).toBe('<none>');
    expect(formatHpaMetrics(undefined, undefined)).toBe('<none>');
  });

  it('reads the status at the same index, whatever its type', () => {
    const specs = [pods('100m'), resource(UTILIZATION_80)] as MetricSpec[];
    const statuses = [resourceStatus({ averageUtilization: 50 }), podsStatus('50m')] as MetricStatus[];
    expect(formatHpaMetrics(specs, statuses)).toBe('<unknown>/100m, cpu: <unknown>/80%');
  });

  it('lets a missing quantity through as <nil>, as Quantity.String on a nil pointer does', () => {
    expect(formatHpaMetrics([external(VALUE_100M)] as MetricSpec[], [externalStatus({ averageValue: '5' })] as MetricStatus[])).toBe('<nil>/100m');
    expect(formatHpaMetrics([resource(AVERAGE_100M)] as MetricSpec[], [resourceStatus({ averageUtilization: 5 })] as MetricStatus[])).toBe('cpu: <nil>/100m');
  });

  it('prints quantities canonically, <auto> for a utilization target without a value, and <unknown type> for others', () => {
    expect(formatHpaMetrics([pods('0.5')] as MetricSpec[], [podsStatus('1500m')] as MetricStatus[])).toBe('1500m/500m');
    expect(formatHpaMetrics([resource({ type: 'Utilization' })] as MetricSpec[], undefined)).toBe('cpu: <unknown>/<auto>');
    expect(formatHpaMetrics([{ type: 'Telepathy' }] as MetricSpec[], undefined)).toBe('<unknown type>');
  });
});
