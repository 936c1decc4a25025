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
  '/persistentvolumeclaims',
  '/persistentvolumes',
  '/podtemplates',
  '/replicationcontrollers',
  '/resourcequotas',
  '/serviceaccounts',
  'admissionregistration.k8s.io/mutatingwebhookconfigurations',
  'admissionregistration.k8s.io/validatingadmissionpolicies',
  'admissionregistration.k8s.io/validatingadmissionpolicybindings',
  'admissionregistration.k8s.io/validatingwebhookconfigurations',
  'apiregistration.k8s.io/apiservices',
  'apps/controllerrevisions',
  'apps/statefulsets',
  'autoscaling/horizontalpodautoscalers',
  'batch/cronjobs',
  'batch/jobs',
  'certificates.k8s.io/certificatesigningrequests',
  'flowcontrol.apiserver.k8s.io/flowschemas',
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations',
  'networking.k8s.io/ingressclasses',
  'networking.k8s.io/ingresses',
  'networking.k8s.io/ipaddresses',
  'networking.k8s.io/networkpolicies',
  'networking.k8s.io/servicecidrs',
  'node.k8s.io/runtimeclasses',
  'policy/poddisruptionbudgets',
  'rbac.authorization.k8s.io/clusterrolebindings',
  'rbac.authorization.k8s.io/rolebindings',
  'scheduling.k8s.io/priorityclasses',
  'storage.k8s.io/csidrivers',
  'storage.k8s.io/csinodes',
  'storage.k8s.io/csistoragecapacities',
  'storage.k8s.io/storageclasses',
  'storage.k8s.io/volumeattachments',
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

  it.each(['/limitranges', 'rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles', 'apiextensions.k8s.io/customresourcedefinitions'])(
    'falls back to the default convertor for %s, as upstream registers no printer for it',
    (key) => {
      expect(printerFor(typeOf(key))).toBe(defaultPrinter);
    },
  );

  it('prints a custom resource by its CRD columns, the same printer for every request', () => {
    const custom = { crd: 'crontabs.stable.example.com', storageVersion: 'v1', columns: [{ name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' }] };
    const printer = printerFor({ group: 'stable.example.com', plural: 'crontabs', custom });
    expect(printer.columns.map((c) => c.name)).toEqual(['Name', 'Spec']);
    expect(printerFor({ group: 'stable.example.com', plural: 'crontabs', custom })).toBe(printer);
    expect(
      printerFor({ group: 'example.com', plural: 'widgets', custom: { crd: 'widgets.example.com', storageVersion: 'v1' } }).columns.map((c) => c.name),
    ).toEqual(['Name', 'Age']);
  });

  it.each([...RESOURCE_TYPES.map((t) => `${t.group}/${t.plural}`), ...WITH_PRINTERS])(
    '%s: every column has all five fields and a minimal object fills every column',
    (key) => {
      const printer = printerFor(typeOf(key));
      for (const column of printer.columns) {
        expect(Object.keys(column).sort()).toEqual(['description', 'format', 'name', 'priority', 'type']);
      }
      const minimal: KubeObject = { apiVersion: 'v1', kind: 'Thing', metadata: { name: 'n' } };
      // IPAddress rows carry an Age cell that no column declares, as upstream's printer adds it.
      const extra = key === 'networking.k8s.io/ipaddresses' ? 1 : 0;
      expect(printer.cells(minimal, NOW)).toHaveLength(printer.columns.length + extra);
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
