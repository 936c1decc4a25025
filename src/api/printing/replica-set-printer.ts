import type { V1ReplicaSet } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, integer, nameColumn, templateColumns } from './columns.js';
import { layoutContainerCells } from './containers.js';
import { translateTimestampSince } from './human-duration.js';
import { formatLabelSelector } from './labels-format.js';
import type { Printer } from './types.js';

/**
 * replicasets.apps, as k/k pkg/printers/internalversion/printers.go printReplicaSet prints them. Descriptions are
 * the extensions/v1beta1 swagger docs upstream still quotes.
 */

type ReplicaSet = Wire<V1ReplicaSet> & KubeObject;

const DESIRED =
  'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset';
const CURRENT =
  'Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset';
const READY = 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.';
const SELECTOR =
  'Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

export const replicaSetPrinter: Printer = {
  columns: [nameColumn, integer('Desired', DESIRED), integer('Current', CURRENT), integer('Ready', READY), ageColumn, ...templateColumns(SELECTOR)],
  cells(object: KubeObject, now: number): unknown[] {
    const replicaSet = object as ReplicaSet;
    const [containers, images] = layoutContainerCells(replicaSet.spec?.template?.spec?.containers);
    return [
      replicaSet.metadata.name,
      // spec.replicas is defaulted to 1 by the server (k/k pkg/apis/apps/v1/defaults.go).
      replicaSet.spec?.replicas ?? 1,
      replicaSet.status?.replicas ?? 0,
      replicaSet.status?.readyReplicas ?? 0,
      translateTimestampSince(replicaSet.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(replicaSet.spec?.selector),
    ];
  },
};
