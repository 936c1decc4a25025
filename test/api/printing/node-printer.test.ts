import { nodePrinter } from '../../../src/api/printing/node-printer.js';
import type { KubeObject } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

type Json = Record<string, unknown>;

function node(spec: Json, status: Json, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels, creationTimestamp: '2026-01-01T09:00:00Z' }, spec, status };
}

const ready = (status: string): Json => ({ type: 'Ready', status });

describe('the node printer', () => {
  it.each([
    ['Ready', [ready('True')], false],
    ['NotReady', [ready('False')], false],
    ['NotReady', [ready('Unknown')], false],
    ['Unknown', [], false],
    ['Unknown', [{ type: 'MemoryPressure', status: 'True' }], false],
    ['Ready,SchedulingDisabled', [ready('True')], true],
    ['Unknown,SchedulingDisabled', [], true],
  ])('says %s for conditions %j and unschedulable=%s', (expected, conditions, unschedulable) => {
    expect(nodePrinter.cells(node({ unschedulable }, { conditions }), NOW)[1]).toBe(expected);
  });

  it('collects roles from role label keys and the kubernetes.io/role value, sorted', () => {
    const labels = {
      'node-role.kubernetes.io/master': '',
      'node-role.kubernetes.io/control-plane': 'true',
      'node-role.kubernetes.io/proxy': '',
      'node-role.kubernetes.io/': 'ignored',
      'kubernetes.io/role': 'node',
    };
    expect(nodePrinter.cells(node({}, {}, labels), NOW)[2]).toBe('control-plane,master,node,proxy');
  });

  it.each([
    [{}, '<none>'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
    [{ 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/worker': '' }, 'worker'],
  ])('renders roles of labels %j as %s', (labels, expected) => {
    expect(nodePrinter.cells(node({}, {}, labels), NOW)[2]).toBe(expected);
  });

  it('prints age, version and the first internal and external addresses in the wide cells', () => {
    const object = node(
      {},
      {
        conditions: [ready('True')],
        addresses: [
          { type: 'Hostname', address: 'n1' },
          { type: 'InternalIP', address: '10.0.0.1' },
          { type: 'InternalIP', address: '10.0.0.2' },
          { type: 'ExternalIP', address: '34.1.1.1' },
        ],
        nodeInfo: { kubeletVersion: 'v1.33.1', osImage: 'Ubuntu 24.04', kernelVersion: '6.8.0', containerRuntimeVersion: 'containerd://1.7.2' },
      },
    );
    expect(nodePrinter.cells(object, NOW)).toEqual([
      'n1',
      'Ready',
      '<none>',
      '3h',
      'v1.33.1',
      '10.0.0.1',
      '34.1.1.1',
      'Ubuntu 24.04',
      '6.8.0',
      'containerd://1.7.2',
    ]);
  });

  it('shows <none> for missing addresses, <unknown> for missing node info and an empty version', () => {
    expect(nodePrinter.cells(node({}, {}), NOW).slice(4)).toEqual(['', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });

  it('hides the five detail columns outside wide output', () => {
    expect(nodePrinter.columns.filter((c) => c.priority === 1).map((c) => c.name)).toEqual([
      'Internal-IP',
      'External-IP',
      'OS-Image',
      'Kernel-Version',
      'Container-Runtime',
    ]);
  });
});
