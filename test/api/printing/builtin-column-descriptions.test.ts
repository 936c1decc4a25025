import { existsSync, readFileSync } from 'node:fs';
import { csiDriverPrinter } from '../../../src/api/printing/csi-driver-printer.js';
import { csiStorageCapacityPrinter } from '../../../src/api/printing/csi-storage-capacity-printer.js';
import { flowSchemaPrinter } from '../../../src/api/printing/flow-schema-printer.js';
import { ipAddressPrinter } from '../../../src/api/printing/ip-address-printer.js';
import { priorityClassPrinter } from '../../../src/api/printing/priority-class-printer.js';
import { priorityLevelConfigurationPrinter } from '../../../src/api/printing/priority-level-configuration-printer.js';
import { serviceCIDRPrinter } from '../../../src/api/printing/service-cidr-printer.js';
import { storageClassPrinter } from '../../../src/api/printing/storage-class-printer.js';
import type { Printer } from '../../../src/api/printing/types.js';
import { volumeAttachmentPrinter } from '../../../src/api/printing/volume-attachment-printer.js';

/**
 * Field-derived columns of the networking, scheduling, storage and flowcontrol printers quote their field's swagger
 * doc. kubefacade's own openapi/v2.json holds none of these definitions, so they are read from the full upstream
 * document kept beside the repository (../shared/reference); the suite is skipped where that file is absent.
 * (The NetworkPolicy and RoleBinding texts come from extensions/v1beta1 and rbac/v1beta1, which neither document has.)
 */

type Definitions = Record<string, { properties?: Record<string, { description?: string }> }>;

const read = (url: URL): Definitions => (JSON.parse(readFileSync(url, 'utf8')) as { definitions: Definitions }).definitions;

const own = read(new URL('../../../openapi/v2.json', import.meta.url));
const upstreamUrl = new URL('../../../../shared/reference/kubernetes-openapi-v2.json', import.meta.url);
const upstream: Definitions = existsSync(upstreamUrl) ? read(upstreamUrl) : {};

/** The description in openapi/v2.json, or else in the upstream document. */
const swagger = (definition: string, property: string): string | undefined => {
  const key = `io.k8s.api.${definition}`;
  return (own[key] ?? upstream[key])?.properties?.[property]?.description;
};

const cases: [string, string, string, string, Printer][] = [
  ['servicecidrs', 'CIDRs', 'networking.v1beta1.ServiceCIDRSpec', 'cidrs', serviceCIDRPrinter],
  ['ipaddresses', 'ParentRef', 'networking.v1beta1.IPAddressSpec', 'parentRef', ipAddressPrinter],
  ['priorityclasses', 'Value', 'scheduling.v1.PriorityClass', 'value', priorityClassPrinter],
  ['priorityclasses', 'Global-Default', 'scheduling.v1.PriorityClass', 'globalDefault', priorityClassPrinter],
  ['priorityclasses', 'PreemptionPolicy', 'scheduling.v1.PriorityClass', 'preemptionPolicy', priorityClassPrinter],
  ['storageclasses', 'Provisioner', 'storage.v1.StorageClass', 'provisioner', storageClassPrinter],
  ['storageclasses', 'ReclaimPolicy', 'storage.v1.StorageClass', 'reclaimPolicy', storageClassPrinter],
  ['storageclasses', 'VolumeBindingMode', 'storage.v1.StorageClass', 'volumeBindingMode', storageClassPrinter],
  ['storageclasses', 'AllowVolumeExpansion', 'storage.v1.StorageClass', 'allowVolumeExpansion', storageClassPrinter],
  ['csidrivers', 'AttachRequired', 'storage.v1.CSIDriverSpec', 'attachRequired', csiDriverPrinter],
  ['csidrivers', 'PodInfoOnMount', 'storage.v1.CSIDriverSpec', 'podInfoOnMount', csiDriverPrinter],
  ['csidrivers', 'StorageCapacity', 'storage.v1.CSIDriverSpec', 'storageCapacity', csiDriverPrinter],
  ['csidrivers', 'TokenRequests', 'storage.v1.CSIDriverSpec', 'tokenRequests', csiDriverPrinter],
  ['csidrivers', 'RequiresRepublish', 'storage.v1.CSIDriverSpec', 'requiresRepublish', csiDriverPrinter],
  ['csidrivers', 'Modes', 'storage.v1.CSIDriverSpec', 'volumeLifecycleModes', csiDriverPrinter],
  ['csistoragecapacities', 'StorageClassName', 'storage.v1.CSIStorageCapacity', 'storageClassName', csiStorageCapacityPrinter],
  ['csistoragecapacities', 'Capacity', 'storage.v1.CSIStorageCapacity', 'capacity', csiStorageCapacityPrinter],
  ['volumeattachments', 'Attacher', 'storage.v1.VolumeAttachmentSpec', 'attacher', volumeAttachmentPrinter],
  ['volumeattachments', 'PV', 'storage.v1.VolumeAttachmentSource', 'persistentVolumeName', volumeAttachmentPrinter],
  ['volumeattachments', 'Node', 'storage.v1.VolumeAttachmentSpec', 'nodeName', volumeAttachmentPrinter],
  ['volumeattachments', 'Attached', 'storage.v1.VolumeAttachmentStatus', 'attached', volumeAttachmentPrinter],
  ['flowschemas', 'PriorityLevel', 'flowcontrol.v1.PriorityLevelConfigurationReference', 'name', flowSchemaPrinter],
  ['flowschemas', 'MatchingPrecedence', 'flowcontrol.v1.FlowSchemaSpec', 'matchingPrecedence', flowSchemaPrinter],
  ['flowschemas', 'DistinguisherMethod', 'flowcontrol.v1.FlowSchemaSpec', 'distinguisherMethod', flowSchemaPrinter],
  ['prioritylevelconfigurations', 'Type', 'flowcontrol.v1.PriorityLevelConfigurationSpec', 'type', priorityLevelConfigurationPrinter],
  [
    'prioritylevelconfigurations',
    'NominalConcurrencyShares',
    'flowcontrol.v1.LimitedPriorityLevelConfiguration',
    'nominalConcurrencyShares',
    priorityLevelConfigurationPrinter,
  ],
  ['prioritylevelconfigurations', 'Queues', 'flowcontrol.v1.QueuingConfiguration', 'queues', priorityLevelConfigurationPrinter],
  ['prioritylevelconfigurations', 'HandSize', 'flowcontrol.v1.QueuingConfiguration', 'handSize', priorityLevelConfigurationPrinter],
  ['prioritylevelconfigurations', 'QueueLengthLimit', 'flowcontrol.v1.QueuingConfiguration', 'queueLengthLimit', priorityLevelConfigurationPrinter],
];

const describeWithUpstream = existsSync(upstreamUrl) ? describe : describe.skip;

describeWithUpstream('column descriptions of the cluster-infrastructure printers', () => {
  it.each(cases)('%s %s quotes %s.%s', (_resource, column, definition, property, printer) => {
    const expected = swagger(definition, property);
    expect(expected).toBeDefined();
    expect(printer.columns.find((c) => c.name === column)?.description).toBe(expected);
  });
});
