import type { KubeObject } from '../../objects.js';
import { defaultField, fieldsAt, retyped, type Fields } from './json-fields.js';

/**
 * Removed versions whose json fields equal the served version's: only the captured version's defaults
 * (the same as the served version's) and the apiVersion change.
 */

/** scheduling.k8s.io/v1beta1 PriorityClass (pkg/apis/scheduling/v1beta1/defaults.go). */
export function priorityClassToSchedulingV1(object: Fields): KubeObject {
  defaultField(object, 'preemptionPolicy', 'PreemptLowerPriority');
  return retyped(object, 'scheduling.k8s.io/v1', 'PriorityClass');
}

/** coordination.k8s.io/v1beta1 Lease: no defaults. */
export function leaseToCoordinationV1(object: Fields): KubeObject {
  return retyped(object, 'coordination.k8s.io/v1', 'Lease');
}

/** apiregistration.k8s.io/v1beta1 APIService (kube-aggregator SetDefaults_ServiceReference: port 443). */
export function apiServiceToApiregistrationV1(object: Fields): KubeObject {
  const service = fieldsAt(fieldsAt(object, 'spec'), 'service');
  if (service) defaultField(service, 'port', 443);
  return retyped(object, 'apiregistration.k8s.io/v1', 'APIService');
}
