/**
 * When a client's watch reaches the cluster store. `kubectl get -w` lists, prints, and only then opens its watch;
 * simulated time stepped before the watch arrives is replayed from history with the ages of the moment it
 * arrives, stepped after it is sent change by change. Waiting for the subscription makes which one happens a
 * decision of the test instead of a race with kubectl.
 */
import { jest } from '@jest/globals';
import type { ClusterStore } from '../../../src/cluster/index.js';

type Resource = Parameters<ClusterStore['watch']>[0];

/**
 * Resolves once the next watch on `resource` is subscribed (its missed history already replayed). Call it before
 * starting the client, await it after.
 */
export function nextWatchOn(store: ClusterStore, resource: Resource): Promise<void> {
  return new Promise((resolve) => {
    const original = store.watch.bind(store);
    const spy = jest.spyOn(store, 'watch').mockImplementation((watched, from, listener) => {
      const unsubscribe = original(watched, from, listener);
      if (watched === resource) {
        spy.mockRestore();
        resolve();
      }
      return unsubscribe;
    });
  });
}
