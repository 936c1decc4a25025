import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { KeyPairPem } from './key-material.js';
import type { SubjectAltNames } from './subject-alt-names.js';

/**
 * A certificate is renewed this long before it expires, so that a server started today does not hand out a
 * kubeconfig whose certificate dies during the talk.
 */
const RENEW_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;

/** Why kept material cannot be used any more, or `undefined` if it can. */
export type Unusable = string | undefined;

/** A kept CA is usable if it parses, its key is its own, it is a CA, and it is valid well past `now`. */
export function checkCertificateAuthority(ca: KeyPairPem, now: Date): Unusable {
  const parsed = parse(ca);
  if (typeof parsed === 'string') return parsed;
  if (!parsed.certificate.ca) return 'the CA certificate is not a CA';
  return checkValidity(parsed.certificate, now);
}

/** A kept serving certificate is usable if it is signed by `ca`, valid well past `now` and covers every name. */
export function checkServingCertificate(serving: KeyPairPem, ca: KeyPairPem, names: SubjectAltNames, now: Date): Unusable {
  const parsed = parse(serving);
  if (typeof parsed === 'string') return parsed;
  const { certificate } = parsed;
  const caCertificate = new X509Certificate(ca.certPem);
  if (!certificate.checkIssued(caCertificate) || !certificate.verify(caCertificate.publicKey)) {
    return 'the serving certificate is not signed by the CA';
  }
  const validity = checkValidity(certificate, now);
  if (validity !== undefined) return validity;
  const missing = [
    ...names.ipAddresses.filter((ip) => certificate.checkIP(ip) === undefined),
    ...names.dnsNames.filter((name) => certificate.checkHost(name, { wildcards: false }) === undefined),
  ];
  return missing.length > 0 ? `the serving certificate does not cover ${missing.join(', ')}` : undefined;
}

function parse(pair: KeyPairPem): { certificate: X509Certificate } | string {
  try {
    const certificate = new X509Certificate(pair.certPem);
    if (!certificate.checkPrivateKey(createPrivateKey(pair.keyPem))) return 'the key does not belong to the certificate';
    return { certificate };
  } catch (error: unknown) {
    return `unreadable (${error instanceof Error ? error.message : String(error)})`;
  }
}

function checkValidity(certificate: X509Certificate, now: Date): Unusable {
  const notBefore = Date.parse(certificate.validFrom);
  const notAfter = Date.parse(certificate.validTo);
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter)) return 'its validity period is unreadable';
  if (notBefore > now.getTime()) return 'it is not valid yet';
  if (notAfter - RENEW_BEFORE_MS <= now.getTime()) return 'it has expired or expires within a week';
  return undefined;
}
