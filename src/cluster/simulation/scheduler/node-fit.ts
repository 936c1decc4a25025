import type { Node, Pod } from '../../objects.js';
import { quantityMilliValue, quantityValue } from '../../meta/index.js';
import { labelSetMatches } from '../../selectors/index.js';
import { requiredNodeAffinityMatches } from './node-affinity.js';
import { firstUntoleratedTaint, tolerated, UNSCHEDULABLE_TAINT_KEY } from '../taints.js';

/** A filter's verdict on one node: the reasons, and whether preemption could ever help (kube-scheduler Status codes). */
export interface FitFailure {
  reasons: string[];
  /** UnschedulableAndUnresolvable: evicting other pods would not make the node fit. */
  unresolvable: boolean;
}

export interface Requests {
  milliCpu: number;
  memory: number;
}

/** What is already bound to a node: the sum of its pods' requests and how many pods there are. */
export interface NodeUsage extends Requests {
  pods: number;
}

/** Sum of the containers' requests (limits stand in when requests are absent, as the apiserver defaults them). */
export function podRequests(pod: Pod): Requests {
  let cpu = 0;
  let memory = 0;
  for (const container of pod.spec?.containers ?? []) {
    const requests = container.resources?.requests ?? container.resources?.limits ?? {};
    cpu += quantityMilliValue(requests.cpu);
    memory += quantityValue(requests.memory);
  }
  return { milliCpu: cpu, memory };
}

export function allocatable(node: Node): NodeUsage {
  const resources = node.status?.allocatable ?? node.status?.capacity ?? {};
  return { milliCpu: quantityMilliValue(resources.cpu), memory: quantityValue(resources.memory), pods: Number(resources.pods ?? 110) };
}

/**
 * The default profile's filter plugins that look at the node alone, in their order (pkg/scheduler/framework/plugins):
 * NodeUnschedulable, TaintToleration, NodeAffinity (nodeSelector and required node affinity). A node fails at the
 * first plugin that rejects it, so each node contributes one plugin's reasons, as in the real FitError.
 */
export function constraintFailure(pod: Pod, node: Node): FitFailure | undefined {
  const tolerations = pod.spec?.tolerations;
  if (node.spec?.unschedulable && !tolerated(tolerations, { key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule' })) {
    return { reasons: ['node(s) were unschedulable'], unresolvable: true };
  }
  const taint = firstUntoleratedTaint(node.spec?.taints, tolerations, ['NoSchedule', 'NoExecute']);
  if (taint) return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
  if (!labelSetMatches(pod.spec?.nodeSelector, node.metadata.labels) || !requiredNodeAffinityMatches(pod.spec, node)) {
    return { reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
  }
  return undefined;
}

/** NodeResourcesFit, the last filter: room for one more pod and for its requests beside what is bound there. */
export function resourceFailure(requests: Requests, capacity: NodeUsage, usage: NodeUsage): FitFailure | undefined {
  const tooMany = usage.pods + 1 > capacity.pods;
  const cpu = requests.milliCpu > 0 && usage.milliCpu + requests.milliCpu > capacity.milliCpu;
  const memory = requests.memory > 0 && usage.memory + requests.memory > capacity.memory;
  if (!tooMany && !cpu && !memory) return undefined;
  const reasons: string[] = [];
  if (tooMany) reasons.push('Too many pods');
  if (cpu) reasons.push('Insufficient cpu');
  if (memory) reasons.push('Insufficient memory');
  return { reasons, unresolvable: false };
}

/**
 * framework.FitError.Error() and the default preemption's message: reasons counted over nodes, each "N reason",
 * sorted as strings; then what preemption found: nodes it cannot help ("Preemption is not helpful for
 * scheduling") and nodes without lower-priority victims ("No preemption victims found for incoming pod").
 */
export function fitErrorMessage(nodeCount: number, failures: readonly FitFailure[]): string {
  if (nodeCount === 0) return 'no nodes available to schedule pods';
  const counts = new Map<string, number>();
  for (const failure of failures) for (const reason of failure.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const summary = (entries: Map<string, number>): string =>
    [...entries]
      .map(([reason, count]) => `${count} ${reason}`)
      .sort()
      .join(', ');
  const preemption = new Map<string, number>();
  const notHelpful = failures.filter((f) => f.unresolvable).length;
  const noVictims = failures.length - notHelpful;
  if (notHelpful > 0) preemption.set('Preemption is not helpful for scheduling', notHelpful);
  if (noVictims > 0) preemption.set('No preemption victims found for incoming pod', noVictims);
  return `0/${nodeCount} nodes are available: ${summary(counts)}. preemption: 0/${nodeCount} nodes are available: ${summary(preemption)}.`;
}
