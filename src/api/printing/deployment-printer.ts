import type { V1Deployment } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, templateColumns, text } from './columns.js';
import { layoutContainerCells } from './containers.js';
import { translateTimestampSince } from './human-duration.js';
import { labelSelectorString } from './labels-format.js';
import type { Printer } from './types.js';

/**
 * deployments.apps, as k/k pkg/printers/internalversion/printers.go printDeployment prints them. Descriptions are
 * the extensions/v1beta1 swagger docs upstream still quotes.
 */

type Deployment = Wire<V1Deployment> & KubeObject;

const UPDATED = 'Total number of non-terminating pods targeted by this deployment that have the desired template spec.';
const AVAILABLE = 'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.';
const SELECTOR = 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.';

export const deploymentPrinter: Printer = {
  // Up-to-date and Available are declared string columns but carry integers, as upstream.
  columns: [
    nameColumn,
    text('Ready', 'Number of the pod with ready state'),
    text('Up-to-date', UPDATED),
    text('Available', AVAILABLE),
    ageColumn,
    ...templateColumns(SELECTOR),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const deployment = object as Deployment;
    const status = deployment.status;
    // spec.replicas is defaulted to 1 by the server (k/k pkg/apis/apps/v1/defaults.go).
    const desired = deployment.spec?.replicas ?? 1;
    const [containers, images] = layoutContainerCells(deployment.spec?.template?.spec?.containers);
    // Unlike the other workloads, an empty selector prints as "" here (selector.String(), not FormatLabelSelector).
    const selector = labelSelectorString(deployment.spec?.selector) ?? '<invalid>';
    return [
      deployment.metadata.name,
      `${status?.readyReplicas ?? 0}/${desired}`,
      status?.updatedReplicas ?? 0,
      status?.availableReplicas ?? 0,
      translateTimestampSince(deployment.metadata.creationTimestamp, now),
      containers,
      images,
      selector,
    ];
  },
};
