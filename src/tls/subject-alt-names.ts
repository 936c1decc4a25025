import { isIP } from 'node:net';

/** The names a serving certificate must be valid for: DNS names and IP addresses (both SAN kinds). */
export interface SubjectAltNames {
  dnsNames: string[];
  ipAddresses: string[];
}

/** Loopback in every spelling a local client uses: kubeconfigs say 127.0.0.1, people type localhost. */
const LOOPBACK: SubjectAltNames = { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'] };

/** Binding to every interface names no address a client could dial, so it adds nothing to the certificate. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The SANs for serving on `host`: loopback, plus the host itself when it is another IP or DNS name.
 * kubectl (Go crypto/x509) matches the server name against SANs only, never the common name.
 */
export function subjectAltNamesFor(host: string): SubjectAltNames {
  const dnsNames = [...LOOPBACK.dnsNames];
  const ipAddresses = [...LOOPBACK.ipAddresses];
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare !== '' && !WILDCARDS.has(bare)) {
    if (isIP(bare) !== 0) {
      if (!ipAddresses.includes(bare)) ipAddresses.push(bare);
    } else {
      const name = bare.toLowerCase();
      if (!dnsNames.includes(name)) dnsNames.push(name);
    }
  }
  return { dnsNames, ipAddresses };
}
