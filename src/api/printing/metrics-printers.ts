import type { KubeObject } from '../../cluster/index.js';
import { column } from './columns.js';
import { formatGoDuration, formatQuantity, parseGoDuration, parseQuantity, type Quantity, sumQuantities } from '../../cluster/index.js';
import type { Printer } from './types.js';

/**
 * metrics.k8s.io NodeMetrics and PodMetrics, as metrics-server pkg/api/table.go prints them: the name, one
 * `quantity` column per resource (pods: summed over containers), and the window. metrics-server takes the
 * resource names from the first item; it always reports exactly cpu and memory, so the columns are fixed here.
 */

type Usage = Record<string, string>;

interface NodeMetrics extends KubeObject {
  window?: string;
  usage?: Usage;
}

interface PodMetrics extends KubeObject {
  window?: string;
  containers?: { name?: string; usage?: Usage }[];
}

const RESOURCES = ['cpu', 'memory'] as const;

const COLUMNS = [
  column('Name', 'string', 'Name of the resource', { format: 'name' }),
  ...RESOURCES.map((resource) => column(resource, 'string', '', { format: 'quantity' })),
  column('Window', 'string', '', { format: 'duration' }),
];

function quantities(values: readonly (string | undefined)[]): Quantity[] {
  return values.flatMap((value) => {
    const quantity = value === undefined ? undefined : parseQuantity(value);
    return quantity ? [quantity] : [];
  });
}

/** The window re-rendered as Go's Duration.String, as metrics-server prints `pod.Window.Duration.String()`. */
function windowCell(window: string | undefined): string {
  const nanos = parseGoDuration(window ?? '0s');
  return nanos === undefined ? (window ?? '') : formatGoDuration(nanos);
}

export const nodeMetricsPrinter: Printer = {
  columns: COLUMNS,
  cells(object: KubeObject): unknown[] {
    const metrics = object as NodeMetrics;
    const usage = RESOURCES.map((resource) => formatQuantity(sumQuantities(quantities([metrics.usage?.[resource]]))));
    return [metrics.metadata.name, ...usage, windowCell(metrics.window)];
  },
};

export const podMetricsPrinter: Printer = {
  columns: COLUMNS,
  cells(object: KubeObject): unknown[] {
    const metrics = object as PodMetrics;
    const containers = metrics.containers ?? [];
    const usage = RESOURCES.map((resource) => formatQuantity(sumQuantities(quantities(containers.map((c) => c.usage?.[resource])))));
    return [metrics.metadata.name, ...usage, windowCell(metrics.window)];
  },
};
