import type { V1DaemonSet, V1Deployment, V1EndpointSlice, V1PodTemplateSpec, V1ReplicaSet } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../objects.js';

/** The apps/v1 and discovery.k8s.io/v1 objects the workload and service controllers read and write. */
export type Deployment = Wire<V1Deployment> & KubeObject;
export type ReplicaSet = Wire<V1ReplicaSet> & KubeObject;
export type DaemonSet = Wire<V1DaemonSet> & KubeObject;
export type EndpointSlice = Wire<V1EndpointSlice> & KubeObject;
export type { LabelSelectorSpec } from '../../selectors/index.js';
export type PodTemplate = Wire<V1PodTemplateSpec>;

export const DEPLOYMENTS = 'apps/deployments' as const;
export const REPLICASETS = 'apps/replicasets' as const;
export const DAEMONSETS = 'apps/daemonsets' as const;
export const SERVICES = '/services' as const;
export const ENDPOINTS = '/endpoints' as const;
export const ENDPOINTSLICES = 'discovery.k8s.io/endpointslices' as const;

export function splitKey(key: string): [namespace: string, name: string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/**
 * A spec change as the API server stores it: metadata.generation goes up by one (apps/v1 strategies'
 * PrepareForUpdate). The simulation has no API server between a controller and the store, so the writer bumps it.
 */
export function nextGeneration(object: Readonly<KubeObject>): number {
  return (object.metadata.generation ?? 1) + 1;
}
