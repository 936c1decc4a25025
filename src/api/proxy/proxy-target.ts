/**
 * The name in a proxy URL may carry a scheme and a port: `web`, `web:8080`, `https:web:443`
 * (apimachinery pkg/util/net/port_split.go SplitSchemeNamePort). The scheme must be http, https or empty.
 */
export interface ProxyTarget {
  scheme: '' | 'http' | 'https';
  name: string;
  port: string;
}

export function splitSchemeNamePort(id: string): ProxyTarget | undefined {
  const parts = id.split(':');
  let scheme = '';
  let name: string;
  let port = '';
  if (parts.length === 1) name = parts[0] ?? '';
  else if (parts.length === 2) [name = '', port = ''] = parts;
  else if (parts.length === 3) [scheme = '', name = '', port = ''] = parts;
  else return undefined;
  if (name === '' || (scheme !== '' && scheme !== 'http' && scheme !== 'https')) return undefined;
  return { scheme: scheme as ProxyTarget['scheme'], name, port };
}

/** net.JoinHostPort: an IPv6 address is bracketed. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The host:port the proxy dials when the location names no port: the URL's default for its scheme, http when it
 * has none (upgradeaware.go normalizeLocation; net/http's canonicalAddr).
 */
export function dialAddress(host: string, port: string, scheme: ProxyTarget['scheme']): string {
  return joinHostPort(host, port !== '' ? port : scheme === 'https' ? 443 : 80);
}
