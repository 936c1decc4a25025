import { fieldsAt, isFields, isUnset, type Fields } from './json-fields.js';

/**
 * HPA metric shapes: the flat one of autoscaling/v2beta1, also used inside autoscaling/v1's
 * `autoscaling.alpha.kubernetes.io/metrics` and `…/current-metrics` annotations (`metricName`,
 * `targetAverageValue`, …), and the nested one of autoscaling/v2 (`metric`, `target`, `current`).
 * Imitates the per-source functions of k/k pkg/apis/autoscaling/v2beta1/conversion.go and
 * pkg/apis/autoscaling/v1/conversion.go, which are the same.
 *
 * Where Go holds a non-pointer Quantity (`&in.TargetValue`, `*in.Target.Value` into a value field) a
 * missing quantity is its zero value, which serialises as "0".
 */
const ZERO = '0';

/** Adds `key` only when the value is set (Go's omitempty on a pointer). */
function put(into: Fields, key: string, value: unknown): void {
  if (!isUnset(value)) into[key] = value;
}

function identifier(name: unknown, selector: unknown): Fields {
  const metric: Fields = { name: name ?? '' };
  put(metric, 'selector', selector);
  return metric;
}

function reference(value: unknown): Fields {
  const ref = isFields(value) ? value : {};
  const out: Fields = { kind: ref['kind'] ?? '', name: ref['name'] ?? '' };
  put(out, 'apiVersion', ref['apiVersion']);
  return out;
}

function target(type: string, value: unknown, averageValue: unknown, averageUtilization: unknown): Fields {
  const out: Fields = { type };
  put(out, 'value', value);
  put(out, 'averageValue', averageValue);
  put(out, 'averageUtilization', averageUtilization);
  return out;
}

function current(value: unknown, averageValue: unknown, averageUtilization: unknown): Fields {
  const out: Fields = {};
  put(out, 'value', value);
  put(out, 'averageValue', averageValue);
  put(out, 'averageUtilization', averageUtilization);
  return out;
}

/** Applies `convert` to each metric source present, keeping `type` first. */
function eachSource(metric: Fields, convert: Record<string, (source: Fields) => Fields>): Fields {
  const out: Fields = { type: metric['type'] ?? '' };
  for (const [key, fn] of Object.entries(convert)) {
    const source = fieldsAt(metric, key);
    if (source) out[key] = fn(source);
  }
  return out;
}

function resourceSpecToV2(s: Fields, container: boolean): Fields {
  const utilization = s['targetAverageUtilization'];
  const out: Fields = { name: s['name'] ?? '' };
  out['target'] = target(isUnset(utilization) ? 'AverageValue' : 'Utilization', undefined, s['targetAverageValue'], utilization);
  if (container) out['container'] = s['container'] ?? '';
  return out;
}

function resourceSpecFromV2(s: Fields, container: boolean): Fields {
  const t = fieldsAt(s, 'target');
  const out: Fields = { name: s['name'] ?? '' };
  put(out, 'targetAverageUtilization', t?.['averageUtilization']);
  put(out, 'targetAverageValue', t?.['averageValue']);
  if (container) out['container'] = s['container'] ?? '';
  return out;
}

/** A flat (v2beta1 / v1-annotation) MetricSpec → autoscaling/v2. */
export function metricSpecToV2(metric: Fields): Fields {
  return eachSource(metric, {
    object: (s) => ({
      describedObject: reference(s['target']),
      target: target(isUnset(s['averageValue']) ? 'Value' : 'AverageValue', s['targetValue'] ?? ZERO, s['averageValue'], undefined),
      metric: identifier(s['metricName'], s['selector']),
    }),
    pods: (s) => ({
      metric: identifier(s['metricName'], s['selector']),
      target: target('AverageValue', undefined, s['targetAverageValue'] ?? ZERO, undefined),
    }),
    resource: (s) => resourceSpecToV2(s, false),
    containerResource: (s) => resourceSpecToV2(s, true),
    external: (s) => ({
      metric: identifier(s['metricName'], s['metricSelector']),
      target: target(isUnset(s['targetValue']) ? 'AverageValue' : 'Value', s['targetValue'], s['targetAverageValue'], undefined),
    }),
  });
}

