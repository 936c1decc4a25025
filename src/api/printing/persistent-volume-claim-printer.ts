import type { V1PersistentVolumeClaim } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { accessModesShortForm } from './access-modes.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import { quantityText } from '../../cluster/index.js';
import { storageClassOf } from './storage-class-of.js';
import type { Printer } from './types.js';

/**
 * persistentvolumeclaims, as k/k pkg/printers/internalversion/printers.go printPersistentVolumeClaim prints them.
 * Descriptions are the core/v1 swagger docs upstream quotes.
 */

type PersistentVolumeClaim = Wire<V1PersistentVolumeClaim> & KubeObject;

const PHASE = 'phase represents the current phase of PersistentVolumeClaim.';
const VOLUME_NAME = 'volumeName is the binding reference to the PersistentVolume backing this claim.';
const CAPACITY = 'capacity represents the actual resources of the underlying volume.';
const ACCESS_MODES =
  'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1';
const VOLUME_MODE = 'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.';

export const persistentVolumeClaimPrinter: Printer = {
  columns: [
    nameColumn,
    text('Status', PHASE),
    text('Volume', VOLUME_NAME),
    text('Capacity', CAPACITY),
    text('Access Modes', ACCESS_MODES),
    text('StorageClass', 'StorageClass of the pvc'),
    text('VolumeAttributesClass', 'VolumeAttributesClass of the pvc'),
    ageColumn,
    text('VolumeMode', VOLUME_MODE, { priority: 1 }),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const claim = object as PersistentVolumeClaim;
    const { spec, status } = claim;
    const volumeName = spec?.volumeName ?? '';
    // Capacity and access modes are the bound volume's, so an unbound claim shows neither.
    const bound = volumeName !== '';
    return [
      claim.metadata.name,
      // An empty phase is defaulted to Pending by the server (k/k pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolumeClaim).
      claim.metadata.deletionTimestamp ? 'Terminating' : status?.phase || 'Pending',
      volumeName,
      bound ? quantityText(status?.capacity?.['storage']) : '',
      bound ? accessModesShortForm(status?.accessModes) : '',
      storageClassOf(claim.metadata.annotations, spec?.storageClassName),
      spec?.volumeAttributesClassName ?? '<unset>',
      translateTimestampSince(claim.metadata.creationTimestamp, now),
      // spec.volumeMode is defaulted to Filesystem by the server (defaults.go SetDefaults_PersistentVolumeClaimSpec).
      spec?.volumeMode ?? 'Filesystem',
    ];
  },
};
