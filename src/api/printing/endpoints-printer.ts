import type { Endpoints, KubeObject } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** endpoints, as k/k pkg/printers/internalversion/printers.go printEndpoints / formatEndpoints print them. */

const SUBSETS =
  'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.';

const SHOWN = 3;

/** net.JoinHostPort: IPv6 hosts are bracketed. */
function joinHostPort(host: string, port: number | undefined): string {
  return host.includes(':') ? `[${host}]:${port ?? 0}` : `${host}:${port ?? 0}`;
}

/** Ready addresses as `ip:port` for every port (bare IPs for port-less subsets), three shown then `+ N more...`. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const shown: string[] = [];
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    // Headless services may have no ports: list the IPs alone.
    const combos = ports.length === 0 ? addresses.map((a) => a.ip) : ports.flatMap((p) => addresses.map((a) => joinHostPort(a.ip, p.port)));
    count += combos.length;
    for (const combo of combos) if (shown.length < SHOWN) shown.push(combo);
  }
  const text = shown.join(',');
  return count > SHOWN ? `${text} + ${count - SHOWN} more...` : text;
}

export const endpointsPrinter: Printer = {
  columns: [nameColumn, text('Endpoints', SUBSETS), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const endpoints = object as Endpoints;
    return [endpoints.metadata.name, formatEndpoints(endpoints), translateTimestampSince(endpoints.metadata.creationTimestamp, now)];
  },
};
