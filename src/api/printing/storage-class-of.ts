/**
 * The StorageClass of a volume or claim as the storage printers show it (k/k pkg/apis/core/helper/helpers.go
 * GetPersistentVolumeClass, GetPersistentVolumeClaimClass): the pre-field beta annotation wins whenever it is
 * present, even empty, over spec.storageClassName; neither gives "".
 */

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

export function storageClassOf(annotations: Record<string, string> | undefined, storageClassName: string | undefined | null): string {
  if (annotations && Object.hasOwn(annotations, BETA_STORAGE_CLASS_ANNOTATION)) return annotations[BETA_STORAGE_CLASS_ANNOTATION] ?? '';
  return storageClassName ?? '';
}
