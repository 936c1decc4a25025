import { existsSync, readFileSync } from 'node:fs';
import { certificateSigningRequestPrinter } from '../../../src/api/printing/certificate-signing-request-printer.js';
import { ageColumn, nameColumn } from '../../../src/api/printing/columns.js';
import { controllerRevisionPrinter } from '../../../src/api/printing/controller-revision-printer.js';
import { cronJobPrinter } from '../../../src/api/printing/cron-job-printer.js';
import { horizontalPodAutoscalerPrinter } from '../../../src/api/printing/horizontal-pod-autoscaler-printer.js';
import { jobPrinter } from '../../../src/api/printing/job-printer.js';
import { persistentVolumeClaimPrinter } from '../../../src/api/printing/persistent-volume-claim-printer.js';
import { persistentVolumePrinter } from '../../../src/api/printing/persistent-volume-printer.js';
import { podDisruptionBudgetPrinter } from '../../../src/api/printing/pod-disruption-budget-printer.js';
import { podTemplatePrinter } from '../../../src/api/printing/pod-template-printer.js';
import { replicationControllerPrinter } from '../../../src/api/printing/replication-controller-printer.js';
import { resourceQuotaPrinter } from '../../../src/api/printing/resource-quota-printer.js';
import { serviceAccountPrinter } from '../../../src/api/printing/service-account-printer.js';
import { statefulSetPrinter } from '../../../src/api/printing/stateful-set-printer.js';
import type { Printer } from '../../../src/api/printing/types.js';

/**
 * The column lists of the printers of k/k pkg/printers/internalversion/printers.go AddHandlers for storage, batch,
 * autoscaling, policy, certificates and the remaining core and apps kinds: names, declared types (which need not
 * match the cells), priorities, and the swagger docs they quote.
 */

type Definitions = Record<string, { properties?: Record<string, { description?: string }> }>;

// The published document holds only what kubefacade serves today; the pristine upstream document beside the
// project's shared reference fills the rest.
const documents = [new URL('../../../openapi/v2.json', import.meta.url), new URL('../../../../shared/reference/kubernetes-openapi-v2.json', import.meta.url)]
  .filter((url) => existsSync(url))
  .map((url) => (JSON.parse(readFileSync(url, 'utf8')) as { definitions: Definitions }).definitions);

const swagger = (definition: string, property: string): string | undefined =>
  documents.map((definitions) => definitions[`io.k8s.api.${definition}`]?.properties?.[property]?.description).find((d) => d !== undefined);

const description = (printer: Printer, column: string): string | undefined => printer.columns.find((c) => c.name === column)?.description;

