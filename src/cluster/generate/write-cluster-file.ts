import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { type GeneratedClusterSummary, generateCluster } from './generate-cluster.js';
import type { GenerateOptions } from './generate-options.js';
import { writeList } from './write-list.js';

/**
 * Generates a cluster into `file` (through a temporary file renamed at the end, so an interrupted run never leaves
 * a half-written cluster behind to be mistaken for a whole one), or onto `out` when no file is given.
 */
export async function writeGeneratedCluster(options: GenerateOptions, target: { file: string } | { out: Writable }): Promise<GeneratedClusterSummary> {
  const cluster = generateCluster(options);
  if ('out' in target) {
    await writeList(cluster.objects, target.out);
    return cluster.summary();
  }
  const partial = `${target.file}.partial-${process.pid}`;
  const out = createWriteStream(partial);
  try {
    await writeList(cluster.objects, out);
    out.end();
    await finished(out);
    await rename(partial, target.file);
  } catch (error: unknown) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return cluster.summary();
}
