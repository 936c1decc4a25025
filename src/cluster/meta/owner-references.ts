import type { V1OwnerReference } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../objects.js';

export type OwnerReference = Wire<V1OwnerReference>;

/** What an owner reference names: the owner's apiVersion, kind, name and uid. */
export interface OwnerIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

/**
 * A plain owner reference, neither controller nor blocking deletion: what the node lease controller puts on a
 * node's Lease (k/k pkg/kubelet/nodelease setNodeOwnerFunc).
 */
export function ownerReference(owner: Readonly<KubeObject> | OwnerIdentity): OwnerReference {
  if ('metadata' in owner) return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid ?? '' };
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid };
}

/**
 * The reference a controller puts on what it creates (apimachinery metav1.NewControllerRef). The fixture loader
 * leaves `blockOwnerDeletion` out where the real controller does (Endpoints' slices), as does the kubelet on a
 * mirror pod's Node reference (pkg/kubelet/pod/mirror_client.go). The owner is a stored object, or only its
 * identity where the caller has no object (a generator, a kubelet whose Node is not yet stored).
 */
export function newControllerRef(owner: Readonly<KubeObject> | OwnerIdentity, blockOwnerDeletion = true): OwnerReference {
  const reference: OwnerReference = ownerReference(owner);
  reference.controller = true;
  if (blockOwnerDeletion) reference.blockOwnerDeletion = true;
  return reference;
}

/** metav1.GetControllerOf: the owner reference with controller=true. */
export function controllerOf(object: Readonly<KubeObject>): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

export function isControlledBy(object: Readonly<KubeObject>, owner: Readonly<KubeObject>): boolean {
  const ref = controllerOf(object);
  return ref !== undefined && ref.uid === owner.metadata.uid && ref.kind === owner.kind;
}
