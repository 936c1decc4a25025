/**
 * A Troubleshoot support bundle as `kubectl support-bundle` writes it (replicatedhq/troubleshoot, 2026):
 * pkg/collect/cluster_resources.go saves what client-go lists, file names from pkg/constants/constants.go;
 * pkg/collect/result.go ArchiveBundle packs regular files and symlinks, no folder entries, under one
 * `support-bundle-<2006-01-02T15_04_05>/` folder. Written here from the lists kubectl printed for the same calls.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { create } from 'tar';
import type { CapturedItem, CapturedList } from './kubectl-captures.js';
import type { ServedResource } from './served-resources.js';

/** Namespaced resources the collector lists namespace by namespace: `cluster-resources/<folder>/<namespace>.json`. */
export const SUPPORT_BUNDLE_NAMESPACED: Readonly<Record<string, string>> = {
  pods: 'pods',
  'poddisruptionbudgets.policy': 'pod-disruption-budgets',
  services: 'services',
  'deployments.apps': 'deployments',
  'statefulsets.apps': 'statefulsets',
  'daemonsets.apps': 'daemonsets',
  'replicasets.apps': 'replicasets',
  'jobs.batch': 'jobs',
  'cronjobs.batch': 'cronjobs',
  'ingresses.networking.k8s.io': 'ingress',
  'networkpolicies.networking.k8s.io': 'network-policy',
  resourcequotas: 'resource-quota',
  limitranges: 'limitranges',
  events: 'events',
  persistentvolumeclaims: 'pvcs',
  'roles.rbac.authorization.k8s.io': 'roles',
  'rolebindings.rbac.authorization.k8s.io': 'rolebindings',
  endpoints: 'endpoints',
  'endpointslices.discovery.k8s.io': 'endpointslices',
  serviceaccounts: 'serviceaccounts',
  'leases.coordination.k8s.io': 'leases',
  configmaps: 'configmaps',
};

/** Cluster-scoped resources the collector lists once: `cluster-resources/<file>`. */
export const SUPPORT_BUNDLE_CLUSTER_SCOPED: Readonly<Record<string, string>> = {
  namespaces: 'namespaces.json',
  nodes: 'nodes.json',
  'storageclasses.storage.k8s.io': 'storage-classes.json',
  'ingressclasses.networking.k8s.io': 'ingress-classes.json',
  'priorityclasses.scheduling.k8s.io': 'priorityclasses.json',
  'customresourcedefinitions.apiextensions.k8s.io': 'custom-resource-definitions.json',
  persistentvolumes: 'pvs.json',
  'clusterroles.rbac.authorization.k8s.io': 'clusterroles.json',
  'clusterrolebindings.rbac.authorization.k8s.io': 'clusterrolebindings.json',
  'volumeattachments.storage.k8s.io': 'volumeattachments.json',
  'certificatesigningrequests.certificates.k8s.io': 'certificatesigningrequests.json',
  'validatingwebhookconfigurations.admissionregistration.k8s.io': 'validating-webhook-configurations.json',
  'mutatingwebhookconfigurations.admissionregistration.k8s.io': 'mutating-webhook-configurations.json',
};

export interface SupportBundleInput {
  lists: ReadonlyMap<string, CapturedList>;
  resources: readonly ServedResource[];
  /** `serverVersion` of `kubectl version -o json`, for the cluster-info collector's file. */
  serverVersion: Record<string, unknown>;
  collectedAt: Date;
}

interface CustomResourceDefinition {
  metadata: { name: string };
  spec: { group: string; scope: string; names: { plural: string } };
}

const CRDS = 'customresourcedefinitions.apiextensions.k8s.io';

function crdsOf(lists: ReadonlyMap<string, CapturedList>): CustomResourceDefinition[] {
  return (lists.get(CRDS)?.items ?? []) as unknown as CustomResourceDefinition[];
}

