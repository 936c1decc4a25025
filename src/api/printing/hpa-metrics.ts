import type { V2MetricSpec, V2MetricStatus, V2MetricTarget, V2MetricValueStatus } from '@kubernetes/client-node';
import type { Wire } from '../../cluster/index.js';
import { quantityText } from '../../cluster/index.js';

/**
 * The Targets cell of a HorizontalPodAutoscaler: k/k pkg/printers/internalversion/printers.go formatHPAMetrics,
 * over the autoscaling/v2 shape (the internal type the printer reads has the same fields).
 */

export type MetricSpec = Wire<V2MetricSpec>;
export type MetricStatus = Wire<V2MetricStatus>;
type Target = Wire<V2MetricTarget>;
type Current = Wire<V2MetricValueStatus>;
type Value = string | number | undefined | null;

const SHOWN = 2;
const UNKNOWN = '<unknown>';

const isSet = (value: Value): value is string | number => value !== undefined && value !== null;

/** Quantity.String on a *Quantity: a nil pointer prints `<nil>`, which upstream lets through. */
function pointerText(value: Value): string {
  return isSet(value) ? quantityText(value) : '<nil>';
}

/** External and Object metrics: an average value target is marked `(avg)`, a plain value is not. */
function valueOrAverage(target: Target | undefined, current: Current | undefined, hasStatus: boolean): string {
  if (isSet(target?.averageValue)) {
    const now = isSet(current?.averageValue) ? quantityText(current.averageValue) : UNKNOWN;
    return `${now}/${quantityText(target.averageValue)} (avg)`;
  }
  return `${hasStatus ? pointerText(current?.value) : UNKNOWN}/${pointerText(target?.value)}`;
}

/** Resource and ContainerResource metrics: `name: current/target`, as quantities or as utilization percentages. */
function resource(name: string, target: Target | undefined, current: Current | undefined, hasStatus: boolean): string {
  if (isSet(target?.averageValue)) {
    return `${name}: ${hasStatus ? pointerText(current?.averageValue) : UNKNOWN}/${quantityText(target.averageValue)}`;
  }
  const now = isSet(current?.averageUtilization) ? `${current.averageUtilization}%` : UNKNOWN;
  const wanted = isSet(target?.averageUtilization) ? `${target.averageUtilization}%` : '<auto>';
  return `${name}: ${now}/${wanted}`;
}

/** One spec, read against the status at the same index (whatever that status's type). */
function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External':
      return valueOrAverage(spec.external?.target, status?.external?.current, Boolean(status?.external));
    case 'Pods': {
      const now = status?.pods ? pointerText(status.pods.current?.averageValue) : UNKNOWN;
      return `${now}/${pointerText(spec.pods?.target?.averageValue)}`;
    }
    case 'Object':
      return valueOrAverage(spec.object?.target, status?.object?.current, Boolean(status?.object));
    case 'Resource':
      return resource(spec.resource?.name ?? '', spec.resource?.target, status?.resource?.current, Boolean(status?.resource));
    case 'ContainerResource':
      return resource(
        spec.containerResource?.name ?? '',
        spec.containerResource?.target,
        status?.containerResource?.current,
        Boolean(status?.containerResource),
      );
    default:
      return '<unknown type>';
  }
}

/** Each metric as `current/target`; past two, the rest are counted (`a, b + 3 more...`); none gives `<none>`. */
export function formatHpaMetrics(specs: readonly MetricSpec[] | undefined, statuses: readonly MetricStatus[] | undefined): string {
  if (!specs || specs.length === 0) return '<none>';
  const items = specs.map((spec, i) => formatMetric(spec, statuses?.[i]));
  const shown = items.slice(0, SHOWN).join(', ');
  return items.length > SHOWN ? `${shown} + ${items.length - SHOWN} more...` : shown;
}
