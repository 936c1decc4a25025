/**
 * The resources a server lists, as `kubectl api-resources --verbs=list -o wide` prints them: what a capture tool
 * asks discovery for before it fetches anything.
 */
import type { KubectlResult } from '../kubectl.js';

export interface ServedResource {
  /** As `kubectl api-resources -o name` prints it and `kubectl get` takes it: `deployments.apps`, `pods`. */
  name: string;
  /** The plural alone: `deployments`. */
  plural: string;
  /** `apps`; `''` for the core group. */
  group: string;
  /** The preferred version kubectl reads it at: `v1`. */
  version: string;
  kind: string;
  namespaced: boolean;
}

/** A kubectl command against the server being captured. */
export type Kubectl = (args: readonly string[]) => Promise<KubectlResult>;

/** The output of a successful command; anything else is an error naming the command and what it printed. */
export function succeeded(args: readonly string[], result: KubectlResult): string {
  if (result.exitCode !== 0) {
    throw new Error(`kubectl ${args.join(' ')} exited ${String(result.exitCode)}\nstdout:\n${result.stdout.slice(0, 2000)}\nstderr:\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * The cells of a kubectl table, cut at the offsets of its header's columns: kubectl pads every column to the
 * same width, and a cell may be empty (SHORTNAMES), so splitting on spaces would shift the cells after it.
 */
export function tableRows(text: string): Record<string, string>[] {
  const [header, ...rows] = text.split('\n').filter((line) => line !== '');
  if (header === undefined) return [];
  const columns = [...header.matchAll(/\S+/g)].map((match) => ({ name: match[0], start: match.index }));
  return rows.map((row) => Object.fromEntries(columns.map((column, i) => [column.name, row.slice(column.start, columns[i + 1]?.start ?? row.length).trim()])));
}

export async function listableResources(kubectl: Kubectl): Promise<ServedResource[]> {
  const args = ['api-resources', '--verbs=list', '-o', 'wide'];
  return tableRows(succeeded(args, await kubectl(args))).map((row) => {
    const apiVersion = row.APIVERSION ?? '';
    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const plural = row.NAME ?? '';
    return {
      name: group === '' ? plural : `${plural}.${group}`,
      plural,
      group,
      version: apiVersion.slice(slash + 1),
      kind: row.KIND ?? '',
      namespaced: row.NAMESPACED === 'true',
    };
  });
}
