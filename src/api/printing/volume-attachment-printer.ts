import type { V1VolumeAttachment } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, column, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * volumeattachments.storage.k8s.io, as k/k pkg/printers/internalversion/printers.go printVolumeAttachment prints
 * them. Upstream marks the Attacher column `format: "name"` too, so the Table has two name-format columns.
 */

type VolumeAttachment = Wire<V1VolumeAttachment> & KubeObject;

const ATTACHER = 'attacher indicates the name of the volume driver that MUST handle this request. This is the name returned by GetPluginName().';
const PERSISTENT_VOLUME_NAME = 'persistentVolumeName represents the name of the persistent volume to attach.';
const NODE_NAME = 'nodeName represents the node that the volume should be attached to.';
const ATTACHED =
  'attached indicates the volume is successfully attached. This field must only be set by the entity completing the attach operation, i.e. the external-attacher.';

export const volumeAttachmentPrinter: Printer = {
  columns: [
    nameColumn,
    text('Attacher', ATTACHER, { format: 'name' }),
    text('PV', PERSISTENT_VOLUME_NAME),
    text('Node', NODE_NAME),
    column('Attached', 'boolean', ATTACHED),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const attachment = object as VolumeAttachment;
    const spec = attachment.spec;
    return [
      attachment.metadata.name,
      spec?.attacher ?? '',
      spec?.source?.persistentVolumeName ?? '',
      spec?.nodeName ?? '',
      attachment.status?.attached ?? false,
      translateTimestampSince(attachment.metadata.creationTimestamp, now),
    ];
  },
};
