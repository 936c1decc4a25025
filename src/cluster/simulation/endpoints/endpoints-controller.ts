import type { Endpoints, Pod, Service } from '../../objects.js';
import type { Controller, SimulationContext } from '../controller.js';
import { type Informer, QueuedController } from '../queued-controller.js';
import { canonicalJson } from '../replicaset/generated-name.js';
import { ENDPOINTS, SERVICES, splitKey } from '../replicaset/workload-objects.js';
import { rfc3339 } from '../../meta/index.js';
import { PODS } from '../types.js';
import { type Backend, groupByPorts, serviceBackends, serviceLabels, targetRef } from './service-backends.js';
import { serviceInformers } from './service-informers.js';

export const ENDPOINT_CONTROLLER = 'endpoint-controller';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

type Subset = NonNullable<Endpoints['subsets']>[number];

const address = (backend: Backend): Record<string, unknown> => ({
  ip: backend.ip,
  ...(backend.nodeName ? { nodeName: backend.nodeName } : {}),
  targetRef: targetRef(backend.pod),
});

/** Subsets compared as EndpointSubset sets: order of subsets and of addresses within them does not matter. */
function normalized(subsets: readonly Subset[] | undefined): string {
  const each = (subsets ?? []).map((s) => {
    const sorted = (list: unknown[] | undefined): string[] => (list ?? []).map((a) => canonicalJson(a)).sort();
    return canonicalJson({ addresses: sorted(s.addresses), notReadyAddresses: sorted(s.notReadyAddresses), ports: s.ports ?? [] });
  });
  return canonicalJson(each.sort());
}

/**
 * The endpoints controller (k/k pkg/controller/endpoint/endpoints_controller.go syncService): for each service
 * with a selector, an Endpoints of the same name whose subsets hold the selected pods' addresses (ready ones in
 * `addresses`, the rest in `notReadyAddresses`, with nodeName and a targetRef to the pod), grouped by the ports
 * the service's targetPorts resolve to on each pod. It writes only when subsets or labels changed, stamping
 * the last-change-trigger-time annotation; it deletes the Endpoints of a deleted service.
 */
class EndpointsController extends QueuedController {
  readonly name = ENDPOINT_CONTROLLER;
  protected readonly resource = SERVICES;

  /** Pods selected by a service, and a deleted Endpoints (written again while its service exists). */
  protected informers({ store }: SimulationContext): readonly Informer[] {
    return serviceInformers(
      store,
      (key) => this.enqueue(key),
      ENDPOINTS,
      (event) => (event.type === 'DELETED' ? event.object.key : undefined),
    );
  }

  protected sync(key: string): void {
    const { store, clock } = this.context;
    const [namespace, name] = splitKey(key);
    const service = store.get(SERVICES, namespace, name)?.object as Service | undefined;
    const current = store.get(ENDPOINTS, namespace, name)?.object as Endpoints | undefined;
    if (!service) {
      if (current) store.delete(ENDPOINTS, namespace, name);
      return;
    }
    if (!service.spec?.selector || Object.keys(service.spec.selector).length === 0) return;
    const pods = store.list(PODS, { namespace }).items.map((s) => s.object as Pod);
    const subsets = groupByPorts(serviceBackends(service, pods, false)).map(({ ports, backends }): Subset => {
      const ready = backends.filter((b) => b.ready).map(address);
      const notReady = backends.filter((b) => !b.ready).map(address);
      return { ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports } as Subset;
    });
    const labels = serviceLabels(service);
    if (current && normalized(current.subsets) === normalized(subsets) && canonicalJson(current.metadata.labels ?? {}) === canonicalJson(labels)) return;
    const annotations = { ...(current?.metadata.annotations ?? {}), [TRIGGER_TIME]: rfc3339(clock.now()) };
    const endpoints: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        ...(current?.metadata ?? { name, namespace, creationTimestamp: rfc3339(clock.now()) }),
        ...(Object.keys(labels).length ? { labels } : {}),
        annotations,
      },
      ...(subsets.length ? { subsets } : {}),
    };
    if (!Object.keys(labels).length) delete endpoints.metadata.labels;
    if (current) store.update(ENDPOINTS, endpoints);
    else store.create(ENDPOINTS, endpoints);
  }
}

/** The endpoints controller (core/v1 Endpoints), started by the simulation with the other controllers. */
export function createEndpointsController(): Controller {
  return new EndpointsController();
}
