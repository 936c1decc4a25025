import type { Pod } from '../../../../src/cluster/objects.js';
import { NodeUsageCache } from '../../../../src/cluster/simulation/scheduler/node-usage-cache.js';
import { newStore, pod } from '../simulation-test-cluster.js';

const withRequests = (name: string, nodeName: string | undefined, cpu: string, memory: string, phase = 'Running'): Pod => {
  const base = pod({ name, ...(nodeName ? { nodeName } : {}) }) as Pod;
  const container = { ...(base.spec?.containers[0] ?? { name: 'web' }), resources: { requests: { cpu, memory } } };
  return { ...base, spec: { ...base.spec, containers: [container] }, status: { ...base.status, phase } };
};

describe('NodeUsageCache', () => {
  test('sums what the pods bound to each node request, following every change of the store', () => {
    const store = newStore();
    store.load([
      { resource: '/pods', object: withRequests('a', 'node1', '250m', '64Mi') },
      { resource: '/pods', object: withRequests('b', undefined, '100m', '32Mi') },
    ]);
    const cache = new NodeUsageCache();
    const stop = cache.follow(store);
    expect(cache.of('node1').fit).toEqual({ milliCpu: 250, memory: 64 * 2 ** 20, pods: 1 });
    expect(cache.of('node2').fit).toEqual({ milliCpu: 0, memory: 0, pods: 0 });

    store.update('/pods', withRequests('b', 'node1', '100m', '32Mi'));
    expect(cache.of('node1').fit).toEqual({ milliCpu: 350, memory: 96 * 2 ** 20, pods: 2 });

    store.update('/pods', withRequests('a', 'node1', '250m', '64Mi', 'Succeeded'));
    expect(cache.of('node1').fit).toEqual({ milliCpu: 100, memory: 32 * 2 ** 20, pods: 1 });

    store.delete('/pods', 'default', 'b');
    expect(cache.of('node1').fit).toEqual({ milliCpu: 0, memory: 0, pods: 0 });

    stop();
    store.create('/pods', withRequests('c', 'node1', '1', '1Gi'));
    expect(cache.of('node1').fit.pods).toBe(0);
  });

  test('scores with the non-zero defaults for a pod that requests nothing (100m, 200Mi)', () => {
    const store = newStore();
    store.load([{ resource: '/pods', object: pod({ name: 'bare', nodeName: 'node1' }) }]);
    const cache = new NodeUsageCache();
    cache.follow(store);
    expect(cache.of('node1')).toEqual({ fit: { milliCpu: 0, memory: 0, pods: 1 }, score: { milliCpu: 100, memory: 200 * 2 ** 20 } });
  });
});
