import type { V1NetworkPolicy } from '@kubernetes/client-node';
import type { KubeObject, Wire } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import { formatLabelSelector } from './labels-format.js';
import type { Printer } from './types.js';

/**
 * networkpolicies.networking.k8s.io, as k/k pkg/printers/internalversion/printers.go printNetworkPolicy prints them.
 * The Pod-Selector description is the extensions/v1beta1 NetworkPolicySpec swagger doc upstream still quotes
 * (k8s.io/api extensions/v1beta1 types_swagger_doc_generated.go, double spaces included).
 */

type NetworkPolicy = Wire<V1NetworkPolicy> & KubeObject;

const POD_SELECTOR =
  'Selects the pods to which this NetworkPolicy object applies.  The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods.  In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.';

export const networkPolicyPrinter: Printer = {
  columns: [nameColumn, text('Pod-Selector', POD_SELECTOR), ageColumn],
  cells(object: KubeObject, now: number): unknown[] {
    const policy = object as NetworkPolicy;
    // podSelector is a struct, not a pointer, upstream: an empty or absent one prints `<none>`.
    return [policy.metadata.name, formatLabelSelector(policy.spec?.podSelector), translateTimestampSince(policy.metadata.creationTimestamp, now)];
  },
};
