/**
 * A JS client informer whose watch the server cuts off (it fell too far behind): the stream ends, the informer
 * watches again from the last resourceVersion it saw, finds it compacted away (410), lists again, and its cache
 * ends up equal to a fresh list. It waits only for what the server already sent; nothing sleeps.
 */
import { CoreV1Api, KubeConfig, makeInformer, type V1Pod } from '@kubernetes/client-node';
import { ApiMetrics } from '../../../src/api/observability/index.js';
import { createApp } from '../../../src/api/server.js';
import { ManualTimers } from '../../../src/api/watch/watch-timers.js';
import type { KubeObject } from '../../../src/cluster/index.js';
import { capturingLogger } from '../../support/capturing-logger.js';
import { listen } from '../../support/watch-client.js';
import { testApp } from '../../support/test-app.js';

function kubeConfigFor(port: number): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'facade', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'anonymous' }],
    contexts: [{ name: 'facade', cluster: 'facade', user: 'anonymous' }],
    currentContext: 'facade',
  });
  return kubeConfig;
}

test('an informer whose watch is cut off lists again and ends up equal to a fresh list', async () => {
  const { cluster } = testApp(undefined, 20);
  const { logger, lines: logged } = capturingLogger();
  const app = createApp(cluster, {
    logger,
    metrics: new ApiMetrics(),
    serverAddress: () => '127.0.0.1:0',
    // Any frame that has to wait for the socket is past the bound: the first burst the kernel cannot take cuts it.
    watchTiming: {
      timers: new ManualTimers(),
      bookmarkIntervalMs: 60_000,
      minRequestTimeoutMs: 1_800_000,
      limits: { blockedEvents: 1_000_000, unresponsiveBudgetMs: 100, maxPendingBytes: 1 },
    },
  });
  const served = await listen(app);
  const core = kubeConfigFor(served.port).makeApiClient(CoreV1Api);
  let lists = 0;
  const informer = makeInformer<V1Pod>(kubeConfigFor(served.port), '/api/v1/namespaces/default/pods', () => {
    lists += 1;
    return core.listNamespacedPod({ namespace: 'default' });
  });
  let connected: () => void = () => undefined;
  informer.on('connect', () => connected());
  const errors: unknown[] = [];
  informer.on('error', (error) => errors.push(error));
  try {
    const firstConnect = new Promise<void>((resolve) => (connected = resolve));
    await informer.start();
    await firstConnect;
    expect(lists).toBe(1);

    const web1 = cluster.store.get('/pods', 'default', 'web-1')?.object as KubeObject;
    const padding = 'x'.repeat(256 * 1024);
    let last = '';
    const caughtUp = new Promise<void>((resolve) => {
      informer.on('update', (pod) => {
        if (pod.metadata?.name === 'web-1' && pod.metadata.resourceVersion === last) resolve();
      });
    });
    for (let round = 0; round < 100; round++) {
      const stored = cluster.store.update('/pods', { ...web1, metadata: { ...web1.metadata, annotations: { padding, round: String(round) } } } as KubeObject);
      last = String(stored.resourceVersion);
    }
    await caughtUp;

    expect(logged.filter((line) => line.includes('Forcing pods watcher close due to unresponsiveness'))).toHaveLength(1);
    expect(lists).toBe(2);
    const fresh = await core.listNamespacedPod({ namespace: 'default' });
    const state = (pods: readonly V1Pod[]): string[] => pods.map((p) => `${p.metadata?.name}@${p.metadata?.resourceVersion}`).sort();
    expect(state(informer.list())).toEqual(state(fresh.items));
    expect(errors).toEqual([]);
  } finally {
    await informer.stop();
    await served.close();
  }
});