/** What a bundle holds: the resources above, and the custom resources of every CRD that has some. */
export function supportBundleResources(lists: ReadonlyMap<string, CapturedList>): string[] {
  const custom = crdsOf(lists)
    .map((crd) => `${crd.spec.names.plural}.${crd.spec.group}`)
    .filter((name) => (lists.get(name)?.items.length ?? 0) > 0);
  return [...Object.keys(SUPPORT_BUNDLE_NAMESPACED), ...Object.keys(SUPPORT_BUNDLE_CLUSTER_SCOPED), ...custom].filter((name) => lists.has(name));
}

/** `json.MarshalIndent(list, "", "  ")` of the typed list client-go returns, its kind and version set. */
function typedList(resource: ServedResource, items: readonly CapturedItem[], list: CapturedList): string {
  const apiVersion = resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
  return JSON.stringify({ kind: `${resource.kind}List`, apiVersion, metadata: list.metadata, items }, null, 2);
}

/** Writes the bundle's files under `<dir>/support-bundle-<time>/` and packs them beside it; returns the archive. */
export async function writeSupportBundle(input: SupportBundleInput, dir: string): Promise<string> {
  const name = `support-bundle-${input.collectedAt.toISOString().slice(0, 19).replace(/:/g, '_')}`;
  const root = join(dir, name);
  const files: string[] = [];
  const save = async (path: string, text: string): Promise<void> => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
    files.push(join(name, path));
  };
  const link = async (path: string, target: string): Promise<void> => {
    await symlink(relative(dirname(join(root, path)), join(root, target)), join(root, path));
    files.push(join(name, path));
  };
  const byName = new Map(input.resources.map((r) => [r.name, r]));
  const namespaces = (input.lists.get('namespaces')?.items ?? []).map((ns) => ns.metadata.name);
  for (const [resourceName, folder] of Object.entries(SUPPORT_BUNDLE_NAMESPACED)) {
    const list = input.lists.get(resourceName);
    const resource = byName.get(resourceName);
    if (list === undefined || resource === undefined) continue;
    for (const ns of namespaces) {
      await save(
        `cluster-resources/${folder}/${ns}.json`,
        typedList(
          resource,
          list.items.filter((item) => item.metadata.namespace === ns),
          list,
        ),
      );
    }
  }
  for (const [resourceName, file] of Object.entries(SUPPORT_BUNDLE_CLUSTER_SCOPED)) {
    const list = input.lists.get(resourceName);
    const resource = byName.get(resourceName);
    if (list !== undefined && resource !== undefined) await save(`cluster-resources/${file}`, typedList(resource, list.items, list));
  }
  // Custom resources (storeCustomResource): a bare array of objects, and since #2117 a `.yaml` symlink to it.
  for (const crd of crdsOf(input.lists)) {
    const items = input.lists.get(`${crd.spec.names.plural}.${crd.spec.group}`)?.items ?? [];
    const groups =
      crd.spec.scope === 'Namespaced'
        ? namespaces.map((ns) => [`${crd.metadata.name}/${ns}`, items.filter((i) => i.metadata.namespace === ns)] as const)
        : [[crd.metadata.name, items] as const];
    for (const [path, objects] of groups) {
      if (objects.length === 0) continue;
      await save(`cluster-resources/custom-resources/${path}.json`, JSON.stringify(objects, null, 2));
      await link(`cluster-resources/custom-resources/${path}.yaml`, `cluster-resources/custom-resources/${path}.json`);
    }
  }
  // What other collectors and the collector's own bookkeeping write beside the objects.
  for (const ns of namespaces) {
    await save(
      `cluster-resources/auth-cani-list/${ns}.json`,
      JSON.stringify([{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], resourceNames: [], nonResourceURLs: [] }], null, 2),
    );
  }
  await save('cluster-info/cluster_version.json', JSON.stringify({ info: input.serverVersion, string: input.serverVersion.gitVersion }, null, 2));
  await save(
    'version.yaml',
    'apiVersion: troubleshoot.sh/v1beta2\nkind: SupportBundle\nmetadata:\n  creationTimestamp: null\nspec:\n  versionNumber: 0.123.9\n',
  );
  const archive = join(dir, `${name}.tar.gz`);
  await create({ gzip: true, file: archive, cwd: dir, portable: true }, files);
  return archive;
}
