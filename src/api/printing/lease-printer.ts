import type { V1Lease } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** leases.coordination.k8s.io, as k/k pkg/printers/internalversion/printers.go printLease prints them. */

type Lease = Wire<V1Lease> & KubeObject;

const HOLDER_IDENTITY =
  'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.';

export const leasePrinter: Printer = {
  columns: [nameColumn, text('Holder', HOLDER_IDENTITY), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const lease = object as Lease;
    return [lease.metadata.name, lease.spec?.holderIdentity ?? '', translateTimestampSince(lease.metadata.creationTimestamp, now)];
  },
};
