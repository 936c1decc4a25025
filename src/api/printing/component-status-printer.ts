import type { ComponentStatus, KubeObject } from '../../cluster/index.js';
import { nameColumn, text } from './columns.js';
import type { Printer } from './types.js';

/** componentstatuses, as k/k pkg/printers/internalversion/printers.go printComponentStatus prints them (no Age). */
export const componentStatusPrinter: Printer = {
  columns: [
    nameColumn,
    text('Status', 'Status of the component conditions'),
    text('Message', 'Message of the component conditions'),
    text('Error', 'Error of the component conditions'),
  ],
  cells(object: KubeObject): unknown[] {
    const component = object as ComponentStatus;
    const healthy = component.conditions?.find((c) => c.type === 'Healthy');
    if (!healthy) return [component.metadata.name, 'Unknown', '', ''];
    return [component.metadata.name, healthy.status === 'True' ? 'Healthy' : 'Unhealthy', healthy.message ?? '', healthy.error ?? ''];
  },
};
