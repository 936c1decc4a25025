import { ApiError } from '../../../src/api/errors/api-error.js';
import { podPrinter } from '../../../src/api/printing/pod-printer.js';
import { parseIncludeObject, tableRow } from '../../../src/api/printing/table-row.js';
import type { KubeObject } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

const metadata = { name: 'web-1', namespace: 'default', uid: 'u-1', resourceVersion: '42', labels: { app: 'web' }, creationTimestamp: '2026-01-01T11:00:00Z' };

function pod(phase: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [{ name: 'web' }] }, status: { phase } };
}

describe('parseIncludeObject', () => {
  it.each([
    [undefined, 'Metadata'],
    ['', 'Metadata'],
    ['Metadata', 'Metadata'],
    ['Object', 'Object'],
    ['None', 'None'],
    [['None', 'Object'], 'None'],
  ])('reads %p as %s', (value, expected) => {
    expect(parseIncludeObject(value)).toBe(expected);
  });

  it.each([
    ['x', '"x"'],
    ['metadata', '"metadata"'],
    ['say "hi"', '"say \\"hi\\""'],
  ])('rejects %p with a 400 naming the quoted value', (value, quoted) => {
    let caught: unknown;
    try {
      parseIncludeObject(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    const status = (caught as ApiError).toStatus();
    expect(status).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect(status.message).toBe(
      `Unable to convert to Table as requested: includeObject: Invalid value: ${quoted}: must be 'Metadata', 'Object', 'None', or empty`,
    );
  });
});

describe('tableRow', () => {
  it('carries PartialObjectMetadata in the Table version for Metadata', () => {
    const row = tableRow(podPrinter, pod('Running'), NOW, 'Metadata', 'meta.k8s.io/v1');
    expect(row.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata });
    expect(tableRow(podPrinter, pod('Running'), NOW, 'Metadata', 'meta.k8s.io/v1beta1').object).toMatchObject({
      apiVersion: 'meta.k8s.io/v1beta1',
    });
  });

  it('carries the whole object for Object and null for None', () => {
    const object = pod('Running');
    expect(tableRow(podPrinter, object, NOW, 'Object', 'meta.k8s.io/v1').object).toBe(object);
    expect(tableRow(podPrinter, object, NOW, 'None', 'meta.k8s.io/v1').object).toBeNull();
  });

  it('serializes object: null but leaves out absent conditions', () => {
    expect(JSON.stringify(tableRow(podPrinter, pod('Running'), NOW, 'None', 'meta.k8s.io/v1'))).toBe(
      '{"cells":["web-1","0/1","Running","0","60m","<none>","<none>","<none>","<none>"],"object":null}',
    );
  });

  it('adds the Completed condition of a finished pod', () => {
    expect(tableRow(podPrinter, pod('Succeeded'), NOW, 'None', 'meta.k8s.io/v1').conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
  });
});
