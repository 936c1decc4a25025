import type { KubeObject } from '../../objects.js';
import { defaultField, ensureFields, fieldsAt, isEmpty, isFields, itemsAt, renameKey, retyped, type Fields } from './json-fields.js';

/**
 * Ingress (extensions/v1beta1, networking.k8s.io/v1beta1), IngressClass (networking.k8s.io/v1beta1) and
 * NetworkPolicy (extensions/v1beta1) → networking.k8s.io/v1. The Ingress conversion is k/k
 * pkg/apis/networking/v1beta1/conversion.go (extensions/v1beta1/conversion.go has the same logic).
 */
const NETWORKING_V1 = 'networking.k8s.io/v1';

/**
 * v1beta1 `serviceName` + `servicePort` (an IntOrString) → v1 `service: {name, port: {name | number}}`.
 * Upstream writes `service` when there is a name, a non-zero number, a non-empty string, or a string-typed
 * port; a numeric port becomes `port.number`, a string port `port.name`.
 */
function convertBackend(backend: unknown): unknown {
  if (!isFields(backend)) return backend;
  const { serviceName, servicePort, resource, ...rest } = backend;
  const converted: Fields = {};
  const name = typeof serviceName === 'string' ? serviceName : '';
  const portIsString = typeof servicePort === 'string';
  const portNumber = typeof servicePort === 'number' ? servicePort : 0;
  if (name !== '' || portNumber !== 0 || portIsString) {
    const port: Fields = {};
    if (portIsString && servicePort !== '') port['name'] = servicePort;
    if (portNumber !== 0) port['number'] = portNumber;
    converted['service'] = { name, port };
  }
  if (resource !== undefined) converted['resource'] = resource;
  return { ...converted, ...rest };
}

export function ingressToNetworkingV1(object: Fields): KubeObject {
  const spec = ensureFields(object, 'spec');
  renameKey(spec, 'backend', 'defaultBackend', convertBackend);
  for (const rule of itemsAt(spec, 'rules')) {
    for (const path of itemsAt(fieldsAt(rule, 'http'), 'paths')) {
      // v1beta1 SetDefaults_HTTPIngressPath, applied on decode before conversion.
      defaultField(path, 'pathType', 'ImplementationSpecific');
      if ('backend' in path) path['backend'] = convertBackend(path['backend']);
    }
  }
  return retyped(object, NETWORKING_V1, 'Ingress');
}

/** No field changes; a parameters reference without a scope is cluster-scoped (SetDefaults_IngressClass). */
export function ingressClassToNetworkingV1(object: Fields): KubeObject {
  const parameters = fieldsAt(fieldsAt(object, 'spec'), 'parameters');
  if (parameters) defaultField(parameters, 'scope', 'Cluster');
  return retyped(object, NETWORKING_V1, 'IngressClass');
}

/**
 * extensions/v1beta1 SetDefaults_NetworkPolicy: missing policyTypes mean Ingress, plus Egress when egress
 * rules exist. (Its loop that meant to default each ingress port's protocol to TCP assigns to a copy of the
 * port and so never changed anything; it is deliberately not imitated.)
 */
export function networkPolicyToNetworkingV1(object: Fields): KubeObject {
  const spec = ensureFields(object, 'spec');
  if (isEmpty(spec['policyTypes'])) spec['policyTypes'] = isEmpty(spec['egress']) ? ['Ingress'] : ['Ingress', 'Egress'];
  return retyped(object, NETWORKING_V1, 'NetworkPolicy');
}
