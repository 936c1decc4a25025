import type { V1NodeSelectorRequirement, V1PodSpec } from '@kubernetes/client-node';
import type { Node, Wire } from '../../objects.js';

/** A requirement of a node selector term, on a label or the metadata.name field (k8s.io/component-helpers nodeaffinity). */
function requirementMatches(requirement: Wire<V1NodeSelectorRequirement>, value: string | undefined): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

/**
 * requiredDuringSchedulingIgnoredDuringExecution: the node must match one of the terms, each term all of its
 * label expressions and fields (component-helpers/scheduling/corev1/nodeaffinity). No terms: any node.
 */
export function requiredNodeAffinityMatches(spec: Readonly<Wire<V1PodSpec>> | undefined, node: Node): boolean {
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  const labels = node.metadata.labels ?? {};
  return (
    !terms ||
    terms.some(
      (term) =>
        (term.matchExpressions ?? []).every((r) => requirementMatches(r, labels[r.key])) &&
        (term.matchFields ?? []).every((r) => r.key === 'metadata.name' && requirementMatches(r, node.metadata.name)),
    )
  );
}
