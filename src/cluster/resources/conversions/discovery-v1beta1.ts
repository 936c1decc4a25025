import type { KubeObject } from '../../objects.js';
import { defaultField, isFields, itemsAt, retyped, type Fields } from './json-fields.js';

/**
 * discovery.k8s.io/v1beta1 EndpointSlice → v1 (k/k pkg/apis/discovery/v1beta1/conversion.go and
 * defaults.go). Only endpoints differ: v1beta1's `topology` map becomes v1's `zone` plus whatever is left
 * in `deprecatedTopology`.
 */
const ZONE_LABEL = 'topology.kubernetes.io/zone';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

/** v1's Endpoint field order; keys it does not know keep their relative order after these. */
const ENDPOINT_V1_ORDER = ['addresses', 'conditions', 'hostname', 'targetRef', 'deprecatedTopology', 'nodeName', 'zone', 'hints'];

function convertEndpoint(endpoint: Fields): Fields {
  const { topology, ...rest } = endpoint;
  const converted: Fields = { ...rest };
  if (isFields(topology)) {
    const deprecated: Fields = { ...topology };
    if (ZONE_LABEL in topology) {
      converted['zone'] = topology[ZONE_LABEL];
      delete deprecated[ZONE_LABEL];
    }
    // The hostname entry goes only when it repeats nodeName (v1beta1 allowed them to differ).
    if (HOSTNAME_LABEL in topology && typeof rest['nodeName'] === 'string' && topology[HOSTNAME_LABEL] === rest['nodeName']) {
      delete deprecated[HOSTNAME_LABEL];
    }
    if (Object.keys(deprecated).length > 0) converted['deprecatedTopology'] = deprecated;
  }
  const ordered: Fields = {};
  for (const key of ENDPOINT_V1_ORDER) if (key in converted) ordered[key] = converted[key];
  for (const [key, value] of Object.entries(converted)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

export function endpointSliceToDiscoveryV1(object: Fields): KubeObject {
  for (const port of itemsAt(object, 'ports')) {
    // SetDefaults_EndpointPort: an unnamed port is named "", the protocol is TCP.
    defaultField(port, 'name', '');
    defaultField(port, 'protocol', 'TCP');
  }
  if (Array.isArray(object['endpoints'])) object['endpoints'] = itemsAt(object, 'endpoints').map(convertEndpoint);
  return retyped(object, 'discovery.k8s.io/v1', 'EndpointSlice');
}
