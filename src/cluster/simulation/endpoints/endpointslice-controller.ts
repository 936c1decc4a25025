import type { Pod, Service } from '../../objects.js';
import type { Controller, SimulationContext } from '../controller.js';
import { type Informer, QueuedController } from '../queued-controller.js';
import { canonicalJson, generateName } from '../replicaset/generated-name.js';
import { newControllerRef } from '../../meta/index.js';
import { ENDPOINTSLICES, type EndpointSlice, nextGeneration, SERVICES, splitKey } from '../replicaset/workload-objects.js';
import { rfc3339 } from '../../meta/index.js';
import { copyOf, PODS } from '../types.js';
import { type Backend, type EndpointPort, groupByPorts, serviceBackends, serviceLabels, targetRef } from './service-backends.js';
import { serviceInformers } from './service-informers.js';

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const MANAGER = 'endpointslice-controller.k8s.io';
const SERVICE_NAME = 'kubernetes.io/service-name';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

type SliceEndpoint = NonNullable<EndpointSlice['endpoints']>[number];

/** podToEndpoint (pkg/controller/endpointslice/utils.go): ready excludes terminating pods, serving does not. */
function endpointOf(backend: Backend): SliceEndpoint {
  return {
    addresses: [backend.ip],
    conditions: { ready: backend.ready, serving: isServing(backend), terminating: backend.terminating },
    targetRef: targetRef(backend.pod),
    ...(backend.nodeName ? { nodeName: backend.nodeName } : {}),
  } as SliceEndpoint;
}

const isServing = (backend: Backend): boolean =>
  backend.ready || (backend.terminating && backend.pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true);
const slicePorts = (ports: readonly EndpointPort[]): NonNullable<EndpointSlice['ports']> =>
  ports.map((p) => ({ name: p.name ?? '', protocol: p.protocol, port: p.port, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
const portsKey = (ports: EndpointSlice['ports'] | null | undefined): string => canonicalJson(ports ?? []);
const endpointKey = (endpoint: SliceEndpoint): string => endpoint.targetRef?.uid ?? endpoint.addresses.join(',');

/**
 * The EndpointSlice controller (k/k pkg/controller/endpointslice, staging endpointslice/reconciler.go): for each
 * service with a selector, one slice per set of resolved ports, named `<service>-<5 random>`, labelled with the
 * service name and manager, owned by the service. An existing slice is updated in place (endpoints kept in their
 * order, new ones appended) and its generation bumped; a slice whose endpoints are all gone is deleted; a service
 * with no endpoints keeps one placeholder slice without endpoints or ports. Slices of a deleted service go too
 * (the garbage collector's job upstream, through the owner reference).
 */
class EndpointSliceController extends QueuedController {
  readonly name = ENDPOINTSLICE_CONTROLLER;
  protected readonly resource = SERVICES;

  /** Pods selected by a service, and a deleted slice (its service's slices are reconciled again). */
  protected informers({ store }: SimulationContext): readonly Informer[] {
    return serviceInformers(
      store,
      (key) => this.enqueue(key),
      ENDPOINTSLICES,
      (event) => {
        const service = (event.object.object as EndpointSlice).metadata.labels?.[SERVICE_NAME];
        return event.type === 'DELETED' && service ? `${event.object.namespace}/${service}` : undefined;
      },
    );
  }

  protected sync(key: string): void {
    const { store } = this.context;
    const [namespace, name] = splitKey(key);
    const service = store.get(SERVICES, namespace, name)?.object as Service | undefined;
    const existing = store
      .list(ENDPOINTSLICES, { namespace })
      .items.map((s) => s.object as EndpointSlice)
      .filter((slice) => slice.metadata.labels?.[SERVICE_NAME] === name && slice.metadata.labels?.[MANAGED_BY] === MANAGER);
    if (!service) {
      for (const slice of existing) store.delete(ENDPOINTSLICES, namespace, slice.metadata.name);
      return;
    }
    if (!service.spec?.selector || Object.keys(service.spec.selector).length === 0) return;
    const pods = store.list(PODS, { namespace }).items.map((s) => s.object as Pod);
    const groups = groupByPorts(serviceBackends(service, pods, true));
    const unused = new Set(existing);
    for (const group of groups) {
      const ports = slicePorts(group.ports);
      const slice = existing.find((s) => unused.has(s) && (s.endpoints?.length ?? 0) > 0 && portsKey(s.ports) === portsKey(ports));
      if (slice) unused.delete(slice);
      this.write(service, slice, ports, group.backends.map(endpointOf));
    }
    if (groups.length === 0) {
      // reconciler.go: a service with no endpoints keeps exactly one placeholder slice.
      const placeholder = existing.find((s) => (s.endpoints?.length ?? 0) === 0 && (s.ports?.length ?? 0) === 0);
      if (placeholder) {
        unused.delete(placeholder);
        this.write(service, placeholder, null, null);
      } else this.write(service, undefined, null, null);
    }
    for (const slice of unused) store.delete(ENDPOINTSLICES, namespace, slice.metadata.name);
  }

  private write(service: Service, current: EndpointSlice | undefined, ports: EndpointSlice['ports'] | null, desired: SliceEndpoint[] | null): void {
    const { store, clock } = this.context;
    const namespace = service.metadata.namespace ?? '';
    const labels = { ...serviceLabels(service), [MANAGED_BY]: MANAGER, [SERVICE_NAME]: service.metadata.name };
    const endpoints = current && desired ? inPlace(current.endpoints ?? [], desired) : desired;
    const now = rfc3339(clock.now());
    if (current) {
      const same =
        canonicalJson(current.endpoints ?? null) === canonicalJson(endpoints) &&
        portsKey(current.ports) === portsKey(ports) &&
        canonicalJson(current.metadata.labels ?? {}) === canonicalJson(labels);
      if (same) return;
      const next = copyOf(current);
      next.metadata = {
        ...next.metadata,
        generation: nextGeneration(current),
        labels,
        annotations: { ...(next.metadata.annotations ?? {}), [TRIGGER_TIME]: now },
      };
      store.update(ENDPOINTSLICES, Object.assign(next, { endpoints, ports }) as EndpointSlice);
      return;
    }
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: generateName(store, ENDPOINTSLICES, namespace, `${service.metadata.name}-`, this.random),
        generateName: `${service.metadata.name}-`,
        namespace,
        generation: 1,
        creationTimestamp: now,
        labels,
        annotations: { [TRIGGER_TIME]: now },
        ownerReferences: [newControllerRef(service)],
      },
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    store.create(ENDPOINTSLICES, slice as unknown as EndpointSlice);
  }
}

/** The reconciler's in-place update: kept endpoints stay where they were, changed ones replace them, new ones go last. */
function inPlace(current: readonly SliceEndpoint[], desired: readonly SliceEndpoint[]): SliceEndpoint[] {
  const wanted = new Map(desired.map((e) => [endpointKey(e), e]));
  const kept = current.filter((e) => wanted.has(endpointKey(e))).map((e) => wanted.get(endpointKey(e)) as SliceEndpoint);
  const keptKeys = new Set(kept.map(endpointKey));
  return [...kept, ...desired.filter((e) => !keptKeys.has(endpointKey(e)))];
}

/** The EndpointSlice controller, started by the simulation with the other controllers. */
export function createEndpointSliceController(): Controller {
  return new EndpointSliceController();
}
