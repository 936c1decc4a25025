import type { V1ResourceQuota } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import { quantityText } from '../../cluster/index.js';
import type { Printer } from './types.js';

/**
 * resourcequotas, as k/k pkg/printers/internalversion/printers.go printResourceQuota prints them: every resource
 * of status.hard as `name: used/hard`, the `limits.*` ones in Limit and all others (pods, count/…, requests.*,
 * bare cpu/memory) in Request.
 */

type ResourceQuota = Wire<V1ResourceQuota> & KubeObject;

const REQUEST = 'Request represents a minimum amount of cpu/memory that a container may consume.';
const LIMIT = 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.';

// Go sorts ResourceNames as strings: by byte, not by locale.
const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isLimit(resource: string): boolean {
  const pieces = resource.split('.');
  return pieces.length > 1 && pieces[0] === 'limits';
}

export const resourceQuotaPrinter: Printer = {
  columns: [nameColumn, text('Request', REQUEST), text('Limit', LIMIT), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const quota = object as ResourceQuota;
    const hard = quota.status?.hard ?? {};
    const used = quota.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const resource of Object.keys(hard).sort(byBytes)) {
      // A resource not yet counted has no `used` entry: Go's zero Quantity, printed 0.
      const entry = `${resource}: ${quantityText(used[resource])}/${quantityText(hard[resource])}`;
      (isLimit(resource) ? limits : requests).push(entry);
    }
    return [quota.metadata.name, requests.join(', '), limits.join(', '), translateTimestampSince(quota.metadata.creationTimestamp, now)];
  },
};
