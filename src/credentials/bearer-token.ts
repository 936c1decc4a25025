import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file in the state dir that keeps the generated token, beside the CA (`curl -H "Authorization: Bearer $(cat .state/token)"`). */
export const TOKEN_FILE = 'token';

/**
 * What a bearer token may hold: visible ASCII without spaces. The API server splits `Authorization` on spaces
 * (apiserver pkg/authentication/request/bearertoken/bearertoken.go), so a token with one could never match.
 */
const TOKEN_TEXT = /^[\x21-\x7e]+$/;

export function isValidToken(token: string): boolean {
  return TOKEN_TEXT.test(token);
}

export interface BearerTokenResult {
  token: string;
  /** Where it came from: given (`--token`), kept in the state dir, or made for this server only. */
  source: 'given' | 'state-dir' | 'memory';
  /** What was generated, for the log. */
  notes: string[];
}

/** 32 random bytes, base64url: as strong as a service account's signing key, and safe in a header and a YAML scalar. */
function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The token that names the kubeconfig's user: the given one; else the one kept in the state dir, generated
 * there at first start (so kubeconfigs written earlier keep working, as the kept CA does); else, without a
 * state dir, one made in memory for this server.
 */
export async function bearerTokenFor(options: { token?: string; stateDir?: string }): Promise<BearerTokenResult> {
  if (options.token !== undefined) {
    if (!isValidToken(options.token)) throw new Error('the token must be visible ASCII characters without spaces');
    return { token: options.token, source: 'given', notes: [] };
  }
  if (options.stateDir === undefined) return { token: generateToken(), source: 'memory', notes: [] };
  const file = join(options.stateDir, TOKEN_FILE);
  const kept = await readKeptToken(file);
  if (kept !== undefined && isValidToken(kept)) return { token: kept, source: 'state-dir', notes: [] };
  const token = generateToken();
  await mkdir(options.stateDir, { recursive: true });
  // Written aside and renamed into place, owner-only, like the CA's key.
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${token}\n`, { mode: 0o600 });
  await rename(temporary, file);
  const why = kept === undefined ? 'none was kept' : 'the kept one was not a token';
  return { token, source: 'state-dir', notes: [`generated a new bearer token in ${file}: ${why}`] };
}

async function readKeptToken(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error: unknown) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}
