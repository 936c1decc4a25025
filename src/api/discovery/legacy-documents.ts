import { groupVersion, type ResourceRegistry, type ResourceType } from '../../cluster/index.js';

/**
 * The legacy discovery documents (apimachinery pkg/apis/meta/v1/types.go APIVersions, APIGroupList, APIGroup,
 * APIResourceList), built from the registry. Key order follows the Go structs, so bodies read like a real
 * server's. Core documents carry no apiVersion: apiserver pkg/endpoints/discovery/util.go strips it for ""
 * (stripVersionEncoder, kept for compatibility with release 1.1).
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

/** `/api`: the one legacy version, and where clients reach the server (discovery/legacy.go). */
export function apiVersions(registry: ResourceRegistry, serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: registry.versionsOf(''),
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** A group's versions in order of preference; the first is preferred. */
export function apiGroup(registry: ResourceRegistry, name: string): ApiGroup {
  const versions = registry.versionsOf(name).map((version) => ({ groupVersion: `${name}/${version}`, version }));
  const preferred = versions[0] ?? { groupVersion: name, version: '' };
  return { name, versions, preferredVersion: preferred };
}

/** `/apis` (kube-aggregator pkg/apiserver/handler_apis.go: groups in priority order, no server addresses). */
export function apiGroupList(registry: ResourceRegistry): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: registry.groups().map((name) => apiGroup(registry, name)) };
}

/** `/apis/<group>`. */
export function apiGroupDocument(registry: ResourceRegistry, name: string): object {
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(registry, name) };
}

const nonEmpty = <T>(list: readonly T[]): T[] | undefined => (list.length > 0 ? [...list] : undefined);
const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A resource and, right after it, its subresources (`pods`, `pods/attach`, … `pods/status`). */
export function apiResources(type: ResourceType): ApiResource[] {
  const resource: ApiResource = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: [...type.verbs],
  };
  const shortNames = nonEmpty(type.shortNames);
  const categories = nonEmpty(type.categories);
  if (shortNames) resource.shortNames = shortNames;
  if (categories) resource.categories = categories;
  if (type.storageVersionHash) resource.storageVersionHash = type.storageVersionHash;
  const subresources = [...type.subresources].sort(byName).map((sub): ApiResource => ({
    name: `${type.plural}/${sub.name}`,
    // Subresource storages implement no SingularNameProvider: the field is present and empty.
    singularName: '',
    namespaced: type.namespaced,
    ...(sub.group !== undefined ? { group: sub.group } : {}),
    ...(sub.version !== undefined ? { version: sub.version } : {}),
    kind: sub.kind,
    verbs: [...sub.verbs],
  }));
  return [resource, ...subresources];
}

/** `/api/v1`, `/apis/<g>/<v>`: resources sorted by name (the installer sorts its paths). */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): object {
  const types = [...registry.inGroupVersion(group, version)].sort((a, b) => byName({ name: a.plural }, { name: b.plural }));
  const resources = types.flatMap(apiResources);
  const gv = groupVersion({ group, version });
  return group === '' ? { kind: 'APIResourceList', groupVersion: gv, resources } : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources };
}
