import type { V1IngressClass } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** ingressclasses.networking.k8s.io, as k/k pkg/printers/internalversion/printers.go printIngressClass prints them. */

type IngressClass = Wire<V1IngressClass> & KubeObject;

/** `Kind[.apiGroup]/name`; a present but empty apiGroup still adds the dot, as upstream tests only for nil. */
function parameters(ingressClass: IngressClass): string {
  const reference = ingressClass.spec?.parameters;
  if (!reference) return '<none>';
  const group = reference.apiGroup ?? undefined;
  const kind = group === undefined ? reference.kind : `${reference.kind}.${group}`;
  return `${kind}/${reference.name}`;
}

export const ingressClassPrinter: Printer = {
  columns: [
    nameColumn,
    text('Controller', 'Controller that is responsible for handling this class'),
    text('Parameters', 'A reference to a resource with additional parameters'),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const ingressClass = object as IngressClass;
    return [
      ingressClass.metadata.name,
      ingressClass.spec?.controller ?? '',
      parameters(ingressClass),
      translateTimestampSince(ingressClass.metadata.creationTimestamp, now),
    ];
  },
};
