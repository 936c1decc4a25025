import { componentStatusPrinter } from '../../../src/api/printing/component-status-printer.js';
import { configMapPrinter } from '../../../src/api/printing/config-map-printer.js';
import { defaultPrinter } from '../../../src/api/printing/default-printer.js';
import { leasePrinter } from '../../../src/api/printing/lease-printer.js';
import { namespacePrinter } from '../../../src/api/printing/namespace-printer.js';
import { secretPrinter } from '../../../src/api/printing/secret-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

const object = (kind: string, fields: Json, metadata: Json = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', creationTimestamp: '2026-01-01T11:59:00Z', ...metadata },
  ...fields,
});

describe('the component status printer', () => {
  it.each<[Json[] | undefined, unknown[]]>([
    [[{ type: 'Healthy', status: 'True', message: 'ok' }], ['x', 'Healthy', 'ok', '']],
    [[{ type: 'Healthy', status: 'False', message: '', error: 'dial tcp: refused' }], ['x', 'Unhealthy', '', 'dial tcp: refused']],
    [undefined, ['x', 'Unknown', '', '']],
  ])('prints conditions %j as %j', (conditions, expected) => {
    expect(componentStatusPrinter.cells(object('ComponentStatus', conditions ? { conditions } : {}), NOW)).toEqual(expected);
  });
});

describe('the configmap, secret, namespace and lease printers', () => {
  it('count configmap data and binaryData entries together', () => {
    expect(configMapPrinter.cells(object('ConfigMap', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }), NOW)).toEqual(['x', 3, '60s']);
    expect(configMapPrinter.cells(object('ConfigMap', {}), NOW)).toEqual(['x', 0, '60s']);
  });

  it('print the secret type (Opaque when empty) and its data count', () => {
    expect(secretPrinter.cells(object('Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'AA==', 'tls.key': 'AA==' } }), NOW)).toEqual([
      'x',
      'kubernetes.io/tls',
      2,
      '60s',
    ]);
    expect(secretPrinter.cells(object('Secret', {}), NOW)).toEqual(['x', 'Opaque', 0, '60s']);
  });

  it('print the namespace phase', () => {
    expect(namespacePrinter.cells(object('Namespace', { status: { phase: 'Terminating' } }), NOW)).toEqual(['x', 'Terminating', '60s']);
    expect(namespacePrinter.cells(object('Namespace', {}), NOW)).toEqual(['x', 'Active', '60s']);
  });

  it('print the lease holder, or nothing', () => {
    expect(leasePrinter.cells(object('Lease', { spec: { holderIdentity: 'node-a' } }), NOW)).toEqual(['x', 'node-a', '60s']);
    expect(leasePrinter.cells(object('Lease', { spec: {} }), NOW)).toEqual(['x', '', '60s']);
  });
});

describe('the default table convertor', () => {
  it('prints the name and the creation time in RFC 3339', () => {
    expect(defaultPrinter.cells(object('Thing', {}, { creationTimestamp: '2026-01-01T11:59:00.000Z' }), NOW)).toEqual(['x', '2026-01-01T11:59:00Z']);
  });

  it("prints Go's zero time for an object without a creation timestamp", () => {
    expect(defaultPrinter.cells(object('Thing', {}, { creationTimestamp: undefined }), NOW)).toEqual(['x', '0001-01-01T00:00:00Z']);
  });

  it('declares Name and a date-typed Created At', () => {
    expect(defaultPrinter.columns.map((c) => [c.name, c.type, c.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ]);
  });
});
