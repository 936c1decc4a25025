import type { V1ValidatingAdmissionPolicy } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, integer, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/**
 * validatingadmissionpolicies.admissionregistration.k8s.io, as k/k pkg/printers/internalversion/printers.go
 * printValidatingAdmissionPolicy prints them.
 */

type ValidatingAdmissionPolicy = Wire<V1ValidatingAdmissionPolicy> & KubeObject;

/** `apiVersion/kind` of spec.paramKind, or `<unset>`. */
function paramKind(policy: ValidatingAdmissionPolicy): string {
  const kind = policy.spec?.paramKind;
  return kind ? `${kind.apiVersion ?? ''}/${kind.kind ?? ''}` : '<unset>';
}

export const validatingAdmissionPolicyPrinter: Printer = {
  columns: [
    nameColumn,
    integer('Validations', 'Validations indicates the number of validation rules defined in this configuration'),
    text('ParamKind', 'ParamKind specifies the kind of resources used to parameterize this policy'),
    ageColumn,
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const policy = object as ValidatingAdmissionPolicy;
    return [policy.metadata.name, (policy.spec?.validations ?? []).length, paramKind(policy), translateTimestampSince(policy.metadata.creationTimestamp, now)];
  },
};
