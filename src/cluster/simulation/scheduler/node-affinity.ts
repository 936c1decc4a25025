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

/**
 * The NodeAffinity plugin's PreFilter (pkg/scheduler/framework/plugins/nodeaffinity): the nodes a required node
 * affinity names by `metadata.name In`, the only ones a cycle then filters (a DaemonSet's pod names its node so).
 * Each term's name requirements intersect, the terms unite; a term without one lets any node in, and so does
 * none at all (undefined). Names in name order. Terms that name no node in common give an empty list, on which
 * upstream fails the pod in PreFilter ("conflict"): that rare case is left to the filters (undefined).
 */
export function requiredNodeNames(spec: Readonly<Wire<V1PodSpec>> | undefined): string[] | undefined {
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const requirement of term.matchFields ?? []) {
      if (requirement.key !== 'metadata.name' || requirement.operator !== 'In') continue;
      const values = new Set(requirement.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((name) => values.has(name))) : values;
    }
    if (!termNames) return undefined;
    for (const name of termNames) names.add(name);
  }
  return names.size === 0 ? undefined : [...names].sort();
}
