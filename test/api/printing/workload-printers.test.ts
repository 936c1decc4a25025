import { daemonSetPrinter } from '../../../src/api/printing/daemon-set-printer.js';
import { deploymentPrinter } from '../../../src/api/printing/deployment-printer.js';
import { formatLabelSelector, labelSelectorString } from '../../../src/api/printing/labels-format.js';
import { replicaSetPrinter } from '../../../src/api/printing/replica-set-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

function workload(kind: string, spec: Json, status: Json): KubeObject {
  return { apiVersion: 'apps/v1', kind, metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T08:00:00Z' }, spec, status };
}

const template = {
  spec: {
    containers: [
      { name: 'web', image: 'nginx:1.27' },
      { name: 'log', image: 'busybox' },
    ],
  },
};

describe('label selectors as text', () => {
  it.each<[Json | undefined, string | undefined]>([
    [undefined, ''],
    [{}, ''],
    [{ matchLabels: { tier: 'web', app: 'shop' } }, 'app=shop,tier=web'],
    [
      {
        matchLabels: { app: 'shop' },
        matchExpressions: [
          { key: 'zone', operator: 'In', values: ['b', 'a'] },
          { key: 'env', operator: 'NotIn', values: ['dev'] },
          { key: 'canary', operator: 'DoesNotExist' },
          { key: 'beta', operator: 'Exists' },
        ],
      },
      'app=shop,beta,!canary,env notin (dev),zone in (a,b)',
    ],
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, undefined],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, undefined],
    [{ matchExpressions: [{ key: 'a', operator: 'Near' }] }, undefined],
  ])('renders %j as %p', (selector, expected) => {
    expect(labelSelectorString(selector as never)).toBe(expected);
  });

  it('formats an empty selector as <none> and an unconvertible one as <error>', () => {
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Near' }] })).toBe('<error>');
  });
});

describe('the deployment printer', () => {
  it('prints ready/desired, integer counts, containers, images and the selector', () => {
    const object = workload(
      'Deployment',
      { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
      { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    );
    expect(deploymentPrinter.cells(object, NOW)).toEqual(['web', '2/3', 3, 2, '4h', 'web,log', 'nginx:1.27,busybox', 'app=web']);
  });

  it('defaults replicas to 1, counts to 0, and prints an empty selector as ""', () => {
    expect(deploymentPrinter.cells(workload('Deployment', { selector: {} }, {}), NOW)).toEqual(['web', '0/1', 0, 0, '4h', '', '', '']);
  });

  it('prints <invalid> for an unconvertible selector', () => {
    expect(deploymentPrinter.cells(workload('Deployment', { selector: { matchExpressions: [{ key: 'a', operator: 'In' }] } }, {}), NOW)[7]).toBe('<invalid>');
  });
});

describe('the replicaset printer', () => {
  it('prints desired, current and ready as integers', () => {
    const object = workload(
      'ReplicaSet',
      { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } }, template },
      { replicas: 3, readyReplicas: 1 },
    );
    expect(replicaSetPrinter.cells(object, NOW)).toEqual(['web', 3, 3, 1, '4h', 'web,log', 'nginx:1.27,busybox', 'app=web,pod-template-hash=abc']);
  });

  it('shows <none> for an empty selector', () => {
    expect(replicaSetPrinter.cells(workload('ReplicaSet', {}, {}), NOW)).toEqual(['web', 1, 0, 0, '4h', '', '', '<none>']);
  });
});

describe('the daemonset printer', () => {
  it('prints the status counts, the node selector and the pod selector', () => {
    const object = workload(
      'DaemonSet',
      { selector: { matchLabels: { app: 'agent' } }, template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    );
    expect(daemonSetPrinter.cells(object, NOW)).toEqual(['web', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '4h', 'web,log', 'nginx:1.27,busybox', 'app=agent']);
  });

  it('shows <none> without a node selector', () => {
    expect(daemonSetPrinter.cells(workload('DaemonSet', {}, {}), NOW).slice(0, 8)).toEqual(['web', 0, 0, 0, 0, 0, '<none>', '4h']);
  });
});
