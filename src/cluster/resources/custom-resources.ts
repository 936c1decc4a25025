import type { KubeObject } from '../objects.js';
import { guessPlural } from './kind-names.js';
import type { CustomResourceColumn, FieldSelectorSpec, ResourceType, SubresourceType, Verb } from './resource-type.js';
import { storageVersionHash } from './storage-version-hash.js';

/**
 * Resources of custom kinds, as apiextensions-apiserver serves them (pkg/apiserver/customresource_discovery_controller.go
 * and customresource_handler.go): one per served version of a CustomResourceDefinition, all reading the objects
 * kept at the CRD's storage version; and resources for objects of kinds no definition describes.
 */

// The verbs of a custom resource, in the order its discovery lists them (customresource_discovery_controller.go).
const CUSTOM_RESOURCE_VERBS: Verb[] = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];
const GPU: Verb[] = ['get', 'patch', 'update'];

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
  subresources?: { status?: object; scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string } };
  additionalPrinterColumns?: CustomResourceColumn[];
  selectableFields?: { jsonPath: string }[];
}

interface CrdSpec {
  group: string;
  names: { plural: string; singular?: string; kind: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  scope: 'Namespaced' | 'Cluster';
  versions: CrdVersion[];
}

/** Reads a selectable field of a custom resource (`.spec.color` → its value, "" when missing). */
export type SelectableFieldReader = (object: Readonly<KubeObject>, jsonPath: string) => string;

/** Why a CustomResourceDefinition cannot define resources, or undefined when it can. */
export function crdProblem(crd: Readonly<KubeObject>): string | undefined {
  const spec = crd['spec'] as Partial<CrdSpec> | undefined;
  if (!spec || typeof spec.group !== 'string' || spec.group === '') return 'spec.group is required';
  if (!spec.names || typeof spec.names.plural !== 'string' || typeof spec.names.kind !== 'string') return 'spec.names.plural and spec.names.kind are required';
  if (!Array.isArray(spec.versions) || spec.versions.length === 0) return 'spec.versions must list at least one version';
  return undefined;
}

/** The resources a CustomResourceDefinition (apiextensions.k8s.io/v1) defines: one per served version. */
export function customResourceTypes(crd: Readonly<KubeObject>, readField: SelectableFieldReader): ResourceType[] {
  const spec = crd['spec'] as CrdSpec;
  const { group, names } = spec;
  const namespaced = spec.scope !== 'Cluster';
  const storage = spec.versions.find((v) => v.storage) ?? spec.versions[0];
  const storageVersion = storage?.name ?? '';
  const storageKey = `${group}/${names.plural}` as const;
  return spec.versions
    .filter((version) => version.served !== false)
    .map((version): ResourceType => {
      const atStorage = version.name === storageVersion;
      const subresources: SubresourceType[] = [];
      if (version.subresources?.scale) subresources.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: GPU });
      if (version.subresources?.status) subresources.push({ name: 'status', kind: names.kind, verbs: GPU });
      const warning = version.deprecated ? (version.deprecationWarning ?? `${group}/${version.name} ${names.kind} is deprecated`) : undefined;
      return {
        group,
        version: version.name,
        kind: names.kind,
        listKind: names.listKind ?? `${names.kind}List`,
        plural: names.plural,
        singular: names.singular ?? names.kind.toLowerCase(),
        namespaced,
        verbs: CUSTOM_RESOURCE_VERBS,
        shortNames: names.shortNames ?? [],
        categories: names.categories ?? [],
        subresources,
        fieldSelector: customResourceFields(namespaced, version.selectableFields ?? [], readField),
        storage: 'stored',
        origin: 'crd',
        storageVersionHash: storageVersionHash(group, storageVersion, names.kind),
        ...(warning ? { deprecationWarning: warning } : {}),
        ...(atStorage
          ? {}
          : {
              storedAs: storageKey,
              fromStorage: (object) => withApiVersion(object, `${group}/${version.name}`),
              toStorage: (object) => withApiVersion(object, `${group}/${storageVersion}`),
            }),
        custom: {
          crd: crd.metadata.name,
          storageVersion,
          ...(version.additionalPrinterColumns ? { columns: version.additionalPrinterColumns } : {}),
          ...(version.schema?.openAPIV3Schema ? { schema: version.schema.openAPIV3Schema } : {}),
          ...(version.subresources?.scale ? { scale: version.subresources.scale } : {}),
        },
      };
    });
}

/**
 * A resource for objects whose kind nothing defines (a capture that holds custom resources but not their CRD):
 * named as a REST mapper would guess it, served with a custom resource's default columns (Name, Age), described as
 * the least CRD that could have defined it would describe it.
 */
export function derivedResourceType(group: string, version: string, kind: string, namespaced: boolean, readField: SelectableFieldReader): ResourceType {
  const plural = guessPlural(kind);
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    verbs: CUSTOM_RESOURCE_VERBS,
    shortNames: [],
    categories: [],
    subresources: [],
    fieldSelector: customResourceFields(namespaced, [], readField),
    storage: 'stored',
    origin: 'derived',
    storageVersionHash: storageVersionHash(group, version, kind),
    // The least a CRD of apiextensions.k8s.io/v1 must say of its objects: they are objects, any fields kept.
    custom: { crd: `${plural}.${group}`, storageVersion: version, schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
  };
}

/**
 * Field selectors of a custom resource (apiextensions pkg/registry/customresource/strategy.go): metadata.name,
 * metadata.namespace when namespaced, and each `selectableFields` path without its leading dot.
 */
function customResourceFields(namespaced: boolean, selectable: readonly { jsonPath: string }[], readField: SelectableFieldReader): FieldSelectorSpec {
  const paths = selectable.map((f) => f.jsonPath);
  return {
    keys: [...(namespaced ? ['metadata.name', 'metadata.namespace'] : ['metadata.name']), ...paths.map((p) => p.replace(/^\./, ''))],
    style: 'converter',
    fields: (object) => {
      const fields: Record<string, string> = { 'metadata.name': object.metadata.name };
      if (namespaced) fields['metadata.namespace'] = object.metadata.namespace ?? '';
      for (const path of paths) fields[path.replace(/^\./, '')] = readField(object, path);
      return fields;
    },
  };
}

function withApiVersion(object: Readonly<KubeObject>, apiVersion: string): KubeObject {
  return { ...object, apiVersion };
}