describe('column lists', () => {
  // [name, type, priority]; Name (format name) and Age use the shared definitions.
  it.each<[string, Printer, [string, string, number][]]>([
    [
      'persistentvolumeclaims',
      persistentVolumeClaimPrinter,
      [
        ['Name', 'string', 0],
        ['Status', 'string', 0],
        ['Volume', 'string', 0],
        ['Capacity', 'string', 0],
        ['Access Modes', 'string', 0],
        ['StorageClass', 'string', 0],
        ['VolumeAttributesClass', 'string', 0],
        ['Age', 'string', 0],
        ['VolumeMode', 'string', 1],
      ],
    ],
    [
      'persistentvolumes',
      persistentVolumePrinter,
      [
        ['Name', 'string', 0],
        ['Capacity', 'string', 0],
        ['Access Modes', 'string', 0],
        ['Reclaim Policy', 'string', 0],
        ['Status', 'string', 0],
        ['Claim', 'string', 0],
        ['StorageClass', 'string', 0],
        ['VolumeAttributesClass', 'string', 0],
        ['Reason', 'string', 0],
        ['Age', 'string', 0],
        ['VolumeMode', 'string', 1],
      ],
    ],
    [
      'podtemplates',
      podTemplatePrinter,
      [
        ['Name', 'string', 0],
        ['Containers', 'string', 0],
        ['Images', 'string', 0],
        ['Pod Labels', 'string', 0],
      ],
    ],
    [
      'replicationcontrollers',
      replicationControllerPrinter,
      [
        ['Name', 'string', 0],
        ['Desired', 'integer', 0],
        ['Current', 'integer', 0],
        ['Ready', 'integer', 0],
        ['Age', 'string', 0],
        ['Containers', 'string', 1],
        ['Images', 'string', 1],
        ['Selector', 'string', 1],
      ],
    ],
    [
      'resourcequotas',
      resourceQuotaPrinter,
      [
        ['Name', 'string', 0],
        ['Request', 'string', 0],
        ['Limit', 'string', 0],
        ['Age', 'string', 0],
      ],
    ],
    [
      'serviceaccounts',
      serviceAccountPrinter,
      [
        ['Name', 'string', 0],
        ['Secrets', 'string', 0],
        ['Age', 'string', 0],
      ],
    ],
    [
      'controllerrevisions',
      controllerRevisionPrinter,
      [
        ['Name', 'string', 0],
        ['Controller', 'string', 0],
        ['Revision', 'string', 0],
        ['Age', 'string', 0],
      ],
    ],
    [
      'statefulsets',
      statefulSetPrinter,
      [
        ['Name', 'string', 0],
        ['Ready', 'string', 0],
        ['Age', 'string', 0],
        ['Containers', 'string', 1],
        ['Images', 'string', 1],
      ],
    ],
    [
      'horizontalpodautoscalers',
      horizontalPodAutoscalerPrinter,
      [
        ['Name', 'string', 0],
        ['Reference', 'string', 0],
        ['Targets', 'string', 0],
        ['MinPods', 'string', 0],
        ['MaxPods', 'string', 0],
        ['Replicas', 'string', 0],
        ['Age', 'string', 0],
      ],
    ],
    [
      'jobs',
      jobPrinter,
      [
        ['Name', 'string', 0],
        ['Status', 'string', 0],
        ['Completions', 'string', 0],
        ['Duration', 'string', 0],
        ['Age', 'string', 0],
        ['Containers', 'string', 1],
        ['Images', 'string', 1],
        ['Selector', 'string', 1],
      ],
    ],
    [
      'cronjobs',
      cronJobPrinter,
      [
        ['Name', 'string', 0],
        ['Schedule', 'string', 0],
        ['Timezone', 'string', 0],
        ['Suspend', 'boolean', 0],
        ['Active', 'integer', 0],
        ['Last Schedule', 'string', 0],
        ['Age', 'string', 0],
        ['Containers', 'string', 1],
        ['Images', 'string', 1],
        ['Selector', 'string', 1],
      ],
    ],
    [
      'certificatesigningrequests',
      certificateSigningRequestPrinter,
      [
        ['Name', 'string', 0],
        ['Age', 'string', 0],
        ['SignerName', 'string', 0],
        ['Requestor', 'string', 0],
        ['RequestedDuration', 'string', 0],
        ['Condition', 'string', 0],
      ],
    ],
    [
      'poddisruptionbudgets',
      podDisruptionBudgetPrinter,
      [
        ['Name', 'string', 0],
        ['Min Available', 'string', 0],
        ['Max Unavailable', 'string', 0],
        ['Allowed Disruptions', 'integer', 0],
        ['Age', 'string', 0],
      ],
    ],
  ])('%s', (_resource, printer, expected) => {
    expect(printer.columns.map((c) => [c.name, c.type, c.priority])).toEqual(expected);
    expect(printer.columns.find((c) => c.name === 'Name')).toEqual(nameColumn);
    const age = printer.columns.find((c) => c.name === 'Age');
    if (age) expect(age).toEqual(ageColumn);
    expect(printer.columns.filter((c) => c.name !== 'Name').every((c) => c.format === '')).toBe(true);
  });
});

