import { readFileSync } from 'node:fs';
import { endpointsPrinter } from '../../../src/api/printing/endpoints-printer.js';
import { eventPrinter } from '../../../src/api/printing/event-printer.js';
import { leasePrinter } from '../../../src/api/printing/lease-printer.js';
import { configMapPrinter } from '../../../src/api/printing/config-map-printer.js';
import { daemonSetPrinter } from '../../../src/api/printing/daemon-set-printer.js';
import { nodePrinter } from '../../../src/api/printing/node-printer.js';
import { podPrinter } from '../../../src/api/printing/pod-printer.js';
import { secretPrinter } from '../../../src/api/printing/secret-printer.js';
import { servicePrinter } from '../../../src/api/printing/service-printer.js';
import type { Printer } from '../../../src/api/printing/types.js';

/** Field-derived columns quote their field's swagger doc, as published in the OpenAPI document. */

const document = JSON.parse(readFileSync(new URL('../../../openapi/v2.json', import.meta.url), 'utf8')) as {
  definitions: Record<string, { properties?: Record<string, { description?: string }> }>;
};

const swagger = (definition: string, property: string): string | undefined =>
  document.definitions[`io.k8s.api.${definition}`]?.properties?.[property]?.description;

const cases: [string, Printer, string, string, string][] = [
  ['pods', podPrinter, 'IP', 'core.v1.PodStatus', 'podIP'],
  ['pods', podPrinter, 'Node', 'core.v1.PodSpec', 'nodeName'],
  ['pods', podPrinter, 'Nominated Node', 'core.v1.PodStatus', 'nominatedNodeName'],
  ['pods', podPrinter, 'Readiness Gates', 'core.v1.PodSpec', 'readinessGates'],
  ['nodes', nodePrinter, 'Version', 'core.v1.NodeSystemInfo', 'kubeletVersion'],
  ['nodes', nodePrinter, 'Internal-IP', 'core.v1.NodeStatus', 'addresses'],
  ['nodes', nodePrinter, 'External-IP', 'core.v1.NodeStatus', 'addresses'],
  ['nodes', nodePrinter, 'OS-Image', 'core.v1.NodeSystemInfo', 'osImage'],
  ['nodes', nodePrinter, 'Kernel-Version', 'core.v1.NodeSystemInfo', 'kernelVersion'],
  ['nodes', nodePrinter, 'Container-Runtime', 'core.v1.NodeSystemInfo', 'containerRuntimeVersion'],
  ['services', servicePrinter, 'Type', 'core.v1.ServiceSpec', 'type'],
  ['services', servicePrinter, 'Cluster-IP', 'core.v1.ServiceSpec', 'clusterIP'],
  ['services', servicePrinter, 'External-IP', 'core.v1.ServiceSpec', 'externalIPs'],
  ['services', servicePrinter, 'Port(s)', 'core.v1.ServiceSpec', 'ports'],
  ['services', servicePrinter, 'Selector', 'core.v1.ServiceSpec', 'selector'],
  ['endpoints', endpointsPrinter, 'Endpoints', 'core.v1.Endpoints', 'subsets'],
  ['events', eventPrinter, 'Last Seen', 'core.v1.Event', 'lastTimestamp'],
  ['events', eventPrinter, 'Type', 'core.v1.Event', 'type'],
  ['events', eventPrinter, 'Reason', 'core.v1.Event', 'reason'],
  ['events', eventPrinter, 'Object', 'core.v1.Event', 'involvedObject'],
  ['events', eventPrinter, 'Subobject', 'core.v1.ObjectReference', 'fieldPath'],
  ['events', eventPrinter, 'Source', 'core.v1.Event', 'source'],
  ['events', eventPrinter, 'Message', 'core.v1.Event', 'message'],
  ['events', eventPrinter, 'First Seen', 'core.v1.Event', 'firstTimestamp'],
  ['events', eventPrinter, 'Count', 'core.v1.Event', 'count'],
  ['configmaps', configMapPrinter, 'Data', 'core.v1.ConfigMap', 'data'],
  ['secrets', secretPrinter, 'Type', 'core.v1.Secret', 'type'],
  ['secrets', secretPrinter, 'Data', 'core.v1.Secret', 'data'],
  ['leases', leasePrinter, 'Holder', 'coordination.v1.LeaseSpec', 'holderIdentity'],
  ['daemonsets', daemonSetPrinter, 'Node Selector', 'core.v1.PodSpec', 'nodeSelector'],
];

describe('column descriptions', () => {
  it.each(cases)('%s %s quotes %s.%s', (_resource, printer, column, definition, property) => {
    const expected = swagger(definition, property);
    expect(expected).toBeDefined();
    expect(printer.columns.find((c) => c.name === column)?.description).toBe(expected);
  });
});
