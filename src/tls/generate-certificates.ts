// @peculiar/x509 resolves its ASN.1 serializers through tsyringe, which needs the Reflect metadata API;
// this import must stay before the x509 one so the polyfill is in place when x509 is evaluated.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { KeyPairPem } from './key-material.js';
import type { SubjectAltNames } from './subject-alt-names.js';

/**
 * ECDSA P-256 with SHA-256: what kubeadm's own certificates moved to as an option, accepted by Go's crypto/tls
 * (kubectl) and OpenSSL (node), and fast enough to generate that a missing state dir costs nothing.
 */
const KEY_ALGORITHM: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING_ALGORITHM: webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** Validity as kubeadm's: ten years for the CA, one for the serving certificate (kubeadm pkg/util/pkiutil). */
const CA_VALIDITY_DAYS = 3650;
const SERVING_VALIDITY_DAYS = 365;
/** Backdated so that a client whose clock is a little behind still accepts a certificate made just now. */
const BACKDATE_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const crypto = webcrypto;

/** A self-signed CA that signs serving certificates and nothing else. */
export async function generateCertificateAuthority(now: Date): Promise<KeyPairPem> {
  const keys = await generateKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serialNumber(),
      name: `CN=kubefacade-ca@${Math.floor(now.getTime() / 1000)}`,
      notBefore: new Date(now.getTime() - BACKDATE_MS),
      notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
      keys,
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { certPem: certificate.toString('pem'), keyPem: await exportPrivateKey(keys.privateKey) };
}

/** A serving certificate for `names`, signed by `ca`. */
export async function generateServingCertificate(ca: KeyPairPem, names: SubjectAltNames, now: Date): Promise<KeyPairPem> {
  const keys = await generateKeys();
  const caCertificate = new x509.X509Certificate(ca.certPem);
  const caKey = await crypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(ca.keyPem), KEY_ALGORITHM, false, ['sign']);
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: serialNumber(),
      subject: 'CN=kubefacade',
      issuer: caCertificate.subject,
      notBefore: new Date(now.getTime() - BACKDATE_MS),
      notAfter: new Date(now.getTime() + SERVING_VALIDITY_DAYS * DAY_MS),
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([
          ...names.dnsNames.map((value) => ({ type: 'dns' as const, value })),
          ...names.ipAddresses.map((value) => ({ type: 'ip' as const, value })),
        ]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCertificate.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { certPem: certificate.toString('pem'), keyPem: await exportPrivateKey(keys.privateKey) };
}

async function generateKeys(): Promise<webcrypto.CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
}

async function exportPrivateKey(key: webcrypto.CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/**
 * 128 random bits as a positive, minimally encoded DER integer: Go's x509 parser rejects negative serials and
 * encoding/asn1 rejects a leading zero byte, so the first byte lies in 0x01..0x7f.
 */
function serialNumber(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] ?? 0) % 0x7f) + 1;
  return Buffer.from(bytes).toString('hex');
}
