import type { KubeObject } from '../../../../src/cluster/objects.js';
import { convertToServedVersion, convertToStoredVersion } from '../../../../src/cluster/resources/conversions/index.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const capture = (apiVersion: string, kind: string): KubeObject => ({ kind, metadata: { name: 'x', namespace: 'default' }, apiVersion, spec: {} });

describe('convertToServedVersion', () => {
  test.each<[string, string, string, string]>([
    ['extensions/v1beta1', 'Deployment', 'apps/v1', 'Deployment'],
    ['extensions/v1beta1', 'DaemonSet', 'apps/v1', 'DaemonSet'],
    ['extensions/v1beta1', 'ReplicaSet', 'apps/v1', 'ReplicaSet'],
    ['extensions/v1beta1', 'NetworkPolicy', 'networking.k8s.io/v1', 'NetworkPolicy'],
    ['extensions/v1beta1', 'Ingress', 'networking.k8s.io/v1', 'Ingress'],
    ['apps/v1beta1', 'Deployment', 'apps/v1', 'Deployment'],
    ['apps/v1beta1', 'StatefulSet', 'apps/v1', 'StatefulSet'],
    ['apps/v1beta1', 'ControllerRevision', 'apps/v1', 'ControllerRevision'],
    ['apps/v1beta2', 'Deployment', 'apps/v1', 'Deployment'],
    ['apps/v1beta2', 'DaemonSet', 'apps/v1', 'DaemonSet'],
    ['apps/v1beta2', 'ReplicaSet', 'apps/v1', 'ReplicaSet'],
    ['apps/v1beta2', 'StatefulSet', 'apps/v1', 'StatefulSet'],
    ['apps/v1beta2', 'ControllerRevision', 'apps/v1', 'ControllerRevision'],
    ['batch/v1beta1', 'CronJob', 'batch/v1', 'CronJob'],
    ['policy/v1beta1', 'PodDisruptionBudget', 'policy/v1', 'PodDisruptionBudget'],
    ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', 'autoscaling/v2', 'HorizontalPodAutoscaler'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2', 'HorizontalPodAutoscaler'],
    ['discovery.k8s.io/v1beta1', 'EndpointSlice', 'discovery.k8s.io/v1', 'EndpointSlice'],
    ['events.k8s.io/v1beta1', 'Event', 'v1', 'Event'],
    ['networking.k8s.io/v1beta1', 'Ingress', 'networking.k8s.io/v1', 'Ingress'],
    ['networking.k8s.io/v1beta1', 'IngressClass', 'networking.k8s.io/v1', 'IngressClass'],
    ['rbac.authorization.k8s.io/v1beta1', 'Role', 'rbac.authorization.k8s.io/v1', 'Role'],
    ['rbac.authorization.k8s.io/v1beta1', 'ClusterRole', 'rbac.authorization.k8s.io/v1', 'ClusterRole'],
    ['rbac.authorization.k8s.io/v1alpha1', 'RoleBinding', 'rbac.authorization.k8s.io/v1', 'RoleBinding'],
    ['rbac.authorization.k8s.io/v1alpha1', 'ClusterRoleBinding', 'rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
    ['storage.k8s.io/v1beta1', 'StorageClass', 'storage.k8s.io/v1', 'StorageClass'],
    ['storage.k8s.io/v1beta1', 'VolumeAttachment', 'storage.k8s.io/v1', 'VolumeAttachment'],
    ['storage.k8s.io/v1beta1', 'CSIDriver', 'storage.k8s.io/v1', 'CSIDriver'],
    ['storage.k8s.io/v1beta1', 'CSINode', 'storage.k8s.io/v1', 'CSINode'],
    ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', 'storage.k8s.io/v1', 'CSIStorageCapacity'],
    ['scheduling.k8s.io/v1beta1', 'PriorityClass', 'scheduling.k8s.io/v1', 'PriorityClass'],
    ['node.k8s.io/v1beta1', 'RuntimeClass', 'node.k8s.io/v1', 'RuntimeClass'],
    ['node.k8s.io/v1alpha1', 'RuntimeClass', 'node.k8s.io/v1', 'RuntimeClass'],
    ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
    ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration'],
    ['admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration'],
    ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', 'certificates.k8s.io/v1', 'CertificateSigningRequest'],
    ['coordination.k8s.io/v1beta1', 'Lease', 'coordination.k8s.io/v1', 'Lease'],
    ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1', 'FlowSchema'],
    ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1', 'PriorityLevelConfiguration'],
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1', 'PriorityLevelConfiguration'],
    ['apiregistration.k8s.io/v1beta1', 'APIService', 'apiregistration.k8s.io/v1', 'APIService'],
  ])('%s %s → %s %s, apiVersion, kind and metadata first, the input untouched', (apiVersion, kind, servedVersion, servedKind) => {
    const input = deepFreeze(capture(apiVersion, kind));
    const snapshot = structuredClone(input);
    const result = convertToServedVersion(input);
    expect(result).toBeDefined();
    const object = (result as { object: KubeObject }).object;
    expect([object.apiVersion, object.kind]).toEqual([servedVersion, servedKind]);
    expect(Object.keys(object).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(object.metadata).not.toBe(input.metadata);
    expect(input).toStrictEqual(snapshot);
  });

  test.each<[string, string]>([
    ['apps/v1', 'Deployment'],
    ['v1', 'Pod'],
    ['autoscaling/v1', 'HorizontalPodAutoscaler'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler'],
    ['events.k8s.io/v1', 'Event'],
    ['networking.k8s.io/v1', 'Ingress'],
    // Kinds a removed version never had are not guessed at.
    ['extensions/v1beta1', 'StatefulSet'],
    ['apps/v1beta1', 'DaemonSet'],
    ['example.com/v1beta1', 'Widget'],
  ])('%s %s is served as it is: nothing to do', (apiVersion, kind) => {
    expect(convertToServedVersion(capture(apiVersion, kind))).toBeUndefined();
  });
});

describe('convertToStoredVersion', () => {
  test('adds the served versions the store keeps in another form, and otherwise converts as convertToServedVersion', () => {
    expect(convertToStoredVersion(capture('autoscaling/v1', 'HorizontalPodAutoscaler'))).toMatchObject({ object: { apiVersion: 'autoscaling/v2' } });
    expect(convertToStoredVersion(capture('events.k8s.io/v1', 'Event'))).toMatchObject({ object: { apiVersion: 'v1', kind: 'Event' } });
    expect(convertToStoredVersion(capture('batch/v1beta1', 'CronJob'))).toMatchObject({ object: { apiVersion: 'batch/v1' } });
    expect(convertToStoredVersion(capture('policy/v1beta1', 'PodSecurityPolicy'))).toHaveProperty('unservable');
    expect(convertToStoredVersion(capture('apps/v1', 'Deployment'))).toBeUndefined();
  });
});
