import type { V1ServiceCIDR } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * servicecidrs.networking.k8s.io, as k/k pkg/printers/internalversion/printers.go printServiceCIDR prints them.
 * The CIDRs description is networking/v1beta1 ServiceCIDRSpec's, the version upstream quotes (same text as v1).
 */

type ServiceCIDR = Wire<V1ServiceCIDR> & KubeObject;

const CIDRS =
  'CIDRs defines the IP blocks in CIDR notation (e.g. "192.168.0.0/24" or "2001:db8::/64") from which to assign service cluster IPs. Max of two CIDRs is allowed, one of each IP family. This field is immutable.';

export const serviceCIDRPrinter: Printer = {
  columns: [nameColumn, text('CIDRs', CIDRS), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const cidr = object as ServiceCIDR;
    return [cidr.metadata.name, (cidr.spec?.cidrs ?? []).join(','), translateTimestampSince(cidr.metadata.creationTimestamp, now)];
  },
};
