import { notAcceptable } from '../errors/api-error.js';
import { matchesType, parseAccept } from '../negotiation/accept.js';
import { SERVED_MEDIA_TYPES } from '../negotiation/resource-output.js';
import type { DiscoveryVersion } from './aggregated-documents.js';

export type DiscoveryForm = { form: 'legacy'; yaml: boolean } | { form: 'aggregated'; version: DiscoveryVersion };

/**
 * Picks the form of a discovery answer (apiserver endpoints/discovery/aggregated/wrapper.go and negotiation.go,
 * handlers/negotiation/negotiate.go): Accept clauses are tried in order; one asking for a conversion
 * (`as=…;g=…;v=…`) wins only if it is APIGroupDiscoveryList of apidiscovery.k8s.io v2 or v2beta1 and this
 * endpoint serves aggregated discovery (`/api`, `/apis`), otherwise it is skipped; a plain JSON or YAML clause
 * selects the legacy document. Protobuf is not spoken — every client that asks for it also lists JSON.
 * Unknown parameters (`profile=nopeer`, `pretty`) are ignored. No acceptable clause → 406.
 *
 * v2beta1 is served on purpose although a 1.33 server dropped it (AggregatedDiscoveryRemoveBetaType): the issue
 * asks for it, and kubectl 1.27–1.29 ask only for v2beta1 — with it they make two discovery requests instead of
 * one per group version.
 */
export function negotiateDiscovery(accept: string | undefined, aggregatedServed: boolean): DiscoveryForm {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return { form: 'legacy', yaml: false };
  for (const range of ranges) {
    const as = range.params['as'];
    if (as !== undefined) {
      const version = range.params['v'];
      const aggregated =
        aggregatedServed &&
        as === 'APIGroupDiscoveryList' &&
        range.params['g'] === 'apidiscovery.k8s.io' &&
        (version === 'v2' || version === 'v2beta1') &&
        range.type === 'application' &&
        range.subtype === 'json';
      if (aggregated) return { form: 'aggregated', version };
      continue;
    }
    if (matchesType(range, 'application', 'json')) return { form: 'legacy', yaml: false };
    if (range.type === 'application' && range.subtype === 'yaml') return { form: 'legacy', yaml: true };
  }
  throw notAcceptable(SERVED_MEDIA_TYPES);
}
