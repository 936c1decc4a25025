import { isIPv4, isIPv6 } from 'node:net';

/**
 * Go's net.IP.IsGlobalUnicast for an address literal: anything but unspecified, loopback, multicast,
 * link-local and the IPv4 broadcast address (private ranges count as global). The API server refuses to proxy
 * to other addresses (k/k pkg/registry/core/pod/strategy.go ResourceLocation, node/strategy.go
 * isProxyableHostname): `address not allowed`.
 */
export function isGlobalUnicast(address: string): boolean {
  if (isIPv4(address)) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    if (address === '0.0.0.0' || address === '255.255.255.255') return false;
    if (a === 127 || a >= 224 || (a === 169 && b === 254)) return false;
    return true;
  }
  if (isIPv6(address)) {
    const lower = address.toLowerCase();
    if (lower === '::' || lower === '::1') return false;
    if (lower.startsWith('ff') || /^fe[89ab]/.test(lower)) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    return mapped?.[1] === undefined ? true : isGlobalUnicast(mapped[1]);
  }
  return false;
}

/** An address the proxy may dial: a global unicast IP, or a host name (which kubefacade does not resolve). */
export function isProxyableHost(host: string): boolean {
  return isIPv4(host) || isIPv6(host) ? isGlobalUnicast(host) : host !== '';
}
