import type { KubeObject } from '../../objects.js';
import { defaultField, ensureFields, isEmpty, retyped, type Fields } from './json-fields.js';

/**
 * storage.k8s.io/v1beta1 StorageClass, CSIDriver, CSINode, VolumeAttachment, CSIStorageCapacity →
 * storage.k8s.io/v1: the same fields. v1beta1 defaults (k/k pkg/apis/storage/v1beta1/defaults.go) equal v1's.
 */
function defaultStorageClass(object: Fields): void {
  defaultField(object, 'reclaimPolicy', 'Delete');
  defaultField(object, 'volumeBindingMode', 'Immediate');
}

/**
 * CSIDriver defaults; those that upstream gates on a feature use the gate's 1.33 default
 * (CSIStorageCapacity, CSIInlineVolume GA; SELinuxMountReadWriteOncePod beta, on).
 */
function defaultCsiDriver(object: Fields): void {
  const spec = ensureFields(object, 'spec');
  defaultField(spec, 'attachRequired', true);
  defaultField(spec, 'podInfoOnMount', false);
  defaultField(spec, 'storageCapacity', false);
  defaultField(spec, 'fsGroupPolicy', 'ReadWriteOnceWithFSType');
  defaultField(spec, 'requiresRepublish', false);
  if (isEmpty(spec['volumeLifecycleModes'])) spec['volumeLifecycleModes'] = ['Persistent'];
  defaultField(spec, 'seLinuxMount', false);
}

const DEFAULTS: Readonly<Record<string, (object: Fields) => void>> = {
  StorageClass: defaultStorageClass,
  CSIDriver: defaultCsiDriver,
};

export const STORAGE_KINDS = ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'CSIStorageCapacity'] as const;

export function storageToV1(object: Fields): KubeObject {
  const kind = String(object['kind']);
  DEFAULTS[kind]?.(object);
  return retyped(object, 'storage.k8s.io/v1', kind);
}
