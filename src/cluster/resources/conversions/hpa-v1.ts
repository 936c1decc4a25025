import type { KubeObject } from '../../objects.js';
import {
  behaviorFromAnnotation,
  behaviorToAnnotation,
  CONDITIONS_ANNOTATION,
  dropRoundTripAnnotations,
  METRIC_SPECS_ANNOTATION,
  METRIC_STATUSES_ANNOTATION,
  BEHAVIOR_ANNOTATION,
  parseAnnotation,
} from './hpa-annotations.js';
import { metricSpecFromV2, metricSpecToV2, metricStatusFromV2, metricStatusToV2 } from './hpa-metrics.js';
import { annotationsOf, fieldsAt, isFields, isUnset, itemsAt, setAnnotation, type Fields } from './json-fields.js';

/**
 * HorizontalPodAutoscaler autoscaling/v1 ↔ autoscaling/v2, the stored version (k/k
 * pkg/apis/autoscaling/v1/conversion.go and defaults.go). autoscaling/v1 has only the CPU utilization
 * target; every other v2 field is kept in annotations, so a v1 reader that writes the object back loses
 * nothing: the other metrics, the behavior, the current metrics and the conditions.
 */
const DEFAULT_CPU_UTILIZATION = 80;

function reference(value: unknown): Fields {
  const ref = isFields(value) ? value : {};
  const out: Fields = { kind: ref['kind'] ?? '', name: ref['name'] ?? '' };
  if (!isUnset(ref['apiVersion'])) out['apiVersion'] = ref['apiVersion'];
  return out;
}

function isCpuMetric(metric: Fields): boolean {
  return metric['type'] === 'Resource' && fieldsAt(metric, 'resource')?.['name'] === 'cpu';
}

const cpuUtilization = (metric: Fields, field: 'target' | 'current'): unknown => fieldsAt(fieldsAt(metric, 'resource'), field)?.['averageUtilization'];

function head(object: Fields, apiVersion: string): Fields {
  const metadata = structuredClone(object['metadata'] ?? {});
  return { apiVersion, kind: 'HorizontalPodAutoscaler', metadata };
}

/** An autoscaling/v2 HPA as autoscaling/v1 serves it. Pure. */
export function hpaV2ToV1(object: KubeObject): KubeObject {
  const out = head(object, 'autoscaling/v1');
  dropRoundTripAnnotations(out);
  const spec = fieldsAt(object, 'spec');
  const status = fieldsAt(object, 'status');
  const metrics = itemsAt(spec, 'metrics');

  const v1Spec: Fields = { scaleTargetRef: reference(spec?.['scaleTargetRef']) };
  if (!isUnset(spec?.['minReplicas'])) v1Spec['minReplicas'] = spec?.['minReplicas'];
  v1Spec['maxReplicas'] = spec?.['maxReplicas'] ?? 0;
  // The first CPU resource metric decides, whether or not it has a utilization target.
  const cpu = metrics.find(isCpuMetric);
  if (cpu && !isUnset(cpuUtilization(cpu, 'target'))) v1Spec['targetCPUUtilizationPercentage'] = cpuUtilization(cpu, 'target');
  out['spec'] = v1Spec;

  const v1Status: Fields = {};
  if (!isUnset(status?.['observedGeneration'])) v1Status['observedGeneration'] = status?.['observedGeneration'];
  if (!isUnset(status?.['lastScaleTime'])) v1Status['lastScaleTime'] = status?.['lastScaleTime'];
  v1Status['currentReplicas'] = status?.['currentReplicas'] ?? 0;
  v1Status['desiredReplicas'] = status?.['desiredReplicas'] ?? 0;
  const currentMetrics = itemsAt(status, 'currentMetrics');
  // No break upstream: the last CPU status with a utilization wins.
  for (const metric of currentMetrics) {
    const value = isCpuMetric(metric) ? cpuUtilization(metric, 'current') : undefined;
    if (!isUnset(value)) v1Status['currentCPUUtilizationPercentage'] = value;
  }
  out['status'] = v1Status;

  const others = metrics.filter((m) => !(isCpuMetric(m) && !isUnset(cpuUtilization(m, 'target'))));
  if (others.length > 0) setAnnotation(out, METRIC_SPECS_ANNOTATION, JSON.stringify(others.map(metricSpecFromV2)));
  const behavior = fieldsAt(spec, 'behavior');
  if (behavior) setAnnotation(out, BEHAVIOR_ANNOTATION, behaviorToAnnotation(behavior));
  if (currentMetrics.length > 0) setAnnotation(out, METRIC_STATUSES_ANNOTATION, JSON.stringify(currentMetrics.map(metricStatusFromV2)));
  const conditions = itemsAt(status, 'conditions');
  if (conditions.length > 0) setAnnotation(out, CONDITIONS_ANNOTATION, JSON.stringify(conditions.map(conditionToV1)));
  return out as KubeObject;
}

