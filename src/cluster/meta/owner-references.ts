import type { V1OwnerReference } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../objects.js';

export type OwnerReference = Wire<V1OwnerReference>;

/**
 * The reference a controller puts on what it creates (apimachinery metav1.NewControllerRef). The fixture loader
 * leaves `blockOwnerDeletion` out where the real controller does (Endpoints' slices).
 */
export function newControllerRef(owner: Readonly<KubeObject>, blockOwnerDeletion = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    ...(blockOwnerDeletion ? { blockOwnerDeletion } : {}),
  };
}

/** metav1.GetControllerOf: the owner reference with controller=true. */
export function controllerOf(object: Readonly<KubeObject>): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

export function isControlledBy(object: Readonly<KubeObject>, owner: Readonly<KubeObject>): boolean {
  const ref = controllerOf(object);
  return ref !== undefined && ref.uid === owner.metadata.uid && ref.kind === owner.kind;
}
