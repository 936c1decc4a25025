import { NAME_DESCRIPTION, CREATION_TIMESTAMP_DESCRIPTION } from '../../../src/api/printing/columns.js';
import { defaultPrinter } from '../../../src/api/printing/default-printer.js';
import { eventPrinter } from '../../../src/api/printing/event-printer.js';
import { printerFor } from '../../../src/api/printing/printer-for.js';
import { RESOURCE_TYPES } from '../../../src/cluster/resources/registry.js';
import type { KubeObject } from '../../../src/cluster/index.js';
import { readFileSync } from 'node:fs';

const NOW = Date.parse('2026-01-01T12:00:00Z');

const WITH_PRINTERS = [
  '/componentstatuses',
  '/configmaps',
  '/endpoints',
  '/events',
  '/namespaces',
  '/nodes',
  '/pods',
  '/secrets',
  '/services',
  'apps/daemonsets',
  'apps/deployments',
  'apps/replicasets',
  'coordination.k8s.io/leases',
  'discovery.k8s.io/endpointslices',
  'events.k8s.io/events',
  'metrics.k8s.io/nodes',
  'metrics.k8s.io/pods',
];

const typeOf = (key: string): { group: string; plural: string } => {
  const [group = '', plural = ''] = key.split('/');
  return { group, plural };
};

describe('printerFor', () => {
  it.each(WITH_PRINTERS)('gives %s its own printer', (key) => {
    expect(printerFor(typeOf(key))).not.toBe(defaultPrinter);
  });

  it('shares the event printer between core and events.k8s.io events', () => {
    expect(printerFor(typeOf('events.k8s.io/events'))).toBe(eventPrinter);
    expect(printerFor(typeOf('/events'))).toBe(eventPrinter);
  });

  it('falls back to the default convertor for other resources', () => {
    expect(printerFor({ group: 'authorization.k8s.io', plural: 'selfsubjectaccessreviews' })).toBe(defaultPrinter);
  });

  it.each([...RESOURCE_TYPES.map((t) => `${t.group}/${t.plural}`), ...WITH_PRINTERS])(
    '%s: every column has all five fields and a minimal object fills every column',
    (key) => {
      const printer = printerFor(typeOf(key));
      for (const column of printer.columns) {
        expect(Object.keys(column).sort()).toEqual(['description', 'format', 'name', 'priority', 'type']);
      }
      const minimal: KubeObject = { apiVersion: 'v1', kind: 'Thing', metadata: { name: 'n' } };
      expect(printer.cells(minimal, NOW)).toHaveLength(printer.columns.length);
    },
  );

  it('quotes the ObjectMeta swagger docs for Name and Age', () => {
    // The OpenAPI document kubefacade serves, as published by a real server.
    const document = JSON.parse(readFileSync(new URL('../../../openapi/v2.json', import.meta.url), 'utf8')) as {
      definitions: Record<string, { properties: Record<string, { description: string }> }>;
    };
    const meta = document.definitions['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'];
    expect(NAME_DESCRIPTION).toBe(meta?.properties['name']?.description);
    expect(CREATION_TIMESTAMP_DESCRIPTION).toBe(meta?.properties['creationTimestamp']?.description);
  });
});