/** An autoscaling/v2 MetricSpec → the flat shape. */
export function metricSpecFromV2(metric: Fields): Fields {
  return eachSource(metric, {
    object: (s) => {
      const t = fieldsAt(s, 'target');
      const m = fieldsAt(s, 'metric');
      const out: Fields = { target: reference(s['describedObject']), metricName: m?.['name'] ?? '', targetValue: t?.['value'] ?? ZERO };
      put(out, 'selector', m?.['selector']);
      put(out, 'averageValue', t?.['averageValue']);
      return out;
    },
    pods: (s) => {
      const m = fieldsAt(s, 'metric');
      const out: Fields = { metricName: m?.['name'] ?? '', targetAverageValue: fieldsAt(s, 'target')?.['averageValue'] ?? ZERO };
      put(out, 'selector', m?.['selector']);
      return out;
    },
    resource: (s) => resourceSpecFromV2(s, false),
    containerResource: (s) => resourceSpecFromV2(s, true),
    external: (s) => {
      const t = fieldsAt(s, 'target');
      const m = fieldsAt(s, 'metric');
      const out: Fields = { metricName: m?.['name'] ?? '' };
      put(out, 'metricSelector', m?.['selector']);
      put(out, 'targetValue', t?.['value']);
      put(out, 'targetAverageValue', t?.['averageValue']);
      return out;
    },
  });
}

function resourceStatusToV2(s: Fields, container: boolean): Fields {
  const out: Fields = { name: s['name'] ?? '' };
  out['current'] = current(undefined, s['currentAverageValue'] ?? ZERO, s['currentAverageUtilization']);
  if (container) out['container'] = s['container'] ?? '';
  return out;
}

function resourceStatusFromV2(s: Fields, container: boolean): Fields {
  const c = fieldsAt(s, 'current');
  const out: Fields = { name: s['name'] ?? '' };
  put(out, 'currentAverageUtilization', c?.['averageUtilization']);
  out['currentAverageValue'] = c?.['averageValue'] ?? ZERO;
  if (container) out['container'] = s['container'] ?? '';
  return out;
}

/** A flat MetricStatus → autoscaling/v2. */
export function metricStatusToV2(metric: Fields): Fields {
  return eachSource(metric, {
    object: (s) => ({
      metric: identifier(s['metricName'], s['selector']),
      current: current(s['currentValue'] ?? ZERO, s['averageValue'], undefined),
      describedObject: reference(s['target']),
    }),
    pods: (s) => ({
      metric: identifier(s['metricName'], s['selector']),
      current: current(undefined, s['currentAverageValue'] ?? ZERO, undefined),
    }),
    resource: (s) => resourceStatusToV2(s, false),
    containerResource: (s) => resourceStatusToV2(s, true),
    external: (s) => ({
      metric: identifier(s['metricName'], s['metricSelector']),
      current: current(s['currentValue'] ?? ZERO, s['currentAverageValue'], undefined),
    }),
  });
}

/** An autoscaling/v2 MetricStatus → the flat shape. */
export function metricStatusFromV2(metric: Fields): Fields {
  return eachSource(metric, {
    object: (s) => {
      const c = fieldsAt(s, 'current');
      const m = fieldsAt(s, 'metric');
      const out: Fields = { target: reference(s['describedObject']), metricName: m?.['name'] ?? '', currentValue: c?.['value'] ?? ZERO };
      put(out, 'selector', m?.['selector']);
      put(out, 'averageValue', c?.['averageValue']);
      return out;
    },
    pods: (s) => {
      const m = fieldsAt(s, 'metric');
      const out: Fields = { metricName: m?.['name'] ?? '', currentAverageValue: fieldsAt(s, 'current')?.['averageValue'] ?? ZERO };
      put(out, 'selector', m?.['selector']);
      return out;
    },
    resource: (s) => resourceStatusFromV2(s, false),
    containerResource: (s) => resourceStatusFromV2(s, true),
    external: (s) => {
      const c = fieldsAt(s, 'current');
      const m = fieldsAt(s, 'metric');
      const out: Fields = { metricName: m?.['name'] ?? '' };
      put(out, 'metricSelector', m?.['selector']);
      out['currentValue'] = c?.['value'] ?? ZERO;
      put(out, 'currentAverageValue', c?.['averageValue']);
      return out;
    },
  });
}
