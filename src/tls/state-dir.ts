import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyPairPem } from './key-material.js';

/** File names in the state dir: the conventional ones, so `curl --cacert .state/ca.crt` just works. */
export const STATE_FILES = {
  ca: { certPem: 'ca.crt', keyPem: 'ca.key' },
  serving: { certPem: 'serving.crt', keyPem: 'serving.key' },
} as const;

export type StateEntry = keyof typeof STATE_FILES;

/** Reads a kept certificate and key, or `undefined` if either file is missing. */
export async function readKeyPair(stateDir: string, entry: StateEntry): Promise<KeyPairPem | undefined> {
  const files = STATE_FILES[entry];
  try {
    const [certPem, keyPem] = await Promise.all([readFile(join(stateDir, files.certPem), 'utf8'), readFile(join(stateDir, files.keyPem), 'utf8')]);
    return { certPem, keyPem };
  } catch (error: unknown) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
}

/**
 * Keeps a certificate and key. Each file is written aside and renamed into place, so a reader (another server
 * starting from the same state dir) never sees half a PEM; the key is readable by its owner only.
 */
export async function writeKeyPair(stateDir: string, entry: StateEntry, pair: KeyPairPem): Promise<void> {
  const files = STATE_FILES[entry];
  await mkdir(stateDir, { recursive: true });
  await writeAtomically(join(stateDir, files.keyPem), pair.keyPem, 0o600);
  await writeAtomically(join(stateDir, files.certPem), pair.certPem, 0o644);
}

async function writeAtomically(file: string, content: string, mode: number): Promise<void> {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, file);
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}
