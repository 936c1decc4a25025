import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a kubeconfig, creating its directory. Owner-only like the files kubectl itself writes
 * (clientcmd WriteToFile uses 0600), though this one holds no secret: it is a habit worth keeping.
 */
export async function writeKubeconfig(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content, { mode: 0o600 });
}
