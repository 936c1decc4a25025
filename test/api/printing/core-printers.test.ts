import { podTemplatePrinter } from '../../../src/api/printing/pod-template-printer.js';
import { replicationControllerPrinter } from '../../../src/api/printing/replication-controller-printer.js';
import { resourceQuotaPrinter } from '../../../src/api/printing/resource-quota-printer.js';
import { serviceAccountPrinter } from '../../../src/api/printing/service-account-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

/**
 * Vectors re-expressed from k/k pkg/printers/internalversion/printers_test.go (TestPrintPodTemplate,
 * TestPrintReplicationController, TestPrintServiceAccount), plus cases for printResourceQuota, which upstream does
 * not test, derived from printers.go.
 */

const NOW = Date.parse('2026-01-01T12:00:00Z');
const JUST_NOW = '2026-01-01T12:00:01Z';

type Json = Record<string, unknown>;

const object = (kind: string, name: string, fields: Json, metadata: Json = {}): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name, namespace: 'default', ...metadata },
  ...fields,
});

describe('the podtemplate printer', () => {
  const template = (name: string, labels: Json | undefined, containers: Json[]): KubeObject =>
    object('PodTemplate', name, { template: { metadata: { name, ...(labels ? { labels } : {}) }, spec: { containers } } });

  // Columns: Name, Containers, Images, Pod Labels — and no Age.
  it.each<[string, KubeObject, unknown[]]>([
    ['no containers', template('pod-template-1', undefined, []), ['pod-template-1', '', '', '<none>']],
    [
      'two containers',
      template('pod-template-2', undefined, [
        { name: 'fake-container1', image: 'fake-image1' },
        { name: 'fake-container2', image: 'fake-image2' },
      ]),
      ['pod-template-2', 'fake-container1,fake-container2', 'fake-image1,fake-image2', '<none>'],
    ],
    ['pod labels', template('pod-template-3', { foo: 'bar', a: 'b' }, []), ['pod-template-3', '', '', 'a=b,foo=bar']],
    ['no template at all', object('PodTemplate', 'bare', {}), ['bare', '', '', '<none>']],
  ])('%s', (_title, podTemplate, expected) => {
    expect(podTemplatePrinter.cells(podTemplate, NOW)).toEqual(expected);
  });
});

describe('the replicationcontroller printer', () => {
  const template = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'test', image: 'test_image' }] } };

  // Columns: Name, Desired, Current, Ready, Age, Containers, Images, Selector.
  it.each<[string, KubeObject, unknown[]]>([
    [
      // Upstream's internal object prints 0; the server defaults spec.replicas to 1 before anyone reads it.
      'no replicas nor status',
      object('ReplicationController', 'rc1', { spec: { selector: { a: 'b' }, template } }),
      ['rc1', 1, 0, 0, '<unknown>', 'test', 'test_image', 'a=b'],
    ],
    [
      'replicas and status',
      object('ReplicationController', 'rc1', { spec: { replicas: 5, selector: { a: 'b' }, template }, status: { replicas: 3, readyReplicas: 1 } }),
      ['rc1', 5, 3, 1, '<unknown>', 'test', 'test_image', 'a=b'],
    ],
    [
      'an explicit zero',
      object('ReplicationController', 'rc1', { spec: { replicas: 0, selector: { a: 'b' }, template } }),
      ['rc1', 0, 0, 0, '<unknown>', 'test', 'test_image', 'a=b'],
    ],
    [
      'no selector: the server defaults it to the template labels',
      object('ReplicationController', 'rc2', { spec: { replicas: 2, template: { ...template, metadata: { labels: { tier: 'web', app: 'shop' } } } } }),
      ['rc2', 2, 0, 0, '<unknown>', 'test', 'test_image', 'app=shop,tier=web'],
    ],
    ['no template', object('ReplicationController', 'rc3', { spec: { replicas: 1 } }), ['rc3', 1, 0, 0, '<unknown>', '', '', '<none>']],
  ])('%s', (_title, controller, expected) => {
    expect(replicationControllerPrinter.cells(controller, NOW)).toEqual(expected);
  });
});

describe('the serviceaccount printer', () => {
  // Columns: Name, Secrets (a count, in a string column), Age.
  it.each<[string, Json, unknown[]]>([
    ['no secrets', { secrets: [] }, ['sa1', 0, '0s']],
    ['two secrets', { secrets: [{ name: 'Secret1' }, { name: 'Secret2' }] }, ['sa1', 2, '0s']],
    ['no secrets field', {}, ['sa1', 0, '0s']],
  ])('%s', (_title, fields, expected) => {
    expect(serviceAccountPrinter.cells(object('ServiceAccount', 'sa1', fields, { creationTimestamp: JUST_NOW }), NOW)).toEqual(expected);
  });
});

describe('the resourcequota printer', () => {
  const quota = (status: Json): KubeObject => object('ResourceQuota', 'quota', { status }, { creationTimestamp: '2026-01-01T11:55:00Z' });

  it('sorts resources by name, sends limits.* to Limit and everything else to Request', () => {
    const hard = { 'requests.cpu': '1', pods: '10', 'limits.memory': '2048Mi', 'count/deployments.apps': '5', cpu: '500m', 'limits.cpu': '2', limits: '3' };
    const used = { 'requests.cpu': '250m', pods: 3, 'limits.memory': '1Gi', 'limits.cpu': '1' };
    expect(resourceQuotaPrinter.cells(quota({ hard, used }), NOW)).toEqual([
      'quota',
      'count/deployments.apps: 0/5, cpu: 0/500m, limits: 0/3, pods: 3/10, requests.cpu: 250m/1',
      'limits.cpu: 1/2, limits.memory: 1Gi/2Gi',
      '5m',
    ]);
  });

  it('prints only what status.hard lists, so a quota not yet counted is empty', () => {
    expect(resourceQuotaPrinter.cells(quota({}), NOW)).toEqual(['quota', '', '', '5m']);
    expect(resourceQuotaPrinter.cells(object('ResourceQuota', 'quota', { spec: { hard: { pods: '1' } } }), NOW)).toEqual(['quota', '', '', '<unknown>']);
  });

  it('orders names by byte, upper case first, as Go sorts strings', () => {
    const hard = { 'requests.storage': '1Ti', 'example.com/GPU': '4', 'example.com/gpu': '2' };
    expect(resourceQuotaPrinter.cells(quota({ hard }), NOW)[1]).toBe('example.com/GPU: 0/4, example.com/gpu: 0/2, requests.storage: 0/1Ti');
  });
});
