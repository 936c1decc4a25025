// reflect-metadata must be evaluated before @peculiar/x509, which decorates its ASN.1 classes.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

/**
 * The signerName certificates.k8s.io/v1beta1 gave a CSR that named none (k/k
 * pkg/apis/certificates/v1beta1/defaults.go DefaultSignerNameFromSpec, with the kubelet checks of
 * pkg/apis/certificates/helpers.go): a kubelet's client or serving request is recognised from its
 * subject, SANs and usages; anything else, or a request that does not parse, is legacy-unknown.
 */
export const LEGACY_UNKNOWN_SIGNER = 'kubernetes.io/legacy-unknown';
export const KUBELET_CLIENT_SIGNER = 'kubernetes.io/kube-apiserver-client-kubelet';
export const KUBELET_SERVING_SIGNER = 'kubernetes.io/kubelet-serving';

const SUBJECT_ALT_NAME_OID = '2.5.29.17';

interface ParsedRequest {
  organization: string[];
  commonName: string;
  dns: number;
  ip: number;
  email: number;
  uri: number;
}

/** ParseCSR: the first PEM block must be a CERTIFICATE REQUEST. */
function parseRequest(request: string): ParsedRequest | undefined {
  try {
    const pem = Buffer.from(request, 'base64').toString('latin1');
    const first = x509.PemConverter.decodeWithHeaders(pem)[0];
    if (!first || first.type !== 'CERTIFICATE REQUEST') return undefined;
    const csr = new x509.Pkcs10CertificateRequest(first.rawData);
    const extension = csr.getExtension(SUBJECT_ALT_NAME_OID);
    // Parsed generically unless the extension factory already typed it.
    const san =
      extension && !(extension instanceof x509.SubjectAlternativeNameExtension) ? new x509.SubjectAlternativeNameExtension(extension.rawData) : extension;
    const names = san instanceof x509.SubjectAlternativeNameExtension ? san.names.items : [];
    const count = (type: string): number => names.filter((n) => n.type === type).length;
    // Go's pkix.Name keeps the last CN it reads.
    const commonName = csr.subjectName.getField('CN').at(-1) ?? '';
    const organization = csr.subjectName.getField('O');
    return { organization, commonName, dns: count('dns'), ip: count('ip'), email: count('email'), uri: count('url') };
  } catch {
    return undefined;
  }
}

const sameSet = (usages: readonly string[], expected: readonly string[]): boolean => {
  const set = new Set(usages);
  return set.size === expected.length && expected.every((u) => set.has(u));
};

/** With or without key encipherment: ECDSA keys need none (helpers.go kubelet*RequiredUsagesNoRSA). */
function usagesMatch(usages: readonly string[], purpose: 'client auth' | 'server auth'): boolean {
  return sameSet(usages, ['digital signature', 'key encipherment', purpose]) || sameSet(usages, ['digital signature', purpose]);
}

function isNodeSubject(csr: ParsedRequest): boolean {
  return csr.organization.length === 1 && csr.organization[0] === 'system:nodes' && csr.commonName.startsWith('system:node:');
}

export function defaultSignerName(request: unknown, usages: readonly string[]): string {
  const csr = typeof request === 'string' ? parseRequest(request) : undefined;
  if (!csr || !isNodeSubject(csr)) return LEGACY_UNKNOWN_SIGNER;
  if (csr.dns + csr.ip + csr.email + csr.uri === 0 && usagesMatch(usages, 'client auth')) return KUBELET_CLIENT_SIGNER;
  if (csr.dns + csr.ip > 0 && csr.email + csr.uri === 0 && usagesMatch(usages, 'server auth')) return KUBELET_SERVING_SIGNER;
  return LEGACY_UNKNOWN_SIGNER;
}
