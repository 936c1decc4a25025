import type { V1DaemonSet } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, integer, nameColumn, templateColumns, text } from './columns.js';
import { layoutContainerCells } from './containers.js';
import { translateTimestampSince } from './human-duration.js';
import { formatLabels, formatLabelSelector } from './labels-format.js';
import type { Printer } from './types.js';

/**
 * daemonsets.apps, as k/k pkg/printers/internalversion/printers.go printDaemonSet prints them. Descriptions are
 * the extensions/v1beta1 (and core PodSpec) swagger docs upstream quotes.
 */

type DaemonSet = Wire<V1DaemonSet> & KubeObject;

const DESIRED =
  'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/';
const CURRENT =
  'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/';
const READY = 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.';
const UPDATED = 'The total number of nodes that are running updated daemon pod';
const AVAILABLE =
  'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)';
const NODE_SELECTOR =
  "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/";
const SELECTOR =
  'A label query over pods that are managed by the daemon set. Must match in order to be controlled. If empty, defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

export const daemonSetPrinter: Printer = {
  columns: [
    nameColumn,
    integer('Desired', DESIRED),
    integer('Current', CURRENT),
    integer('Ready', READY),
    integer('Up-to-date', UPDATED),
    integer('Available', AVAILABLE),
    text('Node Selector', NODE_SELECTOR),
    ageColumn,
    ...templateColumns(SELECTOR),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const daemonSet = object as DaemonSet;
    const status = daemonSet.status;
    const podSpec = daemonSet.spec?.template?.spec;
    const [containers, images] = layoutContainerCells(podSpec?.containers);
    return [
      daemonSet.metadata.name,
      status?.desiredNumberScheduled ?? 0,
      status?.currentNumberScheduled ?? 0,
      status?.numberReady ?? 0,
      status?.updatedNumberScheduled ?? 0,
      status?.numberAvailable ?? 0,
      formatLabels(podSpec?.nodeSelector),
      translateTimestampSince(daemonSet.metadata.creationTimestamp, now),
      containers,
      images,
      formatLabelSelector(daemonSet.spec?.selector),
    ];
  },
};
