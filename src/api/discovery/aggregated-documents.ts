import type { ResourceRegistry, ResourceType } from '../../cluster/index.js';

/**
 * Aggregated discovery, apidiscovery.k8s.io v2 and v2beta1 (api apidiscovery/v2/types.go): every group,
 * version and resource in one document, so kubectl needs two requests instead of one per group version.
 */
export type DiscoveryVersion = 'v2' | 'v2beta1';

function resourceDiscovery(type: ResourceType): object {
  return {
    resource: type.plural,
    responseKind: { group: '', version: '', kind: type.kind },
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: [...type.verbs].sort(),
    ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
    ...(type.categories.length > 0 ? { categories: type.categories } : {}),
    ...(type.subresources.length > 0
      ? {
          subresources: [...type.subresources]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((sub) => ({
              subresource: sub.name,
              responseKind: { group: sub.group ?? '', version: sub.version ?? '', kind: sub.kind },
              verbs: [...sub.verbs].sort(),
            })),
        }
      : {}),
  };
}

function groupDiscovery(registry: ResourceRegistry, group: string, versions: string[]): object {
  return {
    metadata: group === '' ? { creationTimestamp: null } : { name: group, creationTimestamp: null },
    versions: versions.map((version) => ({
      version,
      resources: [...registry.inGroupVersion(group, version)].sort((a, b) => a.plural.localeCompare(b.plural)).map(resourceDiscovery),
      freshness: 'Current',
    })),
  };
}

/** `/api` (legacy: the core group only) or `/apis` (every named group, in /apis order). */
export function aggregatedDiscovery(registry: ResourceRegistry, root: 'api' | 'apis', version: DiscoveryVersion): object {
  const items =
    root === 'api'
      ? [groupDiscovery(registry, '', ['v1'])]
      : registry.groups().map((group) => groupDiscovery(registry, group, registry.versionsOf(group)));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}
