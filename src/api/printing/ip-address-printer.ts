import type { V1IPAddress } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * ipaddresses.networking.k8s.io, as k/k pkg/printers/internalversion/printers.go printIPAddress prints them.
 * Upstream declares two columns (Name, ParentRef) yet appends an age cell to every row: rows carry three cells.
 * kubectl prints only the declared columns, so the age never shows; kept for byte-for-byte Tables.
 */

type IPAddress = Wire<V1IPAddress> & KubeObject;

const PARENT_REF = 'ParentRef references the resource that an IPAddress is attached to. An IPAddress must reference a parent object.';

/** `lower(resource[.group])[/namespace]/name`, the group-resource as schema.GroupResource.String() spells it. */
function parentRef(address: IPAddress): string {
  const reference = address.spec?.parentRef;
  if (!reference) return '<none>';
  const groupResource = reference.group ? `${reference.resource}.${reference.group}` : reference.resource;
  const namespace = reference.namespace ? `/${reference.namespace}` : '';
  return `${groupResource.toLowerCase()}${namespace}/${reference.name}`;
}

export const ipAddressPrinter: Printer = {
  columns: [nameColumn, text('ParentRef', PARENT_REF)],
  cells(object: KubeObject, now: number): unknown[] {
    const address = object as IPAddress;
    return [address.metadata.name, parentRef(address), translateTimestampSince(address.metadata.creationTimestamp, now)];
  },
};
