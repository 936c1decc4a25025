import type { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import { formatHpaMetrics, type MetricSpec } from './hpa-metrics.js';
import type { Printer } from './types.js';

/**
 * horizontalpodautoscalers.autoscaling, as k/k pkg/printers/internalversion/printers.go printHorizontalPodAutoscaler
 * prints them, from the autoscaling/v2 shape the store keeps (an autoscaling/v1 object is converted before it gets
 * here). Descriptions are the autoscaling/v2beta1 swagger docs upstream still quotes: the same as v2's except
 * `metrics`, whose v2 doc adds the 80% CPU default sentence.
 */

type HorizontalPodAutoscaler = Wire<V2HorizontalPodAutoscaler> & KubeObject;

const SCALE_TARGET_REF =
  'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.';
const METRICS =
  'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.';
const MIN_REPLICAS =
  'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.';
const MAX_REPLICAS = 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.';
const CURRENT_REPLICAS = 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.';

/**
 * What the server stores for a v2 HPA without metrics (k/k pkg/apis/autoscaling/v2/defaults.go
 * SetDefaults_HorizontalPodAutoscaler): 80% average CPU utilization (autoscaling.DefaultCPUUtilization).
 */
const DEFAULT_METRICS: readonly MetricSpec[] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];

export const horizontalPodAutoscalerPrinter: Printer = {
  // MaxPods and Replicas are declared string columns yet carry integers, as upstream.
  columns: [
    nameColumn,
    text('Reference', SCALE_TARGET_REF),
    text('Targets', METRICS),
    text('MinPods', MIN_REPLICAS),
    text('MaxPods', MAX_REPLICAS),
    text('Replicas', CURRENT_REPLICAS),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const autoscaler = object as HorizontalPodAutoscaler;
    const { spec, status } = autoscaler;
    const metrics = spec?.metrics && spec.metrics.length > 0 ? spec.metrics : DEFAULT_METRICS;
    return [
      autoscaler.metadata.name,
      `${spec?.scaleTargetRef?.kind ?? ''}/${spec?.scaleTargetRef?.name ?? ''}`,
      formatHpaMetrics(metrics, status?.currentMetrics),
      // minReplicas is defaulted to 1 by the server (same defaults.go), so printers.go's `<unset>` never shows.
      String(spec?.minReplicas ?? 1),
      spec?.maxReplicas ?? 0,
      status?.currentReplicas ?? 0,
      translateTimestampSince(autoscaler.metadata.creationTimestamp, now),
    ];
  },
};
