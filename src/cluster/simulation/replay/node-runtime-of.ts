import type { ClusterHistory } from '../../fixtures/compact/cluster-history.js';
import { pullKey } from '../../fixtures/compact/cluster-history.js';
import type { Pod } from '../../objects.js';
import { plainCopy } from '../../meta/index.js';
import { labelSetMatches } from '../../selectors/index.js';
import type { BehaviourSource } from '../kubelet/kubelet-config.js';
import type { NodeRuntime } from '../kubelet/node-runtime.js';

/** The machines of a cluster's history as its kubelets observe them. */
export function nodeRuntimeOf(history: Pick<ClusterHistory, 'machines' | 'staticPods' | 'pullsEndAt' | 'network'>): NodeRuntime {
  const { network } = history;
  return {
    machines: history.machines,
    staticPods: (nodeName) => (history.staticPods.get(nodeName) ?? []).map((pod) => plainCopy(pod) as Pod),
    pullEndsAt: (nodeName, image) => history.pullsEndAt.get(pullKey(nodeName, image)),
    ...(network
      ? {
          network: {
            isAgent: (pod: Pod) =>
              network.agent !== undefined && pod.metadata.namespace === network.agent.namespace && labelSetMatches(network.agent.selector, pod.metadata.labels),
            condition: network.condition,
            installed: (nodeName: string) => network.cniInstalled.includes(nodeName),
          },
        }
      : {}),
  };
}

/**
 * What the file says each workload's containers log. Pods are known by name only: a workload's pods are named
 * after it (`<name>`, `<name>-<node>`, `<name>-<hash>-<suffix>`), the longest workload name matching wins.
 */
export function behavioursOf(history: Pick<ClusterHistory, 'logs'>): BehaviourSource | undefined {
  if (history.logs.length === 0) return undefined;
  return (namespace, pod, container) => {
    const matching = history.logs
      .filter((log) => log.namespace === namespace && log.container === container && (pod === log.workload || pod.startsWith(`${log.workload}-`)))
      .sort((a, b) => b.workload.length - a.workload.length)[0];
    return matching ? { logScript: matching.lines } : undefined;
  };
}
