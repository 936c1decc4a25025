import type { V1FlowSchema } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * flowschemas.flowcontrol.apiserver.k8s.io, as k/k pkg/printers/internalversion/printers.go printFlowSchema prints
 * them. MissingPL comes after Age, and MatchingPrecedence is a string column carrying a number, both as upstream.
 *
 * Unlike every other printer, upstream's list printer (printFlowSchemaList) reorders the rows: by matchingPrecedence,
 * then by name (k/k pkg/apis/flowcontrol/util FlowSchemaSequence). `order` reproduces that for a list's rows.
 */

type FlowSchema = Wire<V1FlowSchema> & KubeObject;

const PRIORITY_LEVEL = '`name` is the name of the priority level configuration being referenced Required.';
const MATCHING_PRECEDENCE =
  '`matchingPrecedence` is used to choose among the FlowSchemas that match a given request. The chosen FlowSchema is among those with the numerically lowest (which we take to be logically highest) MatchingPrecedence.  Each MatchingPrecedence value must be ranged in [1,10000]. Note that if the precedence is not specified, it will be set to 1000 as default.';
const DISTINGUISHER_METHOD =
  '`distinguisherMethod` defines how to compute the flow distinguisher for requests that match this schema. `nil` specifies that the distinguisher is disabled and thus will always be the empty string.';

/** The server stores an unset (or zero) precedence as 1000 (k/k pkg/apis/flowcontrol/v1/defaults.go). */
const DEFAULT_MATCHING_PRECEDENCE = 1000;

function matchingPrecedence(schema: FlowSchema): number {
  return schema.spec?.matchingPrecedence || DEFAULT_MATCHING_PRECEDENCE;
}

/** The `status` of the `Dangling` condition, or `?` when the controller has not reported one. */
function missingPriorityLevel(schema: FlowSchema): string {
  const dangling = (schema.status?.conditions ?? []).find((c) => c.type === 'Dangling');
  return dangling ? (dangling.status ?? '') : '?';
}

/** Go's string `<`: byte order, which equals UTF-16 order for the DNS-subdomain names FlowSchemas have. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows' order in a FlowSchema list Table: ascending matchingPrecedence, ties by name. A new array; the input is
 * left as it is. Upstream sorts each list it prints, so with `limit`/`continue` each page is sorted on its own.
 */
export function sortFlowSchemas(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort((a, b) => {
    const byPrecedence = matchingPrecedence(a as FlowSchema) - matchingPrecedence(b as FlowSchema);
    return byPrecedence !== 0 ? byPrecedence : byName(a.metadata.name, b.metadata.name);
  });
}

/** A Printer plus the row-ordering hook only this resource needs (see sortFlowSchemas). */
export const flowSchemaPrinter: Printer & { order(objects: readonly KubeObject[]): KubeObject[] } = {
  columns: [
    nameColumn,
    text('PriorityLevel', PRIORITY_LEVEL),
    text('MatchingPrecedence', MATCHING_PRECEDENCE),
    text('DistinguisherMethod', DISTINGUISHER_METHOD),
    ageColumn,
    text('MissingPL', 'references a broken or non-existent PriorityLevelConfiguration'),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const schema = object as FlowSchema;
    return [
      schema.metadata.name,
      schema.spec?.priorityLevelConfiguration?.name ?? '',
      matchingPrecedence(schema),
      schema.spec?.distinguisherMethod?.type ?? '<none>',
      translateTimestampSince(schema.metadata.creationTimestamp, now),
      missingPriorityLevel(schema),
    ];
  },
  order: sortFlowSchemas,
};
