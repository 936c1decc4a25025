import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CeilingManifest } from './ceiling-server.js';
import { type Child, startChild, waitForOutput } from './child-process.js';

export interface RunningCeiling {
  child: Child;
  host: string;
  port: number;
}

/** Starts the ceiling (dist/bench/ceiling-server.js) on the captured answers; resolves once it listens. */
export async function startCeiling(benchDir: string, workDir: string, manifest: CeilingManifest, name: string): Promise<RunningCeiling> {
  const manifestFile = join(workDir, `${name}.manifest.json`);
  writeFileSync(manifestFile, JSON.stringify(manifest));
  const child = startChild(process.execPath, ['--max-old-space-size=16384', join(benchDir, 'ceiling-server.js'), manifestFile]);
  const match = await waitForOutput(child, /listening (\d+)/, 120_000);
  return { child, host: '127.0.0.1', port: Number(match[1]) };
}
