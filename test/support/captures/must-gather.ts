/**
 * An OpenShift must-gather as `oc adm must-gather` leaves it: `must-gather.local.<n>/<image>/`, where the image's
 * gather scripts ran `oc adm inspect` (openshift/oc pkg/cli/admin/inspect): for each namespace (namespace.go) its
 * Namespace, the lists of the resources `namespaceResourcesToCollect` names and each pod again on its own; and
 * cluster-scoped lists. Paths from util.go `dirPathForInfo`/`filenameForInfo` (`core` for the core group),
 * secrets elided by secret.go `elideSecret`, YAML as the printer writes it (keys sorted). Written here from the
 * lists kubectl printed for the same calls.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import type { CapturedItem, CapturedList } from './kubectl-captures.js';
import type { ServedResource } from './served-resources.js';

/**
 * `namespaceResourcesToCollect`: the `all` category and these. Kinds a cluster does not serve (OpenShift's
 * egressfirewalls, servicemonitors...) are skipped, as inspect skips them.
 */
export const MUST_GATHER_NAMESPACED = [
  'configmaps',
  'events',
  'endpoints',
  'endpointslices.discovery.k8s.io',
  'networkpolicies.networking.k8s.io',
  'persistentvolumeclaims',
  'poddisruptionbudgets.policy',
  'secrets',
  'ingresses.networking.k8s.io',
] as const;

/** Secret keys inspect keeps, for they hold certificates (secret.go `publicSecretKeys`). */
const PUBLIC_SECRET_KEYS = new Set(['tls.crt', 'ca.crt', 'service-ca.crt']);

export interface MustGatherInput {
  lists: ReadonlyMap<string, CapturedList>;
  resources: readonly ServedResource[];
  /** The resources of the `all` category, as `kubectl api-resources --categories=all -o name` lists them. */
  categoryAll: readonly string[];
  gatheredAt: Date;
}

/** What the must-gather holds: every namespace's collected resources and every cluster-scoped resource. */
export function mustGatherResources(input: Pick<MustGatherInput, 'resources' | 'categoryAll'>): string[] {
  const namespaced = new Set<string>([...input.categoryAll, ...MUST_GATHER_NAMESPACED]);
  return input.resources.filter((r) => (r.namespaced ? namespaced.has(r.name) : true)).map((r) => r.name);
}

/** The Go YAML printer's layout: keys sorted, sequences not indented under their key, no folding. */
function goYaml(value: unknown): string {
  return yaml.dump(value, { sortKeys: true, noArrayIndent: true, lineWidth: -1, quotingType: '"', noRefs: true });
}

/** Each value replaced by its length, as `elideSecret` does (the YAML shows it base64-encoded, as any Secret data). */
function elided(secret: CapturedItem): CapturedItem {
  const data = secret.data as Record<string, string> | undefined;
  if (data === undefined) return secret;
  const kept = Object.entries(data).map(([key, value]) => {
    const length = Buffer.from(value, 'base64').length;
    return [key, PUBLIC_SECRET_KEYS.has(key) ? value : Buffer.from(`${length} bytes long`).toString('base64')];
  });
  return { ...secret, data: Object.fromEntries(kept) };
}

/** The list as inspect's printer writes it: the server's `<Kind>List`, its items with their kind. */
function listDocument(resource: ServedResource, items: readonly CapturedItem[], list: CapturedList): string {
  const apiVersion = resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
  const shown = resource.name === 'secrets' ? items.map(elided) : items;
  return goYaml({ apiVersion, items: shown, kind: `${resource.kind}List`, metadata: list.metadata });
}

/** Writes the must-gather under `<dir>/must-gather.local.<n>/`; returns that folder. */
export async function writeMustGather(input: MustGatherInput, dir: string): Promise<string> {
  const top = join(dir, `must-gather.local.${String(input.gatheredAt.getTime()).slice(-10)}`);
  const root = join(top, 'quay-io-openshift-release-dev-ocp-v4-0-art-dev-sha256-8d7c4a1e2f3b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d');
  const save = async (path: string, text: string): Promise<void> => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  };
  const held = new Set(mustGatherResources(input));
  const namespaces = input.lists.get('namespaces')?.items ?? [];
  for (const namespace of namespaces) {
    const ns = namespace.metadata.name;
    await save(`namespaces/${ns}/${ns}.yaml`, goYaml(namespace));
    for (const resource of input.resources) {
      const list = input.lists.get(resource.name);
      if (!resource.namespaced || !held.has(resource.name) || list === undefined) continue;
      const items = list.items.filter((item) => item.metadata.namespace === ns);
      await save(`namespaces/${ns}/${resource.group === '' ? 'core' : resource.group}/${resource.plural}.yaml`, listDocument(resource, items, list));
      if (resource.name !== 'pods') continue;
      for (const pod of items) await save(`namespaces/${ns}/pods/${pod.metadata.name}/${pod.metadata.name}.yaml`, goYaml(pod));
    }
  }
  for (const resource of input.resources) {
    const list = input.lists.get(resource.name);
    if (resource.namespaced || resource.name === 'namespaces' || list === undefined) continue;
    await save(`cluster-scoped-resources/${resource.group === '' ? 'core' : resource.group}/${resource.plural}.yaml`, listDocument(resource, list.items, list));
  }
  const stamp = `${input.gatheredAt.toISOString().replace('T', ' ').replace('Z', '')} +0000 UTC m=+0.061205981`;
  await save('timestamp', `${stamp}\n${stamp.replace('m=+0.061205981', 'm=+41.508342713')}\n`);
  await save('event-filter.html', '<!DOCTYPE html>\n<html><head><title>Events</title></head><body></body></html>\n');
  await writeFile(join(top, 'must-gather.logs'), '[must-gather      ] OUT Using must-gather plug-in image: quay.io/openshift-release-dev/ocp-v4.0-art-dev\n');
  await writeFile(join(top, 'timestamp'), `${stamp}\n`);
  return top;
}
