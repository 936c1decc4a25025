import { queryBool, queryInt } from '../request/query-values.js';
import { badRequest, invalid, type InvalidCause } from '../errors/api-error.js';

/** core/v1 PodLogOptions as read from the query string. */
export interface PodLogOptions {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  limitBytes?: number;
  sinceSeconds?: number;
  sinceTime?: number;
}

type Query = Record<string, unknown>;

const text = (query: Query, name: string): string | undefined => {
  const value = query[name];
  if (Array.isArray(value)) return value[0] === undefined ? undefined : String(value[0]);
  return value === undefined ? undefined : String(value);
};

const bool = (query: Query, name: string): boolean => queryBool(text(query, name));

const int = (query: Query, name: string): number | undefined => queryInt(text(query, name));

/** Parses and validates like k/k pkg/apis/core/validation ValidatePodLogOptions. */
export function parsePodLogOptions(podName: string, query: Query): PodLogOptions {
  const options: PodLogOptions = {
    follow: bool(query, 'follow'),
    previous: bool(query, 'previous'),
    timestamps: bool(query, 'timestamps'),
  };
  const container = text(query, 'container');
  if (container) options.container = container;
  const tailLines = int(query, 'tailLines');
  const limitBytes = int(query, 'limitBytes');
  const sinceSeconds = int(query, 'sinceSeconds');
  const sinceTimeText = text(query, 'sinceTime');
  const causes: InvalidCause[] = [];
  if (tailLines !== undefined) {
    if (tailLines < 0)
      causes.push({ field: 'tailLines', reason: 'FieldValueInvalid', detail: `Invalid value: ${tailLines}: must be greater than or equal to 0` });
    options.tailLines = tailLines;
  }
  if (limitBytes !== undefined) {
    if (limitBytes < 1) causes.push({ field: 'limitBytes', reason: 'FieldValueInvalid', detail: `Invalid value: ${limitBytes}: must be greater than 0` });
    options.limitBytes = limitBytes;
  }
  if (sinceSeconds !== undefined) {
    if (sinceSeconds < 1) causes.push({ field: 'sinceSeconds', reason: 'FieldValueInvalid', detail: `Invalid value: ${sinceSeconds}: must be greater than 0` });
    options.sinceSeconds = sinceSeconds;
  }
  if (sinceTimeText) {
    const time = Date.parse(sinceTimeText);
    if (Number.isNaN(time)) throw badRequest(`parsing time "${sinceTimeText}" as "2006-01-02T15:04:05Z07:00": cannot parse`);
    options.sinceTime = time;
    if (sinceSeconds !== undefined)
      causes.push({ field: '', reason: 'FieldValueForbidden', detail: 'Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified' });
  }
  if (causes.length > 0) throw invalid('PodLogOptions', '', podName, causes);
  return options;
}