describe('field-derived column descriptions', () => {
  it.each<[string, Printer, string, string, string]>([
    ['persistentvolumeclaims', persistentVolumeClaimPrinter, 'Status', 'core.v1.PersistentVolumeClaimStatus', 'phase'],
    ['persistentvolumeclaims', persistentVolumeClaimPrinter, 'Volume', 'core.v1.PersistentVolumeClaimSpec', 'volumeName'],
    ['persistentvolumeclaims', persistentVolumeClaimPrinter, 'Capacity', 'core.v1.PersistentVolumeClaimStatus', 'capacity'],
    ['persistentvolumeclaims', persistentVolumeClaimPrinter, 'Access Modes', 'core.v1.PersistentVolumeClaimStatus', 'accessModes'],
    ['persistentvolumeclaims', persistentVolumeClaimPrinter, 'VolumeMode', 'core.v1.PersistentVolumeClaimSpec', 'volumeMode'],
    ['persistentvolumes', persistentVolumePrinter, 'Capacity', 'core.v1.PersistentVolumeSpec', 'capacity'],
    ['persistentvolumes', persistentVolumePrinter, 'Access Modes', 'core.v1.PersistentVolumeSpec', 'accessModes'],
    ['persistentvolumes', persistentVolumePrinter, 'Reclaim Policy', 'core.v1.PersistentVolumeSpec', 'persistentVolumeReclaimPolicy'],
    ['persistentvolumes', persistentVolumePrinter, 'Status', 'core.v1.PersistentVolumeStatus', 'phase'],
    ['persistentvolumes', persistentVolumePrinter, 'Claim', 'core.v1.PersistentVolumeSpec', 'claimRef'],
    ['persistentvolumes', persistentVolumePrinter, 'Reason', 'core.v1.PersistentVolumeStatus', 'reason'],
    ['persistentvolumes', persistentVolumePrinter, 'VolumeMode', 'core.v1.PersistentVolumeSpec', 'volumeMode'],
    ['replicationcontrollers', replicationControllerPrinter, 'Desired', 'core.v1.ReplicationControllerSpec', 'replicas'],
    ['replicationcontrollers', replicationControllerPrinter, 'Current', 'core.v1.ReplicationControllerStatus', 'replicas'],
    ['replicationcontrollers', replicationControllerPrinter, 'Ready', 'core.v1.ReplicationControllerStatus', 'readyReplicas'],
    ['replicationcontrollers', replicationControllerPrinter, 'Selector', 'core.v1.ReplicationControllerSpec', 'selector'],
    ['serviceaccounts', serviceAccountPrinter, 'Secrets', 'core.v1.ServiceAccount', 'secrets'],
    ['jobs', jobPrinter, 'Completions', 'batch.v1.JobStatus', 'succeeded'],
    ['jobs', jobPrinter, 'Selector', 'batch.v1.JobSpec', 'selector'],
    ['cronjobs', cronJobPrinter, 'Selector', 'batch.v1.JobSpec', 'selector'],
    // Upstream quotes batch/v1beta1 CronJob docs, identical to batch/v1's in v1.33.
    ['cronjobs', cronJobPrinter, 'Schedule', 'batch.v1.CronJobSpec', 'schedule'],
    ['cronjobs', cronJobPrinter, 'Timezone', 'batch.v1.CronJobSpec', 'timeZone'],
    ['cronjobs', cronJobPrinter, 'Suspend', 'batch.v1.CronJobSpec', 'suspend'],
    ['cronjobs', cronJobPrinter, 'Active', 'batch.v1.CronJobStatus', 'active'],
    ['cronjobs', cronJobPrinter, 'Last Schedule', 'batch.v1.CronJobStatus', 'lastScheduleTime'],
    // Upstream quotes autoscaling/v2beta1 docs; these four are identical to v2's.
    ['horizontalpodautoscalers', horizontalPodAutoscalerPrinter, 'Reference', 'autoscaling.v2.HorizontalPodAutoscalerSpec', 'scaleTargetRef'],
    ['horizontalpodautoscalers', horizontalPodAutoscalerPrinter, 'MinPods', 'autoscaling.v2.HorizontalPodAutoscalerSpec', 'minReplicas'],
    ['horizontalpodautoscalers', horizontalPodAutoscalerPrinter, 'MaxPods', 'autoscaling.v2.HorizontalPodAutoscalerSpec', 'maxReplicas'],
    ['horizontalpodautoscalers', horizontalPodAutoscalerPrinter, 'Replicas', 'autoscaling.v2.HorizontalPodAutoscalerStatus', 'currentReplicas'],
    // Upstream quotes certificates/v1beta1 docs; this one is identical to v1's.
    ['certificatesigningrequests', certificateSigningRequestPrinter, 'RequestedDuration', 'certificates.v1.CertificateSigningRequestSpec', 'expirationSeconds'],
  ])('%s %s quotes %s.%s', (_resource, printer, column, definition, property) => {
    const expected = swagger(definition, property);
    expect(expected).toBeDefined();
    expect(description(printer, column)).toBe(expected);
  });
});

