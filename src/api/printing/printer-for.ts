import type { ResourceKey, ResourceType } from '../../cluster/index.js';
import { componentStatusPrinter } from './component-status-printer.js';
import { configMapPrinter } from './config-map-printer.js';
import { daemonSetPrinter } from './daemon-set-printer.js';
import { defaultPrinter } from './default-printer.js';
import { deploymentPrinter } from './deployment-printer.js';
import { endpointSlicePrinter } from './endpoint-slice-printer.js';
import { endpointsPrinter } from './endpoints-printer.js';
import { eventPrinter } from './event-printer.js';
import { leasePrinter } from './lease-printer.js';
import { nodeMetricsPrinter, podMetricsPrinter } from './metrics-printers.js';
import { namespacePrinter } from './namespace-printer.js';
import { nodePrinter } from './node-printer.js';
import { podPrinter } from './pod-printer.js';
import { replicaSetPrinter } from './replica-set-printer.js';
import { secretPrinter } from './secret-printer.js';
import { servicePrinter } from './service-printer.js';
import type { Printer } from './types.js';

/** The printer of each resource, by the registry's `group/plural` key (k/k pkg/printers/internalversion AddHandlers). */
const PRINTERS: ReadonlyMap<ResourceKey, Printer> = new Map<ResourceKey, Printer>([
  ['/componentstatuses', componentStatusPrinter],
  ['/configmaps', configMapPrinter],
  ['/endpoints', endpointsPrinter],
  ['/events', eventPrinter],
  ['/namespaces', namespacePrinter],
  ['/nodes', nodePrinter],
  ['/pods', podPrinter],
  ['/secrets', secretPrinter],
  ['/services', servicePrinter],
  ['apps/daemonsets', daemonSetPrinter],
  ['apps/deployments', deploymentPrinter],
  ['apps/replicasets', replicaSetPrinter],
  ['coordination.k8s.io/leases', leasePrinter],
  ['discovery.k8s.io/endpointslices', endpointSlicePrinter],
  ['events.k8s.io/events', eventPrinter],
  ['metrics.k8s.io/nodes', nodeMetricsPrinter],
  ['metrics.k8s.io/pods', podMetricsPrinter],
]);

/** The resource's printer, or the default Name/Created At convertor when upstream registers none. */
export function printerFor(type: Pick<ResourceType, 'group' | 'plural'>): Printer {
  // The registry's key (resource-type.ts keyOf), spelled out so printing stays a leaf with no runtime cluster import.
  const key: ResourceKey = `${type.group}/${type.plural}`;
  return PRINTERS.get(key) ?? defaultPrinter;
}
