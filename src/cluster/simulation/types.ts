import type { V1ContainerStatus, V1Lease, V1NodeCondition, V1PodCondition, V1Taint, V1Toleration } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../objects.js';
import { plainCopy } from '../meta/index.js';

/** Object shapes the simulation writes that src/cluster/objects.ts does not name (yet). */
export type Lease = Wire<V1Lease> & KubeObject;
export type Taint = Wire<V1Taint>;
export type Toleration = Wire<V1Toleration>;
export type NodeCondition = Wire<V1NodeCondition>;
export type PodCondition = Wire<V1PodCondition>;
export type ContainerStatus = Wire<V1ContainerStatus>;

export const PODS = '/pods' as const;
export const NODES = '/nodes' as const;
export const LEASES = 'coordination.k8s.io/leases' as const;
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** A mutable deep copy of a stored object, to build the next version from (stored objects are never changed). */
export function copyOf<T>(object: Readonly<T>): T {
  return plainCopy(object);
}
