/**
 * Watching through @kubernetes/client-node: the Watch class and an informer over /api/v1/pods, each seeing
 * changes written into the cluster store. Every watch and informer is stopped, so jest exits by itself.
 */
import { CoreV1Api, makeInformer, type V1Node, type V1Pod, Watch } from '@kubernetes/client-node';
import { useE2eServer } from '../../support/e2e-server.js';
import { addPodLike, labelPod, markNodeReady, resolvePodRef } from '../talk-cluster.js';

/** Something that will happen: the test awaits it instead of sleeping. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the JS client watching the talk cluster', () => {
  const server = useE2eServer();

  it('Watch: sees node3 MODIFIED to Ready after the listed resourceVersion', async () => {
    const { kubeConfig, cluster } = server().running;
    const list = await kubeConfig.makeApiClient(CoreV1Api).listNode();
    const modified = deferred<{ type: string; node: V1Node }>();
    const ended = deferred<unknown>();
    const controller = await new Watch(kubeConfig).watch(
      '/api/v1/nodes',
      { resourceVersion: list.metadata?.resourceVersion },
      (type: string, object: V1Node) => modified.resolve({ type, node: object }),
      (error: unknown) => ended.resolve(error),
    );
    try {
      const written = markNodeReady(cluster.store, 'node3', server().now);
      const { type, node } = await modified.promise;
      expect(type).toBe('MODIFIED');
      expect(node.metadata?.name).toBe('node3');
      expect(node.metadata?.resourceVersion).toBe(written.metadata.resourceVersion);
      expect(node.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    } finally {
      controller.abort();
      await ended.promise;
    }
  });

  it('an informer on /api/v1/pods sees an add, an update and a delete, and its cache equals a fresh list', async () => {
    const { kubeConfig, cluster } = server().running;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Pod>(kubeConfig, '/api/v1/pods', () => core.listPodForAllNamespaces());
    const seen: string[] = [];
    const next = { add: deferred<V1Pod>(), update: deferred<V1Pod>(), delete: deferred<V1Pod>() };
    const connected = deferred<void>();
    informer.on('connect', () => connected.resolve());
    informer.on('add', (pod) => {
      if (pod.metadata?.name !== 'web-added-x7k2q') return;
      seen.push('add');
      next.add.resolve(pod);
    });
    informer.on('update', (pod) => {
      seen.push('update');
      next.update.resolve(pod);
    });
    informer.on('delete', (pod) => {
      seen.push('delete');
      next.delete.resolve(pod);
    });
    // stop() aborts the watch, which the informer reports as an error too: only errors before it count.
    const errors: unknown[] = [];
    informer.on('error', (error) => errors.push(error));
    await informer.start();
    try {
      await connected.promise;
      expect(informer.list().length).toBe(17);

      addPodLike(cluster.store, 'default', resolvePodRef(cluster.store, '<web-1>'), 'web-added-x7k2q', server().now);
      expect((await next.add.promise).metadata?.name).toBe('web-added-x7k2q');
      const labelled = labelPod(cluster.store, 'default', 'web-added-x7k2q', 'tier', 'frontend');
      expect((await next.update.promise).metadata?.labels?.tier).toBe('frontend');
      expect(informer.get('web-added-x7k2q', 'default')?.metadata?.resourceVersion).toBe(labelled.metadata.resourceVersion);

      const fresh = await core.listPodForAllNamespaces();
      const key = (pod: V1Pod): string => `${pod.metadata?.namespace}/${pod.metadata?.name}@${pod.metadata?.resourceVersion}`;
      expect(informer.list().map(key).sort()).toEqual(fresh.items.map(key).sort());

      cluster.store.delete('/pods', 'default', 'web-added-x7k2q');
      expect((await next.delete.promise).metadata?.name).toBe('web-added-x7k2q');
      expect(informer.get('web-added-x7k2q', 'default')).toBeUndefined();
      expect(seen).toEqual(['add', 'update', 'delete']);
      expect(informer.list().length).toBe(17);
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });
});
