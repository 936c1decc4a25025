import type { V1Ingress } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** ingresses.networking.k8s.io, as k/k pkg/printers/internalversion/printers.go printIngress prints them. */

type Ingress = Wire<V1Ingress> & KubeObject;

const MAX_HOSTS = 3;

/**
 * formatHosts: the first three non-empty hosts; once three are collected, any further rule (with a host or not)
 * adds ` + N more...`, N counting every rule past the third, empty-host rules included. No host at all → `*`.
 */
function hosts(ingress: Ingress): string {
  const rules = ingress.spec?.rules ?? [];
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === MAX_HOSTS) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${rules.length - MAX_HOSTS} more...` : list.join(',');
}

/** ingressLoadBalancerStatusStringer: IP, else hostname; unique, sorted; never clipped, as the server prints wide. */
function address(ingress: Ingress): string {
  const points = new Set<string>();
  for (const point of ingress.status?.loadBalancer?.ingress ?? []) {
    const value = point.ip || point.hostname;
    if (value) points.add(value);
  }
  return [...points].sort().join(',');
}

export const ingressPrinter: Printer = {
  columns: [
    nameColumn,
    text('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
    text('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    text('Address', 'Address is a list containing ingress points for the load-balancer'),
    text('Ports', 'Ports of TLS configurations that open'),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const ingress = object as Ingress;
    // Only spec.ingressClassName counts; the deprecated kubernetes.io/ingress.class annotation is not read.
    const className = ingress.spec?.ingressClassName ?? '<none>';
    const ports = (ingress.spec?.tls ?? []).length > 0 ? '80, 443' : '80';
    return [ingress.metadata.name, className, hosts(ingress), address(ingress), ports, translateTimestampSince(ingress.metadata.creationTimestamp, now)];
  },
};
