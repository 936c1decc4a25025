import type { KubeObject } from '../../objects.js';
import { crdToApiextensionsV1 } from './apiextensions-v1beta1.js';
import { webhookConfigurationToV1 } from './admissionregistration-v1beta1.js';
import type { WorkloadVersion } from './apps-beta-defaults.js';
import { controllerRevisionToAppsV1, daemonSetToAppsV1, deploymentToAppsV1, replicaSetToAppsV1, statefulSetToAppsV1 } from './apps-v1beta.js';
import { cronJobToBatchV1 } from './batch-v1beta1.js';
import { csrToCertificatesV1 } from './certificates-v1beta1.js';
import { endpointSliceToDiscoveryV1 } from './discovery-v1beta1.js';
import { coreEventFromEventsV1 } from './events-core.js';
import { flowSchemaToFlowcontrolV1, priorityLevelToFlowcontrolV1, type FlowcontrolVersion } from './flowcontrol-beta.js';
import { hpaV1ToV2 } from './hpa-v1.js';
import { hpaV2beta1ToV2, hpaV2beta2ToV2 } from './hpa-v2beta.js';
import type { Fields } from './json-fields.js';
import { ingressClassToNetworkingV1, ingressToNetworkingV1, networkPolicyToNetworkingV1 } from './networking-v1beta1.js';
import { runtimeClassToNodeV1 } from './node-runtime-class.js';
import { podDisruptionBudgetToPolicyV1, podSecurityPolicyUnservable } from './policy-v1beta1.js';
import { RBAC_GROUP, rbacToV1 } from './rbac-v1beta1.js';
import { apiServiceToApiregistrationV1, leaseToCoordinationV1, priorityClassToSchedulingV1 } from './same-fields-kinds.js';
import { STORAGE_KINDS, storageToV1 } from './storage-v1beta1.js';

/**
 * Objects captured at API versions a v1.33 API server no longer serves (kubectl output of 1.15–1.24
 * clusters) → the version it does serve. Upstream decodes a request body at its own version, applies that
 * version's defaults, converts to the internal type and encodes at the served version (apimachinery
 * pkg/runtime/serializer/versioning/versioning.go); each converter here does the same on JSON.
 */
export type ServedVersionConversion = { object: KubeObject } | { unservable: string };

type Converter = (object: Fields) => KubeObject | string;

const CONVERTERS = new Map<string, Converter>();

function register(apiVersions: readonly string[], kinds: readonly string[], convert: Converter): void {
  for (const apiVersion of apiVersions) for (const kind of kinds) CONVERTERS.set(`${apiVersion}/${kind}`, convert);
}

const WORKLOAD_CONVERTERS: Readonly<Record<string, (object: Fields, version: WorkloadVersion) => KubeObject>> = {
  Deployment: deploymentToAppsV1,
  DaemonSet: daemonSetToAppsV1,
  ReplicaSet: replicaSetToAppsV1,
  StatefulSet: statefulSetToAppsV1,
  ControllerRevision: (object) => controllerRevisionToAppsV1(object),
};
// Only the kinds each version had: extensions/v1beta1 had no StatefulSet, apps/v1beta1 no DaemonSet or ReplicaSet.
const WORKLOAD_KINDS: Readonly<Record<WorkloadVersion, readonly string[]>> = {
  'extensions/v1beta1': ['Deployment', 'DaemonSet', 'ReplicaSet'],
  'apps/v1beta1': ['Deployment', 'StatefulSet', 'ControllerRevision'],
  'apps/v1beta2': ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'],
};
for (const [version, kinds] of Object.entries(WORKLOAD_KINDS) as [WorkloadVersion, readonly string[]][]) {
  for (const kind of kinds) {
    const convert = WORKLOAD_CONVERTERS[kind];
    if (convert) register([version], [kind], (object) => convert(object, version));
  }
}