/** v1's condition type has the same fields; Go writes a zero lastTransitionTime as null. */
function conditionToV1(condition: Fields): Fields {
  const out: Fields = { type: condition['type'] ?? '', status: condition['status'] ?? '', lastTransitionTime: condition['lastTransitionTime'] ?? null };
  if (!isUnset(condition['reason']) && condition['reason'] !== '') out['reason'] = condition['reason'];
  if (!isUnset(condition['message']) && condition['message'] !== '') out['message'] = condition['message'];
  return out;
}

function parsedList(value: string | undefined): Fields[] | undefined {
  const parsed = parseAnnotation(value);
  return Array.isArray(parsed) ? parsed.filter(isFields) : undefined;
}

/** An autoscaling/v1 HPA (v1 defaults applied) as the autoscaling/v2 object it stands for. Pure. */
export function hpaV1ToV2(object: KubeObject): KubeObject {
  const out = head(object, 'autoscaling/v2');
  const annotations = annotationsOf(object);
  const spec = fieldsAt(object, 'spec');
  const status = fieldsAt(object, 'status');

  const v2Spec: Fields = { scaleTargetRef: reference(spec?.['scaleTargetRef']) };
  v2Spec['minReplicas'] = spec?.['minReplicas'] ?? 1; // SetDefaults_HorizontalPodAutoscaler
  v2Spec['maxReplicas'] = spec?.['maxReplicas'] ?? 0;
  const target = spec?.['targetCPUUtilizationPercentage'];
  const cpuMetric = (utilization: unknown): Fields => ({
    type: 'Resource',
    resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: utilization } },
  });
  // The metrics from the annotation come first; the CPU target converted from the spec goes last.
  const metrics = (parsedList(annotations[METRIC_SPECS_ANNOTATION]) ?? []).map(metricSpecToV2);
  if (!isUnset(target)) metrics.push(cpuMetric(target));
  // autoscaling/v1 once defaulted 80% CPU in the controller; conversion makes it explicit.
  v2Spec['metrics'] = metrics.length > 0 ? metrics : [cpuMetric(DEFAULT_CPU_UTILIZATION)];
  const behavior = behaviorFromAnnotation(annotations[BEHAVIOR_ANNOTATION]);
  if (behavior) v2Spec['behavior'] = behavior;
  out['spec'] = v2Spec;

  const v2Status: Fields = {};
  if (!isUnset(status?.['observedGeneration'])) v2Status['observedGeneration'] = status?.['observedGeneration'];
  if (!isUnset(status?.['lastScaleTime'])) v2Status['lastScaleTime'] = status?.['lastScaleTime'];
  const replicas = status?.['currentReplicas'];
  if (typeof replicas === 'number' && replicas !== 0) v2Status['currentReplicas'] = replicas; // omitempty in v2
  v2Status['desiredReplicas'] = status?.['desiredReplicas'] ?? 0;
  // The annotation, when present, has more than the CPU percentage: it replaces it.
  const statuses = parsedList(annotations[METRIC_STATUSES_ANNOTATION]);
  const cpuCurrent = status?.['currentCPUUtilizationPercentage'];
  if (statuses) {
    if (statuses.length > 0) v2Status['currentMetrics'] = statuses.map(metricStatusToV2);
  } else if (!isUnset(cpuCurrent)) {
    v2Status['currentMetrics'] = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpuCurrent } } }];
  }
  const conditions = parsedList(annotations[CONDITIONS_ANNOTATION]);
  if (conditions && conditions.length > 0) v2Status['conditions'] = conditions;
  out['status'] = v2Status;

  dropRoundTripAnnotations(out);
  return out as KubeObject;
}
