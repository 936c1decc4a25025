import type { V1PersistentVolume } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { accessModesShortForm } from './access-modes.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import { quantityText } from '../../cluster/index.js';
import { storageClassOf } from './storage-class-of.js';
import type { Printer } from './types.js';

/**
 * persistentvolumes, as k/k pkg/printers/internalversion/printers.go printPersistentVolume prints them.
 * Descriptions are the core/v1 swagger docs upstream quotes.
 */

type PersistentVolume = Wire<V1PersistentVolume> & KubeObject;

const CAPACITY =
  "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity";
const ACCESS_MODES =
  'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes';
const RECLAIM_POLICY =
  'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming';
const PHASE =
  'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase';
const CLAIM_REF =
  'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding';
const REASON = 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.';
const VOLUME_MODE =
  'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.';

export const persistentVolumePrinter: Printer = {
  columns: [
    nameColumn,
    text('Capacity', CAPACITY),
    text('Access Modes', ACCESS_MODES),
    text('Reclaim Policy', RECLAIM_POLICY),
    text('Status', PHASE),
    text('Claim', CLAIM_REF),
    text('StorageClass', 'StorageClass of the pv'),
    text('VolumeAttributesClass', 'VolumeAttributesClass of the pv'),
    text('Reason', REASON),
    ageColumn,
    text('VolumeMode', VOLUME_MODE, { priority: 1 }),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const volume = object as PersistentVolume;
    const { spec, status } = volume;
    const claimRef = spec?.claimRef;
    // The server's defaults (k/k pkg/apis/core/v1/defaults.go SetDefaults_PersistentVolume): phase Pending,
    // reclaim policy Retain, volume mode Filesystem.
    return [
      volume.metadata.name,
      quantityText(spec?.capacity?.['storage']),
      accessModesShortForm(spec?.accessModes),
      spec?.persistentVolumeReclaimPolicy || 'Retain',
      volume.metadata.deletionTimestamp ? 'Terminating' : status?.phase || 'Pending',
      claimRef ? `${claimRef.namespace ?? ''}/${claimRef.name ?? ''}` : '',
      storageClassOf(volume.metadata.annotations, spec?.storageClassName),
      spec?.volumeAttributesClassName ?? '<unset>',
      status?.reason ?? '',
      translateTimestampSince(volume.metadata.creationTimestamp, now),
      spec?.volumeMode ?? 'Filesystem',
    ];
  },
};
