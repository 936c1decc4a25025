/** A certificate and its private key, both PEM (the key PKCS#8), as node:https and kubeconfigs take them. */
export interface KeyPairPem {
  certPem: string;
  keyPem: string;
}

/** What an HTTPS server needs, and what its clients need to trust it. */
export interface ServingMaterial {
  ca: KeyPairPem;
  serving: KeyPairPem;
}
