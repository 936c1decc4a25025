import type { Pod, Service } from '../../objects.js';
import type { ResourceKey } from '../../resources/resource-type.js';
import type { ClusterStore, StoreEvent } from '../../store/index.js';
import type { Informer } from '../queued-controller.js';
import { mapSelectorMatches } from '../../selectors/index.js';
import { SERVICES } from '../replicaset/workload-objects.js';
import { PODS } from '../types.js';

/**
 * The informers both endpoint controllers share besides their own on SERVICES (pkg/controller/endpoint,
 * pkg/controller/endpointslice): a pod change queues every service of its namespace whose selector matched the
 * pod before or after; a change of `owned` (Endpoints or slices) queues the service `serviceOf` names, if any.
 */
export function serviceInformers(
  store: ClusterStore,
  enqueue: (key: string) => void,
  owned: ResourceKey,
  serviceOf: (event: StoreEvent) => string | undefined,
): Informer[] {
  const pods: Informer = {
    resource: PODS,
    listener: (event) => {
      const namespace = event.object.namespace;
      const labels = [event.previous, event.object].map((stored) => (stored?.object as Pod | undefined)?.metadata.labels);
      for (const service of store.list(SERVICES, { namespace }).items) {
        const selector = (service.object as Service).spec?.selector;
        if (labels.some((l) => l && mapSelectorMatches(selector, l))) enqueue(service.key);
      }
    },
  };
  const ownedChanged: Informer = {
    resource: owned,
    listener: (event) => {
      const key = serviceOf(event);
      if (key !== undefined) enqueue(key);
    },
  };
  return [pods, ownedChanged];
}
