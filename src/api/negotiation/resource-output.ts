import { notAcceptable } from '../errors/api-error.js';
import { type MediaRange, matchesType, parseAccept } from './accept.js';

/** How a resource response is rendered: the object(s) as JSON or YAML, or a server-side printed Table. */
export type ResourceOutput =
  | { format: 'json'; pretty: boolean }
  | { format: 'yaml' }
  | { format: 'table'; version: 'v1' | 'v1beta1'; pretty: boolean }
  /** meta.k8s.io PartialObjectMetadata(List): the objects' metadata alone (client-go's metadata client), in JSON or protobuf. */
  | { format: 'metadata'; version: 'v1' | 'v1beta1'; pretty: boolean; protobuf?: true }
  /** The objects' protobuf messages (client-go's typed clients: `application/vnd.kubernetes.protobuf,application/json`). */
  | { format: 'protobuf' };

/** The metadata-only kind a request may be answered as: the list kind for a list, the object kind otherwise. */
export type PartialMetadataKind = 'PartialObjectMetadata' | 'PartialObjectMetadataList';

export const SERVED_MEDIA_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'] as const;

/** What a resource without protobuf messages serves (custom resources: apiextensions-apiserver's codecs). */
const JSON_MEDIA_TYPES = ['application/json', 'application/yaml'] as const;

function isProtobuf(range: MediaRange): boolean {
  return range.type === 'application' && range.subtype === 'vnd.kubernetes.protobuf';
}

/**
 * Chooses the output for a GET/LIST/WATCH of a resource. A clause asking for a conversion this endpoint cannot
 * make (`as=` other than Table or the request's PartialObjectMetadata kind, or Table where tables are not
 * possible) is skipped, so
 * `...;as=Table..., application/json` falls through to JSON (apiserver negotiation/negotiate.go).
 * Protobuf is spoken where the answer's kind has a message (`protobuf`: every built-in kind, not a custom resource);
 * a Table is JSON only, so `application/vnd.kubernetes.protobuf;as=Table...` is skipped like any other clause the
 * endpoint cannot answer.
 */
export function negotiateResourceOutput(
  accept: string | undefined,
  options: { tableAllowed: boolean; pretty: boolean; partialMetadata?: PartialMetadataKind; protobuf?: boolean },
): ResourceOutput {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return { format: 'json', pretty: options.pretty };
  for (const range of ranges) {
    const as = range.params['as'];
    if (as !== undefined) {
      const group = range.params['g'];
      const version = range.params['v'];
      if (
        as === 'Table' &&
        options.tableAllowed &&
        group === 'meta.k8s.io' &&
        (version === 'v1' || version === 'v1beta1') &&
        matchesType(range, 'application', 'json')
      ) {
        return { format: 'table', version, pretty: options.pretty || range.params['pretty'] === '1' };
      }
      if (as === options.partialMetadata && group === 'meta.k8s.io' && (version === 'v1' || version === 'v1beta1')) {
        if (isProtobuf(range)) return { format: 'metadata', version, pretty: false, protobuf: true };
        if (matchesType(range, 'application', 'json')) return { format: 'metadata', version, pretty: options.pretty || range.params['pretty'] === '1' };
      }
      continue;
    }
    if (matchesType(range, 'application', 'json')) return { format: 'json', pretty: options.pretty || range.params['pretty'] === '1' };
    if (range.type === 'application' && range.subtype === 'yaml') return { format: 'yaml' };
    if (options.protobuf && isProtobuf(range)) return { format: 'protobuf' };
  }
  throw notAcceptable(options.protobuf ? SERVED_MEDIA_TYPES : JSON_MEDIA_TYPES);
}

/** `?pretty=true`, or a client that is a person (curl, wget, a browser) — apiserver's isPrettyPrint. */
export function wantsPretty(query: Record<string, unknown>, userAgent: string | undefined): boolean {
  const pretty = query['pretty'];
  if (pretty === 'true' || pretty === '1') return true;
  if (pretty === 'false' || pretty === '0') return false;
  return /^(curl|Wget|Mozilla\/5\.0)/.test(userAgent ?? '');
}
