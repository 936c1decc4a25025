import type { KubeObject } from '../../objects.js';
import { fieldsAt, retyped, type Fields } from './json-fields.js';

/**
 * node.k8s.io RuntimeClass v1beta1 / v1alpha1 → v1. v1beta1 has v1's fields; v1alpha1 nested them under
 * `spec` with `runtimeHandler` for `handler` (k/k pkg/apis/node/v1alpha1/conversion.go).
 */
export function runtimeClassToNodeV1(object: Fields, version: 'v1beta1' | 'v1alpha1'): KubeObject {
  if (version === 'v1alpha1') {
    const spec = fieldsAt(object, 'spec');
    delete object['spec'];
    object['handler'] = spec?.['runtimeHandler'] ?? '';
    if (spec?.['overhead'] !== undefined) object['overhead'] = spec['overhead'];
    if (spec?.['scheduling'] !== undefined) object['scheduling'] = spec['scheduling'];
  }
  return retyped(object, 'node.k8s.io/v1', 'RuntimeClass');
}
