import type { KubeObject } from '../../cluster/index.js';

/**
 * meta.k8s.io PartialObjectMetadata: an object reduced to its metadata, as the API server answers a client that
 * asks `as=PartialObjectMetadata` (apiserver handlers/response.go asPartialObjectMetadata); client-go's
 * metadata informers watch and list this way.
 */
export function partialObjectMetadata(object: Readonly<KubeObject>, version: 'v1' | 'v1beta1'): KubeObject {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: object.metadata };
}

/** The head of a PartialObjectMetadataList, up to its items: `{"kind":...,"metadata":{...},"items":[`. */
export function partialObjectMetadataListHead(version: 'v1' | 'v1beta1', metadata: object): string {
  return `{"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/${version}","metadata":${JSON.stringify(metadata)},"items":[`;
}
