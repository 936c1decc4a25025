import type { CoreV1Event, V1ComponentStatus, V1ConfigMap, V1Endpoints, V1Namespace, V1Node, V1ObjectMeta, V1Pod, V1Service } from '@kubernetes/client-node';

/**
 * The JSON ("wire") form of a @kubernetes/client-node model: the client's model classes type
 * timestamps as `Date`, but what the API server stores and sends are RFC 3339 strings.
 * The simulated cluster keeps objects exactly as they travel, so every model is used through this.
 */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type ObjectMeta = Wire<V1ObjectMeta>;

/** Any Kubernetes object as stored: kind, apiVersion and metadata always set. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
  [field: string]: unknown;
}

export type Node = Wire<V1Node> & KubeObject;
export type Pod = Wire<V1Pod> & KubeObject;
export type Namespace = Wire<V1Namespace> & KubeObject;
export type Service = Wire<V1Service> & KubeObject;
export type Endpoints = Wire<V1Endpoints> & KubeObject;
export type ConfigMap = Wire<V1ConfigMap> & KubeObject;
export type ComponentStatus = Wire<V1ComponentStatus> & KubeObject;
export type Event = Wire<CoreV1Event> & KubeObject;
