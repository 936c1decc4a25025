import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request asks to switch protocols (websocket, SPDY): its Connection header names `upgrade`, as
 * apimachinery pkg/util/httpstream/httpstream.go IsUpgradeRequest decides it. The proxy handlers answer such
 * requests differently when they cannot reach the backend (pkg/util/proxy/upgradeaware.go tryUpgrade).
 */
export function isUpgradeRequest(headers: IncomingHttpHeaders): boolean {
  const connection = headers.connection;
  const values: readonly string[] = Array.isArray(connection) ? connection : connection === undefined ? [] : [connection];
  return values.some((value) => value.toLowerCase().includes('upgrade'));
}
