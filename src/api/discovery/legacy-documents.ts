import type { ResourceRegistry, ResourceType } from '../../cluster/index.js';

/**
 * The legacy discovery documents (apiserver pkg/endpoints/discovery): APIVersions at /api, APIGroupList at
 * /apis, APIGroup at /apis/<group>, APIResourceList at /api/v1 and /apis/<group>/<version>. All derived from
 * the registry, so discovery and routing cannot disagree.
 */

export interface GroupVersionForDiscovery {
  groupVersion: string;
  version: string;
}

export interface ApiGroup {
  name: string;
  versions: GroupVersionForDiscovery[];
  preferredVersion: GroupVersionForDiscovery;
}

export interface ApiResource {
  name: string;
  singularName: string;
  namespaced: boolean;
  group?: string;
  version?: string;
  kind: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
}

export function apiVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroup(registry: ResourceRegistry, group: string): ApiGroup {
  const versions = registry.versionsOf(group).map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions, preferredVersion: versions[0] as GroupVersionForDiscovery };
}

/** Groups in /apis order; no serverAddressByClientCIDRs on groups (kube-aggregator handler_apis.go). */
export function apiGroupList(registry: ResourceRegistry): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: registry.groups().map((group) => apiGroup(registry, group)) };
}

/** Resources sorted by name, each followed by its subresources (`pods`, `pods/attach`, ..., `pods/status`). */
export function apiResources(types: readonly ResourceType[]): ApiResource[] {
  const resources: ApiResource[] = [];
  for (const type of [...types].sort((a, b) => a.plural.localeCompare(b.plural))) {
    resources.push({
      name: type.plural,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: [...type.verbs].sort(),
      ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
      ...(type.categories.length > 0 ? { categories: type.categories } : {}),
      ...(type.storageVersionHash ? { storageVersionHash: type.storageVersionHash } : {}),
    });
    for (const sub of [...type.subresources].sort((a, b) => a.name.localeCompare(b.name))) {
      resources.push({
        name: `${type.plural}/${sub.name}`,
        singularName: '',
        namespaced: type.namespaced,
        ...(sub.group !== undefined ? { group: sub.group, version: sub.version ?? '' } : {}),
        kind: sub.kind,
        verbs: [...sub.verbs].sort(),
      });
    }
  }
  return resources;
}

/** The core list has no apiVersion, a quirk of the legacy handler that real responses show. */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): object {
  const groupVersion = group === '' ? version : `${group}/${version}`;
  const resources = apiResources(registry.inGroupVersion(group, version));
  return group === ''
    ? { kind: 'APIResourceList', groupVersion, resources }
    : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources };
}
