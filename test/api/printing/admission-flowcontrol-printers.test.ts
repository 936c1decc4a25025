import { apiServicePrinter } from '../../../src/api/printing/api-service-printer.js';
import { ageColumn, nameColumn } from '../../../src/api/printing/columns.js';
import { flowSchemaPrinter, sortFlowSchemas } from '../../../src/api/printing/flow-schema-printer.js';
import { goLabelSelectorString } from '../../../src/api/printing/go-label-selector.js';
import { priorityLevelConfigurationPrinter } from '../../../src/api/printing/priority-level-configuration-printer.js';
import { validatingAdmissionPolicyBindingPrinter } from '../../../src/api/printing/validating-admission-policy-binding-printer.js';
import { validatingAdmissionPolicyPrinter } from '../../../src/api/printing/validating-admission-policy-printer.js';
import { webhookConfigurationPrinter } from '../../../src/api/printing/webhook-configuration-printer.js';
import type { LabelSelector } from '../../../src/api/printing/labels-format.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/** Cases re-expressed from k/k pkg/printers/internalversion/printers_test.go, plus the edges of each cell rule. */

const NOW = Date.parse('2026-01-01T12:00:00Z');
const MAX_INT32 = 2147483647;

type Json = Record<string, unknown>;

/** Upstream's two creation times: 1.9s in the future (prints `0s`) and five minutes ago. */
const FUTURE = new Date(NOW + 1900).toISOString();
const FIVE_MINUTES_AGO = new Date(NOW - 300_000).toISOString();

const object = (kind: string, fields: Json, metadata: Json = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', creationTimestamp: FIVE_MINUTES_AGO, ...metadata },
  ...fields,
});

describe('the webhook configuration printer', () => {
  it.each<[string, Json, number]>([
    ['MutatingWebhookConfiguration', { webhooks: [{ name: 'a.example.com' }, { name: 'b.example.com' }] }, 2],
    ['ValidatingWebhookConfiguration', { webhooks: [{ name: 'a.example.com' }] }, 1],
    ['ValidatingWebhookConfiguration', {}, 0],
  ])('counts the webhooks of a %s', (kind, fields, count) => {
    expect(webhookConfigurationPrinter.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Webhooks', 'integer'],
      ['Age', 'string'],
    ]);
    expect(webhookConfigurationPrinter.cells(object(kind, fields, { name: 'config' }), NOW)).toEqual(['config', count, '5m']);
  });
});

describe('the validating admission policy printer', () => {
  it.each<[string, Json, unknown[]]>([
    [
      'with a param kind',
      { spec: { paramKind: { apiVersion: 'rules.example.com/v1', kind: 'ReplicaLimit' }, validations: [{ expression: 'true' }, { expression: 'false' }] } },
      ['policy', 2, 'rules.example.com/v1/ReplicaLimit', '5m'],
    ],
    ['without a param kind', { spec: { validations: [{ expression: 'true' }] } }, ['policy', 1, '<unset>', '5m']],
    ['with an empty spec', { spec: {} }, ['policy', 0, '<unset>', '5m']],
  ])('prints a policy %s', (_case, fields, expected) => {
    expect(validatingAdmissionPolicyPrinter.cells(object('ValidatingAdmissionPolicy', fields, { name: 'policy' }), NOW)).toEqual(expected);
  });
});

describe('the validating admission policy binding printer', () => {
  it.each<[string, Json | undefined, string]>([
    ['a name without namespace', { name: 'test-scale-setting.example.com', parameterNotFoundAction: 'Deny' }, '*/test-scale-setting.example.com'],
    ['a namespaced name', { name: 'limits', namespace: 'team-a' }, 'team-a/limits'],
    [
      'a selector',
      { selector: { matchLabels: { env: 'prod' } } },
      '&LabelSelector{MatchLabels:map[string]string{env: prod,},MatchExpressions:[]LabelSelectorRequirement{},}',
    ],
    ['neither name nor selector', { parameterNotFoundAction: 'Allow' }, '<unset>'],
    ['no paramRef', undefined, '<unset>'],
  ])('prints a binding with %s', (_case, paramRef, expected) => {
    const spec = paramRef ? { policyName: 'test-scale.example.com', paramRef } : { policyName: 'test-scale.example.com' };
    const binding = object('ValidatingAdmissionPolicyBinding', { spec }, { name: 'config' });
    expect(validatingAdmissionPolicyBindingPrinter.cells(binding, NOW)).toEqual(['config', 'test-scale.example.com', expected, '5m']);
  });
});

