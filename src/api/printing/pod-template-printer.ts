import type { V1PodTemplate } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { CONTAINERS_DESCRIPTION, IMAGES_DESCRIPTION, nameColumn, text } from './columns.js';
import { layoutContainerCells } from './containers.js';
import { formatLabels } from './labels-format.js';
import type { Printer } from './types.js';

/**
 * podtemplates, as k/k pkg/printers/internalversion/printers.go printPodTemplate prints them: no Age column, and
 * the template's containers and images shown even without `-o wide`.
 */

type PodTemplate = Wire<V1PodTemplate> & KubeObject;

export const podTemplatePrinter: Printer = {
  columns: [nameColumn, text('Containers', CONTAINERS_DESCRIPTION), text('Images', IMAGES_DESCRIPTION), text('Pod Labels', 'The labels for the pod template.')],
  cells(object: KubeObject): unknown[] {
    const podTemplate = object as PodTemplate;
    const [containers, images] = layoutContainerCells(podTemplate.template?.spec?.containers);
    return [podTemplate.metadata.name, containers, images, formatLabels(podTemplate.template?.metadata?.labels)];
  },
};
