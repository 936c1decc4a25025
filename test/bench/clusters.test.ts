import { namespaceOfSize } from '../../bench/clusters.js';
import type { GeneratedClusterSummary } from '../../src/cluster/generate/index.js';

const summary = (podsByNamespace: Record<string, number>, sample: string): GeneratedClusterSummary => ({
  nodes: 1,
  pods: Object.values(podsByNamespace).reduce((sum, count) => sum + count, 0),
  namespaces: Object.keys(podsByNamespace).length,
  objects: 0,
  kinds: {},
  podsByNamespace,
  samples: {
    namespace: { name: sample, pods: podsByNamespace[sample] ?? 0 },
    node: { name: 'worker-0', pods: 0 },
    labelSelector: { selector: 'app=a', pods: 0 },
    pod: { namespace: sample, name: 'p' },
  },
});

describe("the larger cluster's twin of a namespace", () => {
  it('is the application namespace whose pods are nearest in number', () => {
    const large = summary({ payments: 1617, 'risk-2': 1432, 'marketing-3': 1437, shipping: 848, 'kube-system': 1433 }, 'payments');
    expect(namespaceOfSize(large, 1433)).toEqual({ name: 'risk-2', pods: 1432 });
  });

  it('keeps the sample when it is as near as any other', () => {
    const large = summary({ payments: 1433, billing: 1433, media: 1434 }, 'payments');
    expect(namespaceOfSize(large, 1433)).toEqual({ name: 'payments', pods: 1433 });
  });
});
