import {
  type AdditionalPrinterColumn,
  customResourcePrinter,
  customResourceScalePrinter,
  invalidPrinterColumn,
} from '../../../src/api/printing/custom-resource-printer.js';
import { CREATION_TIMESTAMP_DESCRIPTION, NAME_DESCRIPTION } from '../../../src/api/printing/columns.js';
import type { KubeObject } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

function crontab(spec: Json, status: Json = {}, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'stable.example.com/v1',
    kind: 'CronTab',
    metadata: { name: 'nightly', namespace: 'default', creationTimestamp: '2026-01-01T11:58:00Z', ...metadata },
    spec,
    status,
  };
}

/** A CRD version declaring a column of every type, and the paths that exercise the convertor's edges. */
const COLUMNS: AdditionalPrinterColumn[] = [
  { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec', description: 'The cron spec' },
  { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
  { name: 'Ratio', type: 'number', jsonPath: '.status.ratio', format: 'float' },
  { name: 'Suspended', type: 'boolean', jsonPath: '.spec.suspend', priority: 1 },
  { name: 'Last', type: 'date', jsonPath: '.status.lastScheduleTime' },
  { name: 'Selector', type: 'string', jsonPath: '.spec.selector' },
  { name: 'Image', type: 'string', jsonPath: '.spec.containers[*].image' },
  { name: 'Missing', type: 'string', jsonPath: '.status.nothing.here' },
];

const full = crontab(
  {
    cronSpec: '*/5 * * * *',
    replicas: 3,
    suspend: false,
    selector: { matchLabels: { tier: 'web', app: 'cron' } },
    containers: [{ image: 'busybox:1.36' }, { image: 'nginx:1.27' }],
  },
  { ratio: 0.75, lastScheduleTime: '2026-01-01T11:00:00Z' },
);

describe('the custom resource printer', () => {
  const printer = customResourcePrinter(COLUMNS);

  it('declares Name and the columns as the CRD does, with the default description for undescribed ones', () => {
    expect(printer.columns).toEqual([
      { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 },
      { name: 'Spec', type: 'string', format: '', description: 'The cron spec', priority: 0 },
      { name: 'Replicas', type: 'integer', format: '', description: 'Custom resource definition column (in JSONPath format): .spec.replicas', priority: 0 },
      { name: 'Ratio', type: 'number', format: 'float', description: 'Custom resource definition column (in JSONPath format): .status.ratio', priority: 0 },
      { name: 'Suspended', type: 'boolean', format: '', description: 'Custom resource definition column (in JSONPath format): .spec.suspend', priority: 1 },
      { name: 'Last', type: 'date', format: '', description: 'Custom resource definition column (in JSONPath format): .status.lastScheduleTime', priority: 0 },
      { name: 'Selector', type: 'string', format: '', description: 'Custom resource definition column (in JSONPath format): .spec.selector', priority: 0 },
      {
        name: 'Image',
        type: 'string',
        format: '',
        description: 'Custom resource definition column (in JSONPath format): .spec.containers[*].image',
        priority: 0,
      },
      { name: 'Missing', type: 'string', format: '', description: 'Custom resource definition column (in JSONPath format): .status.nothing.here', priority: 0 },
    ]);
  });

  it('fills a cell per column: typed values, a map as sorted JSON, the first of many, null when missing', () => {
    expect(printer.cells(full, NOW)).toEqual([
      'nightly',
      '*/5 * * * *',
      3,
      0.75,
      false,
      '60m',
      '{"matchLabels":{"app":"cron","tier":"web"}}',
      'busybox:1.36',
      null,
    ]);
  });

  it('leaves every cell but the name null for an empty object', () => {
    expect(printer.cells(crontab({}), NOW)).toEqual(['nightly', null, null, null, null, null, null, null, null]);
  });

  it.each<[string, AdditionalPrinterColumn['type'], unknown, unknown]>([
    ['a string column prints a number as Go does', 'string', 2.5, '2.5'],
    ['a string column prints a whole number as an integer', 'string', 1000000, '1000000'],
    ['a string column prints a boolean', 'string', true, 'true'],
    ['a string column prints a list as JSON', 'string', ['a', 'b'], '["a","b"]'],
    ['a string column prints a JSON null as text/template does', 'string', null, '<no value>'],
    ['an integer column truncates a float', 'integer', 2.9, 2],
    ['an integer column truncates toward zero', 'integer', -2.9, -2],
    ['an integer column refuses a string', 'integer', '3', null],
    ['a number column takes an integer', 'number', 4, 4],
    ['a number column refuses a string', 'number', '0.5', null],
    ['a boolean column refuses a string', 'boolean', 'true', null],
    ['a date column refuses a number', 'date', 1767268800, null],
    ['a date column shows an unparsable time as invalid', 'date', 'yesterday', '<invalid>'],
    ['a date column refuses a date without time', 'date', '2026-01-01', '<invalid>'],
    ['a date column refuses an impossible day', 'date', '2025-02-29T00:00:00Z', '<invalid>'],
    ['a date column shows an empty time as unknown', 'date', '', '<unknown>'],
    ['a date column shows Go zero time as unknown', 'date', '0001-01-01T00:00:00Z', '<unknown>'],
    ['a date column reads offsets and fractions', 'date', '2026-01-01T12:30:00.5+02:00', '89m'],
    ['a date column reads a one-digit hour', 'date', '2026-01-01T9:00:00Z', '3h'],
    ['a date column shows a future time as invalid', 'date', '2026-01-01T12:00:05Z', '<invalid>'],
    ['a column of an unknown type stays empty', 'object', { a: 1 }, null],
    ['any column is null for a missing value', 'boolean', undefined, null],
  ])('%s', (_name, type, value, expected) => {
    const column = customResourcePrinter([{ name: 'X', type, jsonPath: '.spec.x' }]);
    expect(column.cells(crontab(value === undefined ? {} : { x: value }), NOW)).toEqual(['nightly', expected]);
  });

  it('gives a null cell when the path fails on the object', () => {
    const column = customResourcePrinter([{ name: 'Second', type: 'string', jsonPath: '.spec.items[1]' }]);
    expect(column.cells(crontab({ items: ['only'] }), NOW)).toEqual(['nightly', null]);
  });

  it('uses only the first node of a path with several', () => {
    const column = customResourcePrinter([{ name: 'Two', type: 'string', jsonPath: '.spec.a}{.spec.b' }]);
    expect(column.cells(crontab({ a: 'first', b: 'second' }), NOW)).toEqual(['nightly', 'first']);
  });
});

describe('a custom resource without printer columns', () => {
  it.each<[string, AdditionalPrinterColumn[] | undefined]>([
    ['undefined', undefined],
    ['empty', []],
  ])('shows Name and Age when the columns are %s', (_name, columns) => {
    const printer = customResourcePrinter(columns);
    expect(printer.columns).toEqual([
      { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 },
      { name: 'Age', type: 'date', format: '', description: CREATION_TIMESTAMP_DESCRIPTION, priority: 0 },
    ]);
    expect(printer.cells(full, NOW)).toEqual(['nightly', '2m']);
  });

  it('has a null age when the object has no creation timestamp (the path finds nothing)', () => {
    const object: KubeObject = { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'bare' } };
    expect(customResourcePrinter(undefined).cells(object, NOW)).toEqual(['bare', null]);
  });
});

describe('a custom resource with an invalid printer column', () => {
  const valid: AdditionalPrinterColumn = { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' };
  const invalid: AdditionalPrinterColumn = { name: 'Broken', type: 'string', jsonPath: '.spec.containers[' };
  const after: AdditionalPrinterColumn = { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' };

  it('falls back to the Name column alone when the first column is invalid', () => {
    const printer = customResourcePrinter([invalid, valid]);
    expect(printer.columns.map((c) => c.name)).toEqual(['Name']);
    expect(printer.cells(full, NOW)).toEqual(['nightly']);
  });

  it('keeps the columns before the invalid one, as upstream returns the convertor built so far', () => {
    const printer = customResourcePrinter([valid, invalid, after]);
    expect(printer.columns.map((c) => c.name)).toEqual(['Name', 'Spec']);
    expect(printer.cells(full, NOW)).toEqual(['nightly', '*/5 * * * *']);
  });

  it('names the invalid path as upstream logs it', () => {
    expect(invalidPrinterColumn([valid, invalid, after])).toBe('unrecognized column definition ".spec.containers["');
    expect(invalidPrinterColumn([valid, after])).toBeUndefined();
    expect(invalidPrinterColumn(undefined)).toBeUndefined();
  });
});

describe('the scale Table of a custom resource', () => {
  const scale = (spec: Json, status: Json): KubeObject => ({
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name: 'nightly', namespace: 'default', creationTimestamp: '2026-01-01T11:00:00Z' },
    spec,
    status,
  });

  it('shows Desired and Available for the replica paths the CRD sets', () => {
    const printer = customResourceScalePrinter({ specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' });
    expect(printer.columns).toEqual([
      { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 0 },
      { name: 'Desired', type: 'integer', format: '', description: 'Number of desired replicas', priority: 0 },
      { name: 'Available', type: 'integer', format: '', description: 'Number of actual replicas', priority: 0 },
      { name: 'Age', type: 'date', format: '', description: CREATION_TIMESTAMP_DESCRIPTION, priority: 0 },
    ]);
    expect(printer.cells(scale({ replicas: 3 }, { replicas: 2 }), NOW)).toEqual(['nightly', 3, 2, '60m']);
  });

  it('leaves Desired null at zero, as spec.replicas is omitempty in the unstructured Scale', () => {
    const printer = customResourceScalePrinter({ specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas' });
    expect(printer.cells(scale({ replicas: 0 }, { replicas: 0 }), NOW)).toEqual(['nightly', null, 0, '60m']);
  });

  it.each<[string, { specReplicasPath?: string; statusReplicasPath?: string } | undefined, string[]]>([
    ['only the spec path', { specReplicasPath: '.spec.replicas' }, ['Name', 'Desired', 'Age']],
    ['only the status path', { statusReplicasPath: '.status.replicas' }, ['Name', 'Available', 'Age']],
    ['no scale subresource', undefined, ['Name', 'Age']],
  ])('shows %s', (_name, paths, names) => {
    expect(customResourceScalePrinter(paths).columns.map((c) => c.name)).toEqual(names);
  });
});
