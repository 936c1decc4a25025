import { BUILTIN_RESOURCES } from './builtin-resources.js';
import { groupPriority, sortVersions } from './group-priority.js';
import { groupVersion, keyOf, type ResourceKey, type ResourceType, storageKeyOf } from './resource-type.js';

/** `group/version/plural`: one served resource. */
type ServedKey = `${string}/${string}/${string}`;

const servedKey = (group: string, version: string, plural: string): ServedKey => `${group}/${version}/${plural}`;

/**
 * The resources a cluster serves, by group, version and resource: the one source from which routing, discovery,
 * OpenAPI, printing and the loader derive. It starts with the built-in resources of a default v1.33 server;
 * a cluster's CustomResourceDefinitions (and kinds nobody defined) add theirs through `register`, the same path.
 */
export class ResourceRegistry {
  private readonly byKey = new Map<ServedKey, ResourceType>();
  private readonly byKind = new Map<string, ResourceType>();
  private readonly all: ResourceType[] = [];

  constructor(types: readonly ResourceType[] = BUILTIN_RESOURCES) {
    for (const type of types) this.register(type);
  }

  /** Every served resource, in registration order. */
  get types(): readonly ResourceType[] {
    return this.all;
  }

  /** Adds a served resource; a resource already served at that group, version and name is replaced. */
  register(type: ResourceType): void {
    const key = servedKey(type.group, type.version, type.plural);
    const earlier = this.byKey.get(key);
    if (earlier) this.all.splice(this.all.indexOf(earlier), 1);
    this.byKey.set(key, type);
    this.all.push(type);
    const kindKey = `${groupVersion(type)}\u0000${type.kind}`;
    // A kind is served by one resource per version; subresource-only kinds never reach here.
    if (!this.byKind.has(kindKey) || earlier === this.byKind.get(kindKey)) this.byKind.set(kindKey, type);
  }

  /** The resource served at /api/v1/<plural> or /apis/<group>/<version>/<plural>. */
  find(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byKey.get(servedKey(group, version, plural));
  }

  /** The resource that serves objects of this apiVersion and kind. */
  forKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.byKind.get(`${apiVersion}\u0000${kind}`);
  }

  /** A stored resource by its store key, at its storage version. */
  get(key: ResourceKey): ResourceType | undefined {
    return this.all.find((t) => keyOf(t) === key && t.storedAs === undefined && t.fromStorage === undefined);
  }

  /** The store keys of every stored resource, each once. */
  storedResources(): ResourceKey[] {
    return [...new Set(this.all.filter((t) => t.storage === 'stored').map(storageKeyOf))];
  }

  /** Named groups in discovery order: by priority, ties by name. */
  groups(): string[] {
    const names = [...new Set(this.all.filter((t) => t.group !== '').map((t) => t.group))];
    return names.sort((a, b) => groupPriority(b) - groupPriority(a) || (a < b ? -1 : a > b ? 1 : 0));
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all.filter((t) => t.group === group && t.version === version);
  }

  /** A group's versions, preferred first. */
  versionsOf(group: string): string[] {
    return sortVersions(group, new Set(this.all.filter((t) => t.group === group).map((t) => t.version)));
  }

  /** A fresh registry holding the same resources, for a cluster to add its own to. */
  copy(): ResourceRegistry {
    return new ResourceRegistry(this.all);
  }
}

/** The built-in resources alone. */
export const registry = new ResourceRegistry();
export const RESOURCE_TYPES = BUILTIN_RESOURCES;
