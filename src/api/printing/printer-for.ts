import type { ResourceKey, ResourceType } from '../../cluster/index.js';
import { apiServicePrinter } from './api-service-printer.js';
import { certificateSigningRequestPrinter } from './certificate-signing-request-printer.js';
import { componentStatusPrinter } from './component-status-printer.js';
import { configMapPrinter } from './config-map-printer.js';
import { controllerRevisionPrinter } from './controller-revision-printer.js';
import { cronJobPrinter } from './cron-job-printer.js';
import { csiDriverPrinter } from './csi-driver-printer.js';
import { csiNodePrinter } from './csi-node-printer.js';
import { csiStorageCapacityPrinter } from './csi-storage-capacity-printer.js';
import { customResourcePrinter } from './custom-resource-printer.js';
import { daemonSetPrinter } from './daemon-set-printer.js';
import { defaultPrinter } from './default-printer.js';
import { deploymentPrinter } from './deployment-printer.js';
import { endpointSlicePrinter } from './endpoint-slice-printer.js';
import { endpointsPrinter } from './endpoints-printer.js';
import { eventPrinter } from './event-printer.js';
import { flowSchemaPrinter } from './flow-schema-printer.js';
import { horizontalPodAutoscalerPrinter } from './horizontal-pod-autoscaler-printer.js';
import { ingressClassPrinter } from './ingress-class-printer.js';
import { ingressPrinter } from './ingress-printer.js';
import { ipAddressPrinter } from './ip-address-printer.js';
import { jobPrinter } from './job-printer.js';
import { leasePrinter } from './lease-printer.js';
import { nodeMetricsPrinter, podMetricsPrinter } from './metrics-printers.js';
import { namespacePrinter } from './namespace-printer.js';
import { networkPolicyPrinter } from './network-policy-printer.js';
import { nodePrinter } from './node-printer.js';
import { persistentVolumeClaimPrinter } from './persistent-volume-claim-printer.js';
import { persistentVolumePrinter } from './persistent-volume-printer.js';
import { podDisruptionBudgetPrinter } from './pod-disruption-budget-printer.js';
import { podPrinter } from './pod-printer.js';
import { podTemplatePrinter } from './pod-template-printer.js';
import { priorityClassPrinter } from './priority-class-printer.js';
import { priorityLevelConfigurationPrinter } from './priority-level-configuration-printer.js';
import { replicaSetPrinter } from './replica-set-printer.js';
import { replicationControllerPrinter } from './replication-controller-printer.js';
import { resourceQuotaPrinter } from './resource-quota-printer.js';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './role-binding-printers.js';
import { runtimeClassPrinter } from './runtime-class-printer.js';
import { secretPrinter } from './secret-printer.js';
import { serviceAccountPrinter } from './service-account-printer.js';
import { serviceCIDRPrinter } from './service-cidr-printer.js';
import { servicePrinter } from './service-printer.js';
import { statefulSetPrinter } from './stateful-set-printer.js';
import { storageClassPrinter } from './storage-class-printer.js';
import type { Printer } from './types.js';
import { validatingAdmissionPolicyBindingPrinter } from './validating-admission-policy-binding-printer.js';
import { validatingAdmissionPolicyPrinter } from './validating-admission-policy-printer.js';
import { volumeAttachmentPrinter } from './volume-attachment-printer.js';
import { webhookConfigurationPrinter } from './webhook-configuration-printer.js';

/**
 * The printer of each built-in resource, by the registry's `group/plural` key (k/k pkg/printers/internalversion
 * AddHandlers; kube-aggregator's APIService table). Every version of a resource prints its stored form with the
 * same printer, as upstream prints the internal version. Resources without one use the default convertor
 * (limitranges, roles, clusterroles, customresourcedefinitions).
 */