describe("Go's String() of a LabelSelector", () => {
  it.each<[LabelSelector, string]>([
    [{}, '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}'],
    [{ matchLabels: { b: '2', a: '1' } }, '&LabelSelector{MatchLabels:map[string]string{a: 1,b: 2,},MatchExpressions:[]LabelSelectorRequirement{},}'],
    [
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['web', 'api'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
      '&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{' +
        'LabelSelectorRequirement{Key:tier,Operator:In,Values:[web api],},' +
        'LabelSelectorRequirement{Key:canary,Operator:DoesNotExist,Values:[],},},}',
    ],
  ])('dumps %j as a struct, not as selector syntax', (selector, expected) => {
    expect(goLabelSelectorString(selector)).toBe(expected);
  });
});

describe('the flow schema printer', () => {
  it('declares MatchingPrecedence a string column and MissingPL after Age', () => {
    expect(flowSchemaPrinter.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['PriorityLevel', 'string'],
      ['MatchingPrecedence', 'string'],
      ['DistinguisherMethod', 'string'],
      ['Age', 'string'],
      ['MissingPL', 'string'],
    ]);
  });

  it.each<[string, Json, string, unknown[]]>([
    [
      'an all-matcher distinguishing by user',
      { spec: { priorityLevelConfiguration: { name: 'allee' }, matchingPrecedence: MAX_INT32, distinguisherMethod: { type: 'ByUser' } } },
      FUTURE,
      ['all-matcher', 'allee', MAX_INT32, 'ByUser', '0s', '?'],
    ],
    [
      'a dangling schema distinguishing by namespace',
      {
        spec: { priorityLevelConfiguration: { name: 'allee' }, matchingPrecedence: 500, distinguisherMethod: { type: 'ByNamespace' } },
        status: { conditions: [{ type: 'Dangling', status: 'True', lastTransitionTime: '2026-01-01T11:00:00Z' }] },
      },
      FIVE_MINUTES_AGO,
      ['all-matcher', 'allee', 500, 'ByNamespace', '5m', 'True'],
    ],
    [
      'a schema without distinguisher',
      { spec: { priorityLevelConfiguration: { name: 'exempt' }, matchingPrecedence: 1 }, status: { conditions: [{ type: 'Dangling', status: 'False' }] } },
      FIVE_MINUTES_AGO,
      ['all-matcher', 'exempt', 1, '<none>', '5m', 'False'],
    ],
    // Upstream's test feeds precedence 0 straight to the printer; the server would have stored its default, 1000.
    [
      'a schema without precedence',
      { spec: { priorityLevelConfiguration: { name: 'allee' } } },
      FIVE_MINUTES_AGO,
      ['all-matcher', 'allee', 1000, '<none>', '5m', '?'],
    ],
  ])('prints %s', (_case, fields, creationTimestamp, expected) => {
    expect(flowSchemaPrinter.cells(object('FlowSchema', fields, { name: 'all-matcher', creationTimestamp }), NOW)).toEqual(expected);
  });

  it('orders a list by matching precedence, then by name, leaving the input as it was', () => {
    const schema = (name: string, matchingPrecedence?: number): KubeObject => object('FlowSchema', { spec: { matchingPrecedence } }, { name });
    const list = [
      schema('global-default', 9900),
      schema('exempt', 1),
      schema('workload-low', 9000),
      schema('probes', 2),
      schema('catch-all', 10000),
      schema('b-unset'),
      schema('a-thousand', 1000),
    ];
    const names = (objects: readonly KubeObject[]): string[] => objects.map((o) => o.metadata.name);

    expect(names(sortFlowSchemas(list))).toEqual(['exempt', 'probes', 'a-thousand', 'b-unset', 'workload-low', 'global-default', 'catch-all']);
    expect(names(flowSchemaPrinter.order(list))).toEqual(names(sortFlowSchemas(list)));
    expect(names(list)[0]).toBe('global-default');
  });
});

