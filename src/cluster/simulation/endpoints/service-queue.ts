import type { Pod, Service } from '../../objects.js';
import type { SimulationContext } from '../controller.js';
import { mapSelectorMatches } from '../replicaset/label-selector.js';
import { SERVICES } from '../replicaset/workload-objects.js';
import { PODS } from '../types.js';
import { type Subscriptions, WorkQueue } from '../work-queue.js';

/**
 * The informers both endpoint controllers share (pkg/controller/endpoint, pkg/controller/endpointslice): a
 * service change queues the service; a pod change queues every service of its namespace whose selector matched
 * the pod before or after; `ownedResource` changes (a deleted Endpoints or slice) queue their service by name.
 * Every service is queued once at start.
 */
export function serviceQueue(context: SimulationContext, subscriptions: Subscriptions, label: string, sync: (key: string) => void, ownedKeys: (onKey: (key: string) => void) => () => void): WorkQueue {
  const { store, clock } = context;
  const queue = new WorkQueue(clock, sync, label);
  subscriptions.add(queue);
  subscriptions.add(store.watch(SERVICES, undefined, (event) => queue.add(event.object.key)));
  subscriptions.add(
    store.watch(PODS, undefined, (event) => {
      const namespace = event.object.namespace;
      const labels = [event.previous, event.object].map((stored) => (stored?.object as Pod | undefined)?.metadata.labels);
      for (const service of store.list(SERVICES, { namespace }).items) {
        const selector = (service.object as Service).spec?.selector;
        if (labels.some((l) => l && mapSelectorMatches(selector, l))) queue.add(service.key);
      }
    }),
  );
  subscriptions.add(ownedKeys((key) => queue.add(key)));
  subscriptions.add(
    clock.after(0, () => {
      for (const stored of store.list(SERVICES).items) queue.add(stored.key);
    }, `${label} start`),
  );
  return queue;
}
