import type { V1StorageClass } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** storageclasses.storage.k8s.io, as k/k pkg/printers/internalversion/printers.go printStorageClass prints them. */

type StorageClass = Wire<V1StorageClass> & KubeObject;

const PROVISIONER = 'provisioner indicates the type of the provisioner.';
const RECLAIM_POLICY = 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.';
const VOLUME_BINDING_MODE =
  'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.';
const ALLOW_VOLUME_EXPANSION = 'allowVolumeExpansion shows whether the storage class allow volume expand.';

/** The GA annotation and its beta predecessor; either, set to exactly "true", marks the default class. */
const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** k/k pkg/apis/storage/util/helpers.go IsDefaultAnnotation. */
function isDefaultClass(storageClass: StorageClass): boolean {
  const annotations = storageClass.metadata.annotations ?? {};
  return DEFAULT_CLASS_ANNOTATIONS.some((key) => annotations[key] === 'true');
}

export const storageClassPrinter: Printer = {
  // AllowVolumeExpansion is declared a string column but its cell is a boolean, as upstream.
  columns: [
    nameColumn,
    text('Provisioner', PROVISIONER),
    text('ReclaimPolicy', RECLAIM_POLICY),
    text('VolumeBindingMode', VOLUME_BINDING_MODE),
    text('AllowVolumeExpansion', ALLOW_VOLUME_EXPANSION),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const storageClass = object as StorageClass;
    const name = isDefaultClass(storageClass) ? `${storageClass.metadata.name} (default)` : storageClass.metadata.name;
    return [
      name,
      storageClass.provisioner ?? '',
      storageClass.reclaimPolicy ?? 'Delete',
      storageClass.volumeBindingMode ?? 'Immediate',
      storageClass.allowVolumeExpansion ?? false,
      translateTimestampSince(storageClass.metadata.creationTimestamp, now),
    ];
  },
};
