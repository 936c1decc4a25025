import { nodeMetricsPrinter, podMetricsPrinter } from '../../../src/api/printing/metrics-printers.js';
import { formatGoDuration, type KubeObject, parseGoDuration } from '../../../src/cluster/index.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');

describe('Go durations', () => {
  it.each([
    ['20.05s', '20.05s'],
    ['0s', '0s'],
    ['0', '0s'],
    ['90s', '1m30s'],
    ['1h', '1h0m0s'],
    ['1.5h', '1h30m0s'],
    ['500ms', '500ms'],
    ['1500us', '1.5ms'],
    ['999ns', '999ns'],
    ['2µs', '2µs'],
    ['-3s', '-3s'],
  ])('re-renders %s as %s', (text, expected) => {
    expect(formatGoDuration(parseGoDuration(text) as bigint)).toBe(expected);
  });

  it.each(['', '5', '5x', 's'])('refuses %p', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe('the metrics printers', () => {
  it('print a node name, canonical cpu and memory, and the window', () => {
    const metrics: KubeObject = {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: { name: 'node-a' },
      timestamp: '2026-01-01T11:59:50Z',
      window: '20.05s',
      usage: { cpu: '250000000n', memory: '1048576Ki' },
    };
    expect(nodeMetricsPrinter.cells(metrics, NOW)).toEqual(['node-a', '250m', '1Gi', '20.05s']);
  });

  it('sums pod usage over its containers', () => {
    const metrics: KubeObject = {
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: { name: 'web-1', namespace: 'default' },
      window: '30s',
      containers: [
        { name: 'web', usage: { cpu: '1m', memory: '5Mi' } },
        { name: 'log', usage: { cpu: '2500000n', memory: '3Mi' } },
      ],
    };
    expect(podMetricsPrinter.cells(metrics, NOW)).toEqual(['web-1', '3500u', '8Mi', '30s']);
  });

  it('prints 0 for a pod without containers', () => {
    const metrics: KubeObject = { apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name: 'p' }, window: '1m0s', containers: [] };
    expect(podMetricsPrinter.cells(metrics, NOW)).toEqual(['p', '0', '0', '1m0s']);
  });

  it('declare Name, cpu and memory quantities and a duration Window, as metrics-server does', () => {
    expect(nodeMetricsPrinter.columns).toEqual([
      { name: 'Name', type: 'string', format: 'name', description: 'Name of the resource', priority: 0 },
      { name: 'cpu', type: 'string', format: 'quantity', description: '', priority: 0 },
      { name: 'memory', type: 'string', format: 'quantity', description: '', priority: 0 },
      { name: 'Window', type: 'string', format: 'duration', description: '', priority: 0 },
    ]);
  });
});
