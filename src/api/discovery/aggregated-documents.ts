import type { ResourceRegistry, ResourceType } from '../../cluster/index.js';

/**
 * Aggregated discovery, apidiscovery.k8s.io v2 and v2beta1 (api apidiscovery/v2/types.go, identical fields in
 * v2beta1): every group, version and resource in one document, so a client needs two requests instead of one per
 * group version. Key order follows the Go structs.
 */
export type DiscoveryVersion = 'v2' | 'v2beta1';

/** A Go byte-wise string order, as sort.Strings gives; localeCompare would not. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `responseKind` leaves group and version empty unless the kind lives in another group version (`Scale`). */
function resourceDiscovery(type: ResourceType): object {
  const subresources = [...type.subresources]
    .sort((a, b) => byteOrder(a.name, b.name))
    .map((sub) => ({
      subresource: sub.name,
      responseKind: { group: sub.group ?? '', version: sub.version ?? '', kind: sub.kind },
      verbs: [...sub.verbs],
    }));
  return {
    resource: type.plural,
    responseKind: { group: '', version: '', kind: type.kind },
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: [...type.verbs],
    ...(type.shortNames.length > 0 ? { shortNames: [...type.shortNames] } : {}),
    ...(type.categories.length > 0 ? { categories: [...type.categories] } : {}),
    ...(subresources.length > 0 ? { subresources } : {}),
  };
}

/** One APIGroupDiscovery; the core group's metadata has no name. `creationTimestamp: null` as servers ≤1.33 write it. */
function groupDiscovery(registry: ResourceRegistry, group: string): object {
  return {
    metadata: group === '' ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
    versions: registry.versionsOf(group).map((version) => ({
      version,
      resources: [...registry.inGroupVersion(group, version)].sort((a, b) => byteOrder(a.plural, b.plural)).map(resourceDiscovery),
      freshness: 'Current',
    })),
  };
}

/** The list without its TypeMeta: what upstream hashes for the ETag, so v2 and v2beta1 share one (aggregated/handler.go). */
export function aggregatedItems(registry: ResourceRegistry, root: 'api' | 'apis'): { metadata: object; items: object[] } {
  const groups = root === 'api' ? [''] : registry.groups();
  return { metadata: {}, items: groups.map((group) => groupDiscovery(registry, group)) };
}

/** `/api` (the core group only) or `/apis` (every named group, in /apis order). */
export function aggregatedDiscovery(items: { metadata: object; items: object[] }, version: DiscoveryVersion): object {
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, ...items };
}

export function aggregatedContentType(version: DiscoveryVersion): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}
