import type { V1StatefulSet } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, CONTAINERS_DESCRIPTION, IMAGES_DESCRIPTION, nameColumn, text } from './columns.js';
import { layoutContainerCells } from './containers.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * statefulsets.apps, as k/k pkg/printers/internalversion/printers.go printStatefulSet prints them: unlike the
 * other workloads, no Selector column in wide output.
 */

type StatefulSet = Wire<V1StatefulSet> & KubeObject;

export const statefulSetPrinter: Printer = {
  columns: [
    nameColumn,
    text('Ready', 'Number of the pod with ready state'),
    ageColumn,
    text('Containers', CONTAINERS_DESCRIPTION, { priority: 1 }),
    text('Images', IMAGES_DESCRIPTION, { priority: 1 }),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const statefulSet = object as StatefulSet;
    const [containers, images] = layoutContainerCells(statefulSet.spec?.template?.spec?.containers);
    // spec.replicas is defaulted to 1 by the server (k/k pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet).
    const desired = statefulSet.spec?.replicas ?? 1;
    return [
      statefulSet.metadata.name,
      `${statefulSet.status?.readyReplicas ?? 0}/${desired}`,
      translateTimestampSince(statefulSet.metadata.creationTimestamp, now),
      containers,
      images,
    ];
  },
};
