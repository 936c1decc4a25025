import type { KubeObject } from '../objects.js';
import type { IndexFunction } from '../store/resource-table.js';

export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

export const ALL_VERBS: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/**
 * `group/plural`, with an empty group for core: "/pods", "apps/deployments". The store is keyed by it: every
 * version of a group's resource reads the same stored objects, kept at the storage version.
 */
export type ResourceKey = `${string}/${string}`;

export interface SubresourceType {
  name: string;
  kind: string;
  verbs: Verb[];
  /** Set only when the subresource's kind lives in another group/version (pods/eviction → policy/v1). */
  group?: string;
  version?: string;
}

/**
 * How field selectors behave on a resource (k/k pkg/apis/core/v1/conversion.go and registry strategies):
 * `fields` returns the selectable field set of an object; `style` decides the error text for unknown keys.
 */
export interface FieldSelectorSpec {
  /** Keys accepted in a selector. */
  keys: readonly string[];
  /** Legacy keys rewritten before matching (pods: spec.host → spec.nodeName). */
  aliases?: Readonly<Record<string, string>>;
  /**
   * The error for an unknown key: `converter` "field label not supported: k"; `default` "\"k\" is not a known
   * field selector: only ..."; `kind` "field label \"k\" not supported for <Kind>" (batch's conversion funcs).
   */
  style: 'converter' | 'default' | 'kind';
  /** The kind named by the `kind` style's message. */
  kind?: string;
  /** A function, not a method: a stored object reads it as one of its selections (`StoredObject.read`). */
  readonly fields: (object: Readonly<KubeObject>) => Record<string, string>;
}

export interface ResourceType {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  verbs: Verb[];
  shortNames: string[];
  categories: string[];
  storageVersionHash?: string;
  subresources: SubresourceType[];
  fieldSelector: FieldSelectorSpec;
  /** Text of the `Warning: 299` deprecation header sent on every request for this resource. */
  deprecationWarning?: string;
  /**
   * `stored`: objects live in the cluster store (list/get/watch read it).
   * `virtual`: computed on request (metrics, access reviews); not in the store, not watchable.
   */
  storage: 'stored' | 'virtual';
  /**
   * For a resource served in another group's form from the same stored objects (events.k8s.io/v1 Events are
   * stored as core/v1 Events): the resource that holds them, and how a stored object reads in this form.
   */
  storedAs?: ResourceKey;
  fromStorage?: (object: Readonly<KubeObject>) => KubeObject;
  /** How an object of this version is written to the store when kept at another version (autoscaling/v1 → v2). */
  toStorage?: (object: Readonly<KubeObject>) => KubeObject;
  /**
   * Served upstream by a REST registry that reads no storage (componentstatuses probe the components on each
   * request): its objects carry only a name, its lists no resourceVersion and no pages.
   */
  unversioned?: true;
  /**
   * Secondary indexes of the stored objects, by selectable field (`fieldIndex` reads it as the field set does): a
   * list selecting one value reads only its keys. The store also finds every resource's objects by label and name.
   */
  indexes?: Readonly<Record<string, IndexFunction>>;
  /** Set for a resource a CustomResourceDefinition defines: what its CRD says of this version. */
  custom?: CustomResourceVersion;
  /**
   * How the resource came to be served: `builtin` (a default v1.33 server's), `crd` (a CustomResourceDefinition
   * of the cluster), `derived` (objects of a kind nobody defined, served from what their kind says).
   */
  origin: 'builtin' | 'crd' | 'derived';
}

/** A printer column of a CRD version (apiextensions/v1 CustomResourceColumnDefinition). */
export interface CustomResourceColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

export interface CustomResourceVersion {
  /** The CRD's name: `<plural>.<group>`. */
  crd: string;
  /** `additionalPrinterColumns` of this version; undefined when the CRD declares none. */
  columns?: CustomResourceColumn[];
  /** `schema.openAPIV3Schema` of this version, when the CRD has one. */
  schema?: Record<string, unknown>;
  /** The version objects are stored at (the CRD's `storage: true` version). */
  storageVersion: string;
  /** `subresources.scale` of this version, for the scale subresource's Table. */
  scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
}

export function resourceKey(group: string, plural: string): ResourceKey {
  return `${group}/${plural}`;
}

export function keyOf(type: Pick<ResourceType, 'group' | 'plural'>): ResourceKey {
  return resourceKey(type.group, type.plural);
}

/** Where a resource's objects are kept in the store. */
export function storageKeyOf(type: Pick<ResourceType, 'group' | 'plural' | 'storedAs'>): ResourceKey {
  return type.storedAs ?? keyOf(type);
}

export function groupVersion(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}
