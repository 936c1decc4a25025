import type { V1APIService } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * apiservices.apiregistration.k8s.io. Not a printers.go handler: kube-aggregator's own REST.ConvertToTable
 * (pkg/registry/apiservice/etcd/etcd.go) builds this Table, and its Age cell (apimachinery pkg/api/meta/table
 * ConvertToHumanReadableDateType) is the same text translateTimestampSince gives.
 */

type APIService = Wire<V1APIService> & KubeObject;

/** `Local` for an API served by the kube-apiserver itself, else the backing service's `namespace/name`. */
function service(apiService: APIService): string {
  const reference = apiService.spec?.service;
  return reference ? `${reference.namespace ?? ''}/${reference.name ?? ''}` : 'Local';
}

/** The Available condition: `True`; otherwise its status, with the reason in parentheses when there is one. */
function available(apiService: APIService): string {
  const condition = (apiService.status?.conditions ?? []).find((c) => c.type === 'Available');
  if (!condition) return 'Unknown';
  if (condition.status === 'True' || !condition.reason) return condition.status;
  return `${condition.status} (${condition.reason})`;
}

export const apiServicePrinter: Printer = {
  columns: [
    nameColumn,
    text('Service', 'The reference to the service that hosts this API endpoint.'),
    text('Available', 'Whether this service is available.'),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const apiService = object as APIService;
    return [apiService.metadata.name, service(apiService), available(apiService), translateTimestampSince(apiService.metadata.creationTimestamp, now)];
  },
};