register(['extensions/v1beta1'], ['NetworkPolicy'], networkPolicyToNetworkingV1);
register(['extensions/v1beta1', 'networking.k8s.io/v1beta1'], ['Ingress'], ingressToNetworkingV1);
register(['networking.k8s.io/v1beta1'], ['IngressClass'], ingressClassToNetworkingV1);
register(['extensions/v1beta1', 'policy/v1beta1'], ['PodSecurityPolicy'], (o) => podSecurityPolicyUnservable(String(o['apiVersion'])));
register(['policy/v1beta1'], ['PodDisruptionBudget'], podDisruptionBudgetToPolicyV1);
register(['batch/v1beta1'], ['CronJob'], cronJobToBatchV1);
register(['autoscaling/v2beta1'], ['HorizontalPodAutoscaler'], hpaV2beta1ToV2);
register(['autoscaling/v2beta2'], ['HorizontalPodAutoscaler'], hpaV2beta2ToV2);
register(['discovery.k8s.io/v1beta1'], ['EndpointSlice'], endpointSliceToDiscoveryV1);
// The store keeps events as core/v1 Events, served at events.k8s.io/v1 by event-v1.ts.
register(['events.k8s.io/v1beta1'], ['Event'], (o) => coreEventFromEventsV1(o as KubeObject));
for (const version of ['v1beta1', 'v1alpha1'] as const) {
  register([`${RBAC_GROUP}/${version}`], ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], (o) => rbacToV1(o, version));
  register([`node.k8s.io/${version}`], ['RuntimeClass'], (o) => runtimeClassToNodeV1(o, version));
}
register(['storage.k8s.io/v1beta1'], STORAGE_KINDS, storageToV1);
register(['scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha1'], ['PriorityClass'], priorityClassToSchedulingV1);
register(['apiextensions.k8s.io/v1beta1'], ['CustomResourceDefinition'], crdToApiextensionsV1);
register(['admissionregistration.k8s.io/v1beta1'], ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], webhookConfigurationToV1);
register(['certificates.k8s.io/v1beta1'], ['CertificateSigningRequest'], csrToCertificatesV1);
register(['coordination.k8s.io/v1beta1'], ['Lease'], leaseToCoordinationV1);
for (const version of ['v1beta1', 'v1beta2', 'v1beta3'] as const satisfies readonly FlowcontrolVersion[]) {
  register([`flowcontrol.apiserver.k8s.io/${version}`], ['FlowSchema'], flowSchemaToFlowcontrolV1);
  register([`flowcontrol.apiserver.k8s.io/${version}`], ['PriorityLevelConfiguration'], (o) => priorityLevelToFlowcontrolV1(o, version));
}
register(['apiregistration.k8s.io/v1beta1'], ['APIService'], apiServiceToApiregistrationV1);

/**
 * The object as v1.33 serves it, or why no v1.33 version can, or undefined when its apiVersion/kind is
 * not a removed version (nothing to convert). Pure: the input is never changed.
 */
export function convertToServedVersion(object: KubeObject): ServedVersionConversion | undefined {
  const convert = CONVERTERS.get(`${object.apiVersion}/${object.kind}`);
  if (!convert) return undefined;
  const result = convert(structuredClone(object) as Fields);
  return typeof result === 'string' ? { unservable: result } : { object: result };
}

/**
 * convertToServedVersion, plus the two served versions the store does not keep: autoscaling/v1 HPAs
 * (stored as autoscaling/v2) and events.k8s.io/v1 Events (stored as core/v1 Events). For loading captures.
 */
export function convertToStoredVersion(object: KubeObject): ServedVersionConversion | undefined {
  if (object.apiVersion === 'autoscaling/v1' && object.kind === 'HorizontalPodAutoscaler') return { object: hpaV1ToV2(object) };
  if (object.apiVersion === 'events.k8s.io/v1' && object.kind === 'Event') return { object: coreEventFromEventsV1(object) };
  return convertToServedVersion(object);
}
