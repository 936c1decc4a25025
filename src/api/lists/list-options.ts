import {
  checkFieldSelector,
  type FieldSelector,
  type LabelSelector,
  type ObjectQuery,
  parseFieldSelector,
  parseLabelSelector,
  type ContinuePoint,
  decodeContinue,
  parseResourceVersion,
  type ResourceType,
  type ResourceVersionMatch,
} from '../../cluster/index.js';
import { ApiError, badRequest, invalid, type InvalidCause } from '../errors/api-error.js';
import { queryBool, queryInt } from '../request/query-values.js';
import { fromStore } from '../errors/store-errors.js';

/** metav1.ListOptions as the server reads them from the query string. */
export interface ListOptions {
  query: ObjectQuery;
  limit?: number;
  continueFrom?: ContinuePoint;
  resourceVersion?: string;
  resourceVersionMatch?: ResourceVersionMatch;
  timeoutSeconds?: number;
  allowWatchBookmarks: boolean;
  sendInitialEvents?: boolean;
}

type Query = Record<string, unknown>;

const single = (query: Query, name: string): string | undefined => {
  const value = query[name];
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
  return value === undefined ? undefined : String(value);
};

const integer = (query: Query, name: string): number | undefined => queryInt(single(query, name));

/**
 * Parses list/watch options, validating them as the real server does (apimachinery pkg/apis/meta/internalversion/
 * validation/validation.go): selector syntax and supported fields (400), resourceVersionMatch rules (422).
 */
export function parseListOptions(type: ResourceType, query: Query, namespace: string | undefined, isWatch: boolean): ListOptions {
  const labelSelector = parseSelector(() => parseLabelSelector(single(query, 'labelSelector') ?? ''));
  const fieldSelector = parseSelector(() => checkFieldSelector(parseFieldSelector(single(query, 'fieldSelector') ?? ''), type.fieldSelector));
  const objectQuery: ObjectQuery = {
    ...(namespace !== undefined ? { namespace } : {}),
    ...(labelSelector.isEmpty() ? {} : { labelSelector }),
    ...(fieldSelector.isEmpty() ? {} : { fieldSelector }),
  };
  const resourceVersion = single(query, 'resourceVersion');
  const match = single(query, 'resourceVersionMatch');
  const sendInitialEvents = single(query, 'sendInitialEvents');
  const continueToken = single(query, 'continue');
  const limit = integer(query, 'limit');
  const timeoutSeconds = integer(query, 'timeoutSeconds');

  const causes = isWatch
    ? watchOptionErrors(match, sendInitialEvents, continueToken)
    : listOptionErrors(match, sendInitialEvents, resourceVersion, continueToken);
  if (causes.length > 0) throw invalid('ListOptions', 'meta.k8s.io', '', causes);

  let continueFrom: ContinuePoint | undefined;
  // A watch has no pages: its continue parameter is ignored, as the watch cache ignores it.
  if (continueToken && !isWatch) {
    if (resourceVersion !== undefined && resourceVersion !== '' && resourceVersion !== '0') {
      throw badRequest('specifying resource version is not allowed when using continue');
    }
    continueFrom = fromStore(() => decodeContinue(continueToken));
  }
  if (resourceVersion !== undefined && resourceVersion !== '') fromStore(() => parseResourceVersion(resourceVersion));

  return {
    query: objectQuery,
    ...(limit !== undefined && limit > 0 ? { limit } : {}),
    ...(continueFrom ? { continueFrom } : {}),
    ...(resourceVersion !== undefined && resourceVersion !== '' ? { resourceVersion } : {}),
    ...(match === 'NotOlderThan' || match === 'Exact' ? { resourceVersionMatch: match } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
    allowWatchBookmarks: queryBool(single(query, 'allowWatchBookmarks')),
    ...(sendInitialEvents !== undefined ? { sendInitialEvents: queryBool(sendInitialEvents) } : {}),
  };
}

function parseSelector<T extends LabelSelector | FieldSelector>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof Error && error.name === 'SelectorError') throw badRequest(error.message);
    throw error;
  }
}

const forbidden = (field: string, detail: string): InvalidCause => ({ field, reason: 'FieldValueForbidden', detail: `Forbidden: ${detail}` });

/** apimachinery internalversion/validation ValidateListOptions, for a list. */
function listOptionErrors(
  match: string | undefined,
  sendInitialEvents: string | undefined,
  resourceVersion: string | undefined,
  continueToken: string | undefined,
): InvalidCause[] {
  const causes: InvalidCause[] = [];
  if (sendInitialEvents !== undefined) causes.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  if (match === undefined || match === '') return causes;
  if (!resourceVersion) causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
  if (continueToken) causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
  if (match !== 'NotOlderThan' && match !== 'Exact') {
    causes.push({
      field: 'resourceVersionMatch',
      reason: 'FieldValueNotSupported',
      detail: `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan", ""`,
    });
  }
  if (match === 'Exact' && resourceVersion === '0') {
    causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  }
  return causes;
}

/** The same for a watch (validateWatchOptions): resourceVersionMatch only with sendInitialEvents, and only NotOlderThan. */
function watchOptionErrors(match: string | undefined, sendInitialEvents: string | undefined, continueToken: string | undefined): InvalidCause[] {
  const causes: InvalidCause[] = [];
  if (sendInitialEvents !== undefined && match !== 'NotOlderThan') {
    causes.push(forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
  }
  if (match === undefined || match === '') return causes;
  if (sendInitialEvents === undefined)
    causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
  if (match !== 'NotOlderThan') {
    causes.push({ field: 'resourceVersionMatch', reason: 'FieldValueNotSupported', detail: `Unsupported value: "${match}": supported values: "NotOlderThan"` });
  }
  if (continueToken) causes.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
  return causes;
}
