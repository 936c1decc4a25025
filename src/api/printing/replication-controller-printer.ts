import type { V1ReplicationController } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, integer, nameColumn, templateColumns } from './columns.js';
import { layoutContainerCells } from './containers.js';
import { translateTimestampSince } from './human-duration.js';
import { formatLabels } from './labels-format.js';
import type { Printer } from './types.js';

/**
 * replicationcontrollers, as k/k pkg/printers/internalversion/printers.go printReplicationController prints them.
 * Descriptions are the core/v1 swagger docs upstream quotes.
 */

type ReplicationController = Wire<V1ReplicationController> & KubeObject;

const DESIRED =
  'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller';
const CURRENT =
  'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller';
const READY = 'The number of ready replicas for this replication controller.';
const SELECTOR =
  'Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

export const replicationControllerPrinter: Printer = {
  columns: [nameColumn, integer('Desired', DESIRED), integer('Current', CURRENT), integer('Ready', READY), ageColumn, ...templateColumns(SELECTOR)],
  cells(object: KubeObject, now: number): unknown[] {
    const controller = object as ReplicationController;
    const { spec, status } = controller;
    const template = spec?.template;
    const [containers, images] = layoutContainerCells(template?.spec?.containers);
    // The server defaults an empty selector to the template's labels (k/k pkg/apis/core/v1/defaults.go
    // SetDefaults_ReplicationController), and a plain map selector prints as labels, not as a LabelSelector.
    const selector = Object.keys(spec?.selector ?? {}).length > 0 ? spec?.selector : template?.metadata?.labels;
    return [
      controller.metadata.name,
      // spec.replicas is defaulted to 1 by the server (declarative default in k8s.io/api core/v1).
      spec?.replicas ?? 1,
      status?.replicas ?? 0,
      status?.readyReplicas ?? 0,
      translateTimestampSince(controller.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabels(selector),
    ];
  },
};
