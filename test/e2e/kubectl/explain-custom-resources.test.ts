/**
 * `kubectl explain` of a custom resource, from the schema its CustomResourceDefinition gives (the cluster file holds
 * a CRD and one CronTab). 1.27/1.28 load /openapi/v2 (protobuf) first, then, like 1.29+, explain from the
 * /openapi/v3 document of the resource's group version; `--output plaintext-openapiv2` explains from /openapi/v2,
 * where apiextensions-apiserver publishes the schema converted (untyped where v2 cannot say the type: `<>`).
 * 1.30+ print a blank line after FIELD and a field's enum. A kind no CRD defines is published with a schema that keeps
 * every field, so it is explained by the fields every custom resource has.
 */
import { kubectlCases, lines } from './kubectl-cases.js';

const CLUSTER = { cluster: { file: 'test/fixtures/good/crd-with-schema.yaml' } };

const TYPE_META = [
  '  apiVersion\t<string>',
  '    APIVersion defines the versioned schema of this representation of an object.',
  '    Servers should convert recognized schemas to the latest internal value, and',
  '    may reject unrecognized values. More info:',
  '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  '',
  '  kind\t<string>',
  '    Kind is a string value representing the REST resource this object',
  '    represents. Servers may infer this from the endpoint the client submits',
  '    requests to. Cannot be updated. In CamelCase. More info:',
  '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
  '',
  '  metadata\t<ObjectMeta>',
  "    Standard object's metadata. More info:",
  '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  '',
];

kubectlCases(
  'kubectl explain (custom resources)',
  [
    {
      says: 'explains the kind from its CRD schema, with the apiVersion, kind and metadata every custom resource has',
      args: ['explain', 'crontabs'],
      stdout: lines(
        'GROUP:      stable.example.com',
        'KIND:       CronTab',
        'VERSION:    v1',
        '',
        'DESCRIPTION:',
        '    CronTab runs an image on a cron schedule.',
        '    ',
        'FIELDS:',
        ...TYPE_META,
        '  spec\t<Object>',
        '    The desired schedule and what it runs.',
        '',
        '  status\t<Object>',
        '    What the controller observed.',
        '',
        '',
      ),
    },
    {
      says: 'explains a field of the spec by its short name',
      args: ['explain', 'ct.spec.cronSpec'],
      stdout: ({ binary }) =>
        lines(
          'GROUP:      stable.example.com',
          'KIND:       CronTab',
          'VERSION:    v1',
          '',
          'FIELD: cronSpec <string>',
          ...(binary.minor >= 30 ? [''] : []),
          '',
          'DESCRIPTION:',
          '    The schedule, in cron format.',
          '    ',
          '',
        ),
    },
    {
      says: "lists the spec's fields: required ones marked, nullable and int-or-string ones as the v3 schema types them",
      args: ['explain', 'crontabs.spec'],
      check: ({ stdout }, { binary }) => {
        expect(stdout).toContain(`FIELD: spec <Object>\n${binary.minor >= 30 ? '\n' : ''}\nDESCRIPTION:\n    The desired schedule and what it runs.\n`);
        expect(stdout).toContain('\n  cronSpec\t<string> -required-\n    The schedule, in cron format.\n');
        expect(stdout).toContain('\n  image\t<string> -required-\n');
        expect(stdout).toContain('\n  replicas\t<integer>\n    How many copies run at once.\n');
        expect(stdout).toContain('\n  suspendUntil\t<string>\n');
        expect(stdout).toContain('\n  template\t<Object>\n');
        expect(stdout).toContain('\n  timeout\t<Object>\n');
        expect(stdout).toContain(
          binary.minor >= 30 ? '\n  concurrencyPolicy\t<string>\n  enum: Allow, Forbid, Replace\n' : '\n  concurrencyPolicy\t<string>\n    What',
        );
      },
    },
    {
      says: 'walks the whole tree, ObjectMeta included',
      args: ['explain', 'crontabs', '--recursive'],
      check: ({ stdout }) => {
        expect(stdout).toMatch(/\n {2}metadata\t<ObjectMeta>\n {4}annotations\t<map\[string\]string>\n/);
        expect(stdout).toMatch(/\n {2}spec\t<Object>\n {4}concurrencyPolicy\t<string>\n/);
        expect(stdout).toMatch(/\n {2}status\t<Object>\n {4}lastScheduleTime\t<string>\n {4}replicas\t<integer>\n/);
      },
    },
    {
      says: 'explains another served version from its own schema',
      args: ['explain', 'crontabs', '--api-version=stable.example.com/v1beta1'],
      stdout: lines(
        'GROUP:      stable.example.com',
        'KIND:       CronTab',
        'VERSION:    v1beta1',
        '',
        'DESCRIPTION:',
        '    <empty>',
        'FIELDS:',
        ...TYPE_META,
        '  spec\t<Object>',
        '    <no description>',
        '',
        '',
      ),
    },
    {
      says: 'explains from /openapi/v2 when asked, where fields v2 cannot type are untyped',
      args: ['explain', 'crontabs.spec', '--output=plaintext-openapiv2'],
      check: ({ stdout }) => {
        expect(
          stdout.startsWith(
            'KIND:     CronTab\nVERSION:  stable.example.com/v1\n\nRESOURCE: spec <Object>\n\nDESCRIPTION:\n     The desired schedule and what it runs.\n',
          ),
        ).toBe(true);
        expect(stdout).toContain('\n   cronSpec\t<string> -required-\n     The schedule, in cron format.\n');
        expect(stdout).toContain('\n   replicas\t<integer>\n');
        expect(stdout).toContain('\n   suspendUntil\t<>\n');
        expect(stdout).toContain('\n   timeout\t<>\n');
      },
    },
    {
      says: 'says which field the schema does not have',
      args: ['explain', 'crontabs.spec.nope'],
      stdout: lines('GROUP:      stable.example.com', 'KIND:       CronTab', 'VERSION:    v1', ''),
      stderr: 'error: field "nope" does not exist\n',
      exitCode: 1,
    },
    {
      says: "explains metrics-server's kinds from the document the aggregator merges in",
      args: ['explain', 'nodemetrics.usage'],
      check: ({ stdout }, { binary }) => {
        const blankAfterField = binary.minor >= 30 ? '\n' : '';
        expect(
          stdout.startsWith(
            `GROUP:      metrics.k8s.io\nKIND:       NodeMetrics\nVERSION:    v1beta1\n\nFIELD: usage <map[string]string>\n${blankAfterField}\nDESCRIPTION:\n    The memory usage is the memory working set.\n    Quantity is a fixed-point`,
          ),
        ).toBe(true);
      },
    },
  ],
  CLUSTER,
);

kubectlCases(
  'kubectl explain (a kind no CRD defines)',
  [
    {
      says: 'explains it as the CRD it must have had would: every custom resource has apiVersion, kind and metadata',
      args: ['explain', 'widgets'],
      stdout: lines('GROUP:      example.com', 'KIND:       Widget', 'VERSION:    v1', '', 'DESCRIPTION:', '    <empty>', 'FIELDS:', ...TYPE_META, ''),
    },
  ],
  { cluster: { file: 'test/fixtures/good/custom-resource-without-crd.yaml' } },
);
