import type { V1EndpointSlice } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * endpointslices.discovery.k8s.io, as k/k pkg/printers/internalversion/printers.go printEndpointSlice prints them.
 * Descriptions are the discovery/v1beta1 swagger docs upstream still quotes.
 */

type EndpointSlice = Wire<V1EndpointSlice> & KubeObject;

const ADDRESS_TYPE =
  'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.';
const PORTS =
  'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.';
const ENDPOINTS = 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.';

const SHOWN = 3;

/** listWithMoreString: three items, then `+ N more...`; nothing at all is `<unset>`. */
export function listWithMore(items: readonly string[]): string {
  const text = items.slice(0, SHOWN).join(',');
  if (items.length > SHOWN) return `${text} + ${items.length - SHOWN} more...`;
  return text || '<unset>';
}

/** A port shows its number, else its name (even an empty one), else `*` for "all ports". */
function portText(port: NonNullable<EndpointSlice['ports']>[number]): string {
  if (port.port !== undefined && port.port !== null) return String(port.port);
  if (port.name !== undefined && port.name !== null) return port.name;
  return '*';
}

export const endpointSlicePrinter: Printer = {
  columns: [nameColumn, text('AddressType', ADDRESS_TYPE), text('Ports', PORTS), text('Endpoints', ENDPOINTS), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const slice = object as EndpointSlice;
    return [
      slice.metadata.name,
      slice.addressType ?? '',
      listWithMore((slice.ports ?? []).map(portText)),
      listWithMore((slice.endpoints ?? []).flatMap((e) => e.addresses ?? [])),
      translateTimestampSince(slice.metadata.creationTimestamp, now),
    ];
  },
};