describe('descriptions quoted from API versions the document no longer has', () => {
  it('ControllerRevision Revision is the apps/v1beta1 doc, lower-cased where v1 is not', () => {
    const v1 = swagger('apps.v1.ControllerRevision', 'revision') ?? '';
    expect(description(controllerRevisionPrinter, 'Revision')).toBe(`r${v1.slice(1)}`);
    expect(description(controllerRevisionPrinter, 'Revision')).not.toBe(v1);
  });

  it('HPA Targets is the autoscaling/v2beta1 doc, without v2 spelling out the 80% CPU default', () => {
    const v2 = swagger('autoscaling.v2.HorizontalPodAutoscalerSpec', 'metrics') ?? '';
    expect(v2).toBe(`${description(horizontalPodAutoscalerPrinter, 'Targets')} If not set, the default metric will be set to 80% average CPU utilization.`);
  });

  it('CSR SignerName, Requestor and Condition are the certificates/v1beta1 docs, not v1 ones', () => {
    expect(description(certificateSigningRequestPrinter, 'Requestor')).toBe('Base64-encoded PKCS#10 CSR data');
    expect(description(certificateSigningRequestPrinter, 'Condition')).toBe('Conditions applied to the request, such as approval or denial.');
    expect(description(certificateSigningRequestPrinter, 'SignerName')).toMatch(
      /^Requested signer for the request\. It is a qualified name in the form: `scope-hostname\.io\/name`\./,
    );
    expect(description(certificateSigningRequestPrinter, 'SignerName')).not.toBe(swagger('certificates.v1.CertificateSigningRequestSpec', 'signerName'));
  });
});

describe('fixed column descriptions', () => {
  it.each<[string, Printer, string, string]>([
    ['persistentvolumeclaims', persistentVolumeClaimPrinter, 'StorageClass', 'StorageClass of the pvc'],
    ['persistentvolumeclaims', persistentVolumeClaimPrinter, 'VolumeAttributesClass', 'VolumeAttributesClass of the pvc'],
    ['persistentvolumes', persistentVolumePrinter, 'StorageClass', 'StorageClass of the pv'],
    ['persistentvolumes', persistentVolumePrinter, 'VolumeAttributesClass', 'VolumeAttributesClass of the pv'],
    ['podtemplates', podTemplatePrinter, 'Containers', 'Names of each container in the template.'],
    ['podtemplates', podTemplatePrinter, 'Images', 'Images referenced by each container in the template.'],
    ['podtemplates', podTemplatePrinter, 'Pod Labels', 'The labels for the pod template.'],
    ['resourcequotas', resourceQuotaPrinter, 'Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'],
    [
      'resourcequotas',
      resourceQuotaPrinter,
      'Limit',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ],
    ['controllerrevisions', controllerRevisionPrinter, 'Controller', 'Controller of the object'],
    ['statefulsets', statefulSetPrinter, 'Ready', 'Number of the pod with ready state'],
    ['statefulsets', statefulSetPrinter, 'Containers', 'Names of each container in the template.'],
    ['jobs', jobPrinter, 'Status', 'Status of the job.'],
    ['jobs', jobPrinter, 'Duration', 'Time required to complete the job.'],
    ['cronjobs', cronJobPrinter, 'Images', 'Images referenced by each container in the template.'],
    ['poddisruptionbudgets', podDisruptionBudgetPrinter, 'Min Available', 'The minimum number of pods that must be available.'],
    ['poddisruptionbudgets', podDisruptionBudgetPrinter, 'Max Unavailable', 'The maximum number of pods that may be unavailable.'],
    ['poddisruptionbudgets', podDisruptionBudgetPrinter, 'Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.'],
  ])('%s %s', (_resource, printer, column, expected) => {
    expect(description(printer, column)).toBe(expected);
  });
});
