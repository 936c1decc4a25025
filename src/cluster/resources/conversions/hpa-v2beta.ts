import type { KubeObject } from '../../objects.js';
import {
  BEHAVIOR_ANNOTATION,
  behaviorFromAnnotation,
  dropRoundTripAnnotations,
  TOLERANCE_SCALE_DOWN_ANNOTATION,
  TOLERANCE_SCALE_UP_ANNOTATION,
} from './hpa-annotations.js';
import { metricSpecToV2, metricStatusToV2 } from './hpa-metrics.js';
import { annotationsOf, defaultField, ensureFields, fieldsAt, isEmpty, itemsAt, retyped, type Fields } from './json-fields.js';

/**
 * HorizontalPodAutoscaler autoscaling/v2beta1 and autoscaling/v2beta2 → autoscaling/v2 (k/k
 * pkg/apis/autoscaling/v2beta1/{defaults,conversion}.go, pkg/apis/autoscaling/v2beta2/{defaults,conversion}.go).
 */
const DEFAULT_CPU_UTILIZATION = 80;

/** The scaling rules v2beta2 (like v2) fills in when a behavior is given (SetDefaults_HorizontalPodAutoscalerBehavior). */
function defaultRules(rules: unknown, direction: 'scaleUp' | 'scaleDown'): Fields {
  const given = (typeof rules === 'object' && rules !== null ? rules : {}) as Fields;
  const defaults: Fields =
    direction === 'scaleUp'
      ? {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policies: [
            { type: 'Pods', value: 4, periodSeconds: 15 },
            { type: 'Percent', value: 100, periodSeconds: 15 },
          ],
        }
      : // scaleDown's window stays unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization applies.
        { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
  const out: Fields = {};
  for (const key of ['stabilizationWindowSeconds', 'selectPolicy', 'policies', 'tolerance']) {
    const value = given[key] ?? defaults[key];
    // A given empty list wins over the default and, being omitempty, is then not written.
    if (Array.isArray(value) && value.length === 0) continue;
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

export function hpaV2beta2ToV2(object: Fields): KubeObject {
  const spec = ensureFields(object, 'spec');
  defaultField(spec, 'minReplicas', 1);
  if (isEmpty(spec['metrics'])) {
    spec['metrics'] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  const behavior = fieldsAt(spec, 'behavior');
  if (behavior) {
    behavior['scaleUp'] = defaultRules(behavior['scaleUp'], 'scaleUp');
    behavior['scaleDown'] = defaultRules(behavior['scaleDown'], 'scaleDown');
  }
  // The 1.33 alpha `tolerance` round-trips through v2beta2 in annotations.
  const annotations = annotationsOf(object);
  const tolerances: [string, 'scaleUp' | 'scaleDown'][] = [
    [TOLERANCE_SCALE_DOWN_ANNOTATION, 'scaleDown'],
    [TOLERANCE_SCALE_UP_ANNOTATION, 'scaleUp'],
  ];
  for (const [key, direction] of tolerances) {
    const tolerance = annotations[key];
    if (tolerance === undefined) continue;
    ensureFields(ensureFields(spec, 'behavior'), direction)['tolerance'] = tolerance;
  }
  dropRoundTripAnnotations(object);
  return retyped(object, 'autoscaling/v2', 'HorizontalPodAutoscaler');
}

export function hpaV2beta1ToV2(object: Fields): KubeObject {
  const spec = ensureFields(object, 'spec');
  defaultField(spec, 'minReplicas', 1);
  const metrics = isEmpty(spec['metrics'])
    ? [{ type: 'Resource', resource: { name: 'cpu', targetAverageUtilization: DEFAULT_CPU_UTILIZATION } }]
    : itemsAt(spec, 'metrics');
  spec['metrics'] = metrics.map(metricSpecToV2);
  // v2beta1 has no behavior field: a behavior written through v2beta2 waits in an annotation.
  const behavior = behaviorFromAnnotation(annotationsOf(object)[BEHAVIOR_ANNOTATION]);
  if (behavior) spec['behavior'] = behavior;
  const status = fieldsAt(object, 'status');
  if (status && Array.isArray(status['currentMetrics'])) status['currentMetrics'] = itemsAt(status, 'currentMetrics').map(metricStatusToV2);
  dropRoundTripAnnotations(object);
  return retyped(object, 'autoscaling/v2', 'HorizontalPodAutoscaler');
}
