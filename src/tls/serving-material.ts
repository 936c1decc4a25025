import { join } from 'node:path';
import { checkCertificateAuthority, checkServingCertificate } from './certificate-checks.js';
import { generateCertificateAuthority, generateServingCertificate } from './generate-certificates.js';
import type { KeyPairPem, ServingMaterial } from './key-material.js';
import { readKeyPair, STATE_FILES, writeKeyPair } from './state-dir.js';
import { subjectAltNamesFor } from './subject-alt-names.js';

export interface ServingMaterialOptions {
  /** Where the CA and serving certificate are kept across restarts; without it they live in memory only. */
  stateDir?: string;
  /** The host the server binds to: the serving certificate must cover it. */
  host: string;
  now: Date;
}

export interface ServingMaterialResult {
  material: ServingMaterial;
  /** What was generated and why, for the log ("generated a new CA: .state/ca.crt is missing"). */
  notes: string[];
}

/**
 * The CA and serving certificate for a server on `host`: the kept ones when still good, so that kubeconfigs
 * written earlier keep working, else new ones (a new CA only when the old one is missing, broken or expiring).
 */
export async function servingMaterialFor(options: ServingMaterialOptions): Promise<ServingMaterialResult> {
  const { stateDir, now } = options;
  const names = subjectAltNamesFor(options.host);
  const notes: string[] = [];

  const keptCa = stateDir === undefined ? undefined : await readKeyPair(stateDir, 'ca');
  const caProblem = keptCa === undefined ? 'none was kept' : checkCertificateAuthority(keptCa, now);
  let ca: KeyPairPem;
  if (keptCa !== undefined && caProblem === undefined) {
    ca = keptCa;
  } else {
    ca = await generateCertificateAuthority(now);
    if (stateDir !== undefined) {
      await writeKeyPair(stateDir, 'ca', ca);
      notes.push(`generated a new CA in ${join(stateDir, STATE_FILES.ca.certPem)}: ${caProblem ?? 'none was kept'}`);
    }
  }

  const keptServing = stateDir === undefined ? undefined : await readKeyPair(stateDir, 'serving');
  const servingProblem = keptServing === undefined ? 'none was kept' : checkServingCertificate(keptServing, ca, names, now);
  let serving: KeyPairPem;
  if (keptServing !== undefined && servingProblem === undefined) {
    serving = keptServing;
  } else {
    serving = await generateServingCertificate(ca, names, now);
    if (stateDir !== undefined) {
      await writeKeyPair(stateDir, 'serving', serving);
      notes.push(`generated a new serving certificate in ${join(stateDir, STATE_FILES.serving.certPem)}: ${servingProblem ?? 'none was kept'}`);
    }
  }
  return { material: { ca, serving }, notes };
}