const PRINTERS: ReadonlyMap<ResourceKey, Printer> = new Map<ResourceKey, Printer>([
  ['/componentstatuses', componentStatusPrinter],
  ['/configmaps', configMapPrinter],
  ['/endpoints', endpointsPrinter],
  ['/events', eventPrinter],
  ['/namespaces', namespacePrinter],
  ['/nodes', nodePrinter],
  ['/persistentvolumeclaims', persistentVolumeClaimPrinter],
  ['/persistentvolumes', persistentVolumePrinter],
  ['/pods', podPrinter],
  ['/podtemplates', podTemplatePrinter],
  ['/replicationcontrollers', replicationControllerPrinter],
  ['/resourcequotas', resourceQuotaPrinter],
  ['/secrets', secretPrinter],
  ['/serviceaccounts', serviceAccountPrinter],
  ['/services', servicePrinter],
  ['admissionregistration.k8s.io/mutatingwebhookconfigurations', webhookConfigurationPrinter],
  ['admissionregistration.k8s.io/validatingadmissionpolicies', validatingAdmissionPolicyPrinter],
  ['admissionregistration.k8s.io/validatingadmissionpolicybindings', validatingAdmissionPolicyBindingPrinter],
  ['admissionregistration.k8s.io/validatingwebhookconfigurations', webhookConfigurationPrinter],
  ['apiregistration.k8s.io/apiservices', apiServicePrinter],
  ['apps/controllerrevisions', controllerRevisionPrinter],
  ['apps/daemonsets', daemonSetPrinter],
  ['apps/deployments', deploymentPrinter],
  ['apps/replicasets', replicaSetPrinter],
  ['apps/statefulsets', statefulSetPrinter],
  ['autoscaling/horizontalpodautoscalers', horizontalPodAutoscalerPrinter],
  ['batch/cronjobs', cronJobPrinter],
  ['batch/jobs', jobPrinter],
  ['certificates.k8s.io/certificatesigningrequests', certificateSigningRequestPrinter],
  ['coordination.k8s.io/leases', leasePrinter],
  ['discovery.k8s.io/endpointslices', endpointSlicePrinter],
  ['events.k8s.io/events', eventPrinter],
  ['flowcontrol.apiserver.k8s.io/flowschemas', flowSchemaPrinter],
  ['flowcontrol.apiserver.k8s.io/prioritylevelconfigurations', priorityLevelConfigurationPrinter],
  ['metrics.k8s.io/nodes', nodeMetricsPrinter],
  ['metrics.k8s.io/pods', podMetricsPrinter],
  ['networking.k8s.io/ingressclasses', ingressClassPrinter],
  ['networking.k8s.io/ingresses', ingressPrinter],
  ['networking.k8s.io/ipaddresses', ipAddressPrinter],
  ['networking.k8s.io/networkpolicies', networkPolicyPrinter],
  ['networking.k8s.io/servicecidrs', serviceCIDRPrinter],
  ['node.k8s.io/runtimeclasses', runtimeClassPrinter],
  ['policy/poddisruptionbudgets', podDisruptionBudgetPrinter],
  ['rbac.authorization.k8s.io/clusterrolebindings', clusterRoleBindingPrinter],
  ['rbac.authorization.k8s.io/rolebindings', roleBindingPrinter],
  ['scheduling.k8s.io/priorityclasses', priorityClassPrinter],
  ['storage.k8s.io/csidrivers', csiDriverPrinter],
  ['storage.k8s.io/csinodes', csiNodePrinter],
  ['storage.k8s.io/csistoragecapacities', csiStorageCapacityPrinter],
  ['storage.k8s.io/storageclasses', storageClassPrinter],
  ['storage.k8s.io/volumeattachments', volumeAttachmentPrinter],
]);

const customPrinters = new WeakMap<object, Printer>();

/**
 * The resource's printer: a custom resource's from its CRD's printer columns (Name and Age when it declares
 * none), a built-in resource's own, or the default Name/Created At convertor when upstream registers none.
 */
export function printerFor(type: Pick<ResourceType, 'group' | 'plural' | 'custom'>): Printer {
  const custom = type.custom;
  if (custom) {
    let printer = customPrinters.get(custom);
    if (!printer) {
      printer = customResourcePrinter(custom.columns);
      customPrinters.set(custom, printer);
    }
    return printer;
  }
  // The registry's key (resource-type.ts keyOf), spelled out so printing stays a leaf with no runtime cluster import.
  const key: ResourceKey = `${type.group}/${type.plural}`;
  return PRINTERS.get(key) ?? defaultPrinter;
}
