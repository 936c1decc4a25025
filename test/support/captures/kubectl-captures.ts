/**
 * The captures kubectl makes by itself: everything in one `-o yaml` file, one `-o json` file per resource in a
 * tree of folders, and `kubectl cluster-info dump`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Kubectl, type ServedResource, succeeded } from './served-resources.js';

/** An object as kubectl printed it. */
export interface CapturedItem {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; [field: string]: unknown };
  [field: string]: unknown;
}

/** What `kubectl get <resource> -A -o json` prints: a `v1 List`. */
export interface CapturedList {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown>;
  items: CapturedItem[];
}

/** `kubectl get <every resource> -A -o yaml > cluster.yaml`: one v1 List. */
export async function captureOneYamlFile(kubectl: Kubectl, resources: readonly ServedResource[], dir: string): Promise<string> {
  const args = ['get', resources.map((r) => r.name).join(','), '-A', '-o', 'yaml'];
  const file = join(dir, 'cluster.yaml');
  await mkdir(dir, { recursive: true });
  await writeFile(file, succeeded(args, await kubectl(args)));
  return file;
}

/**
 * `kubectl get <resource> -A -o json > <group>/<resource>.json` for each resource (`core` for the core group), as
 * a script looping over `kubectl api-resources` would. Returns the lists too: the support bundle and the
 * must-gather are written from them, as their tools write what the same API calls return.
 */
export async function captureJsonTree(kubectl: Kubectl, resources: readonly ServedResource[], dir: string): Promise<Map<string, CapturedList>> {
  const lists = new Map<string, CapturedList>();
  await Promise.all(
    resources.map(async (resource) => {
      const args = ['get', resource.name, '-A', '-o', 'json'];
      const text = succeeded(args, await kubectl(args));
      const folder = join(dir, resource.group === '' ? 'core' : resource.group);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, `${resource.plural}.json`), text);
      lists.set(resource.name, JSON.parse(text) as CapturedList);
    }),
  );
  return lists;
}

/**
 * What `kubectl cluster-info dump` holds (kubernetes/kubectl pkg/cmd/clusterinfo/clusterinfo_dump.go): the nodes,
 * and per namespace its events, replication controllers, services, daemon sets, deployments, replica sets and
 * pods, with the pods' logs.
 */
export const CLUSTER_INFO_DUMP_RESOURCES = [
  'nodes',
  'events',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'pods',
] as const;

/** `kubectl cluster-info dump --all-namespaces --output-directory <dir>`. */
export async function captureClusterInfoDump(kubectl: Kubectl, dir: string): Promise<string> {
  const args = ['cluster-info', 'dump', '--all-namespaces', '--output-directory', dir];
  succeeded(args, await kubectl(args));
  return dir;
}
