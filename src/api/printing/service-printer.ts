import type { KubeObject, Service } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import { formatLabels } from './labels-format.js';
import type { Printer } from './types.js';

/** services, as k/k pkg/printers/internalversion/printers.go printService prints them (always wide). */

const TYPE =
  'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types';
const CLUSTER_IP =
  'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies';
const EXTERNAL_IPS =
  'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.';
const PORTS =
  'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies';
const SELECTOR =
  'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/';

/** spec.type after the server's defaulting (k/k pkg/apis/core/v1/defaults.go: empty → ClusterIP). */
function serviceType(service: Service): string {
  return service.spec?.type || 'ClusterIP';
}

/** Load-balancer ingress points: IP, else hostname; unique and sorted (sets.String.List). Wide, so never clipped. */
function loadBalancerIngress(service: Service): string[] {
  const points = new Set<string>();
  for (const ingress of service.status?.loadBalancer?.ingress ?? []) {
    const point = ingress.ip || ingress.hostname;
    if (point) points.add(point);
  }
  return [...points].sort();
}

export function serviceExternalIP(service: Service): string {
  const externalIPs = service.spec?.externalIPs ?? [];
  switch (serviceType(service)) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const all = [...loadBalancerIngress(service), ...externalIPs];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return service.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** `80/TCP,443:30443/TCP`; the protocol defaults to TCP as the server's defaulting would have set it. */
export function servicePorts(service: Service): string {
  const ports = (service.spec?.ports ?? []).map((p) => {
    const protocol = p.protocol || 'TCP';
    return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  });
  return ports.join(',') || '<none>';
}

/** The first cluster IP; conversion from v1 fills clusterIPs from clusterIP, so either field serves. */
function clusterIP(service: Service): string {
  return service.spec?.clusterIPs?.[0] || service.spec?.clusterIP || '<none>';
}

export const servicePrinter: Printer = {
  columns: [
    nameColumn,
    text('Type', TYPE),
    text('Cluster-IP', CLUSTER_IP),
    text('External-IP', EXTERNAL_IPS),
    text('Port(s)', PORTS),
    ageColumn,
    text('Selector', SELECTOR, { priority: 1 }),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const service = object as Service;
    return [
      service.metadata.name,
      serviceType(service),
      clusterIP(service),
      serviceExternalIP(service),
      servicePorts(service),
      translateTimestampSince(service.metadata.creationTimestamp, now),
      formatLabels(service.spec?.selector),
    ];
  },
};
