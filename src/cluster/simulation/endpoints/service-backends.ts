import type { Pod, Service } from '../../objects.js';
import { mapSelectorMatches } from '../../selectors/index.js';
import { isPodReady } from '../replicaset/pod-state.js';

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/** One pod behind a service: its address, readiness and the ports the service's ports resolve to on it. */
export interface Backend {
  pod: Pod;
  ip: string;
  nodeName: string | undefined;
  ready: boolean;
  terminating: boolean;
  ports: EndpointPort[];
}

/**
 * FindPort (k/k pkg/api/v1/pod/util.go): a numeric targetPort as is (absent: the service port, as defaulting
 * sets it); a named one looked up among the pod's container ports of the same protocol. A pod without the named
 * port does not back that service port.
 */
function resolvePorts(service: Service, pod: Pod): EndpointPort[] {
  return (service.spec?.ports ?? []).flatMap((port): EndpointPort[] => {
    const protocol = port.protocol ?? 'TCP';
    const target = port.targetPort ?? port.port;
    const number =
      typeof target === 'number' || /^\d+$/.test(String(target))
        ? Number(target)
        : (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((p) => p.name === target && (p.protocol ?? 'TCP') === protocol)?.containerPort;
    if (number === undefined) return [];
    return [{ ...(port.name ? { name: port.name } : {}), port: number, protocol, ...(port.appProtocol ? { appProtocol: port.appProtocol } : {}) }];
  });
}

const ipNumber = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + (Number(part) || 0), 0);

/**
 * The pods a service with a selector sends traffic to (ShouldPodBeInEndpoints, pkg/controller/util/endpoint):
 * selected, in its namespace, with an IP, not finished; terminating ones only when `includeTerminating`
 * (EndpointSlices keep them with terminating=true, Endpoints drop them). Ready counts publishNotReadyAddresses.
 * Ordered by IP then name, as the cluster file loader orders them.
 */
export function serviceBackends(service: Service, pods: readonly Pod[], includeTerminating: boolean): Backend[] {
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  return pods
    .filter((pod) => (pod.metadata.namespace ?? '') === (service.metadata.namespace ?? '') && mapSelectorMatches(service.spec?.selector, pod.metadata.labels))
    .filter((pod) => !!pod.status?.podIP && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed')
    .filter((pod) => includeTerminating || publishNotReady || !pod.metadata.deletionTimestamp)
    .map((pod) => ({
      pod,
      ip: pod.status?.podIP ?? '',
      nodeName: pod.spec?.nodeName,
      ready: publishNotReady || (isPodReady(pod) && !pod.metadata.deletionTimestamp),
      terminating: !!pod.metadata.deletionTimestamp,
      ports: resolvePorts(service, pod),
    }))
    .filter((backend) => backend.ports.length > 0)
    .sort((a, b) => ipNumber(a.ip) - ipNumber(b.ip) || (a.pod.metadata.name < b.pod.metadata.name ? -1 : 1));
}

/** Backends grouped by the ports they resolve to, in order of first appearance: one subset / one slice each. */
export function groupByPorts(backends: readonly Backend[]): { ports: EndpointPort[]; backends: Backend[] }[] {
  const groups = new Map<string, { ports: EndpointPort[]; backends: Backend[] }>();
  for (const backend of backends) {
    const key = JSON.stringify(backend.ports);
    const group = groups.get(key) ?? { ports: backend.ports, backends: [] };
    group.backends.push(backend);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function targetRef(pod: Pod): Record<string, string> {
  return { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, uid: pod.metadata.uid ?? '' };
}

/** The labels the controllers copy from the service, with the headless marker for a service without a cluster IP. */
export function serviceLabels(service: Service): Record<string, string> {
  const headless: Record<string, string> = service.spec?.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {};
  return { ...(service.metadata.labels ?? {}), ...headless };
}