describe('the priority level configuration printer', () => {
  it.each<[string, Json, unknown[]]>([
    ['an exempt level', { spec: { type: 'Exempt', exempt: {} } }, ['level', 'Exempt', '<none>', '<none>', '<none>', '<none>', '0s']],
    [
      'a limited level that rejects',
      { spec: { type: 'Limited', limited: { nominalConcurrencyShares: 47, limitResponse: { type: 'Reject' } } } },
      ['level', 'Limited', 47, '<none>', '<none>', '<none>', '0s'],
    ],
    [
      'a limited level that queues',
      {
        spec: {
          type: 'Limited',
          limited: { nominalConcurrencyShares: 42, limitResponse: { type: 'Queue', queuing: { queues: 8, handSize: 3, queueLengthLimit: 4 } } },
        },
      },
      ['level', 'Limited', 42, 8, 3, 4, '0s'],
    ],
    // Not in upstream's tests: what the server's defaulting would have stored for unset fields.
    [
      'a limited level relying on defaults',
      { spec: { type: 'Limited', limited: { limitResponse: { type: 'Queue', queuing: {} } } } },
      ['level', 'Limited', 30, 64, 8, 50, '0s'],
    ],
    [
      'a limited level with zero shares',
      { spec: { type: 'Limited', limited: { nominalConcurrencyShares: 0, limitResponse: { type: 'Reject' } } } },
      ['level', 'Limited', 0, '<none>', '<none>', '<none>', '0s'],
    ],
  ])('prints %s', (_case, fields, expected) => {
    expect(priorityLevelConfigurationPrinter.cells(object('PriorityLevelConfiguration', fields, { name: 'level', creationTimestamp: FUTURE }), NOW)).toEqual(
      expected,
    );
  });

  it('declares every column a string', () => {
    expect(priorityLevelConfigurationPrinter.columns.map((c) => c.type)).toEqual(Array(7).fill('string'));
  });
});

describe('the API service printer (kube-aggregator)', () => {
  it('declares Name, Service, Available and Age with the aggregator descriptions', () => {
    expect(apiServicePrinter.columns).toEqual([
      nameColumn,
      { name: 'Service', type: 'string', format: '', description: 'The reference to the service that hosts this API endpoint.', priority: 0 },
      { name: 'Available', type: 'string', format: '', description: 'Whether this service is available.', priority: 0 },
      ageColumn,
    ]);
  });

  it.each<[string, Json, string, string]>([
    ['a local, available group', { status: { conditions: [{ type: 'Available', status: 'True', reason: 'Local' }] } }, 'Local', 'True'],
    [
      'an aggregated group missing endpoints',
      {
        spec: { service: { namespace: 'kube-system', name: 'metrics-server', port: 443 } },
        status: {
          conditions: [
            {
              type: 'Available',
              status: 'False',
              reason: 'MissingEndpoints',
              message: 'endpoints for service/metrics-server in "kube-system" have no addresses',
            },
          ],
        },
      },
      'kube-system/metrics-server',
      'False (MissingEndpoints)',
    ],
    [
      'a group whose condition has no reason',
      { spec: { service: { namespace: 'ns', name: 'svc' } }, status: { conditions: [{ type: 'Available', status: 'False' }] } },
      'ns/svc',
      'False',
    ],
    ['a group without conditions', { spec: {} }, 'Local', 'Unknown'],
  ])('prints %s', (_case, fields, service, available) => {
    expect(apiServicePrinter.cells(object('APIService', fields, { name: 'v1beta1.metrics.k8s.io' }), NOW)).toEqual([
      'v1beta1.metrics.k8s.io',
      service,
      available,
      '5m',
    ]);
  });
});
