import type { V1ValidatingAdmissionPolicyBinding } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { goLabelSelectorString } from './go-label-selector.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * validatingadmissionpolicybindings.admissionregistration.k8s.io, as k/k pkg/printers/internalversion/printers.go
 * printValidatingAdmissionPolicyBinding prints them. The descriptions' spelling ("binded", "configration") is
 * upstream's.
 */

type ValidatingAdmissionPolicyBinding = Wire<V1ValidatingAdmissionPolicyBinding> & KubeObject;

/**
 * `namespace/name`, with `*` for the namespace when none is given (upstream cannot tell a cluster-scoped param from
 * here); without a name, the selector as Go's LabelSelector.String() dumps it; with neither, or no paramRef, `<unset>`.
 */
function paramRef(binding: ValidatingAdmissionPolicyBinding): string {
  const reference = binding.spec?.paramRef;
  if (!reference) return '<unset>';
  if (reference.name) return `${reference.namespace || '*'}/${reference.name}`;
  if (reference.selector) return goLabelSelectorString(reference.selector);
  return '<unset>';
}

export const validatingAdmissionPolicyBindingPrinter: Printer = {
  columns: [
    nameColumn,
    text('PolicyName', 'PolicyName indicates the policy definition which the policy binding binded to'),
    text('ParamRef', 'ParamRef indicates the param resource which sets the configration param'),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const binding = object as ValidatingAdmissionPolicyBinding;
    return [binding.metadata.name, binding.spec?.policyName ?? '', paramRef(binding), translateTimestampSince(binding.metadata.creationTimestamp, now)];
  },
};
