import type { Node } from '../../objects.js';
import type { SimulationContext } from '../controller.js';
import { rfc3339 } from '../../meta/index.js';
import { copyOf, type NodeCondition, NODES } from '../types.js';

/**
 * What a network add-on's agent does once it runs on a node (weave-kube, flannel): it sets the node's
 * NetworkUnavailable condition False, with its own reason and message, ahead of the kubelet's conditions.
 */
export function setNetworkAvailable(context: Pick<SimulationContext, 'store' | 'clock'>, nodeName: string, up: { reason: string; message: string }): void {
  const { store, clock } = context;
  const stored = store.get(NODES, undefined, nodeName);
  if (!stored) return;
  const node = copyOf(stored.object as Node);
  const now = rfc3339(clock.now());
  const condition: NodeCondition = {
    type: 'NetworkUnavailable',
    status: 'False',
    reason: up.reason,
    message: up.message,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
  };
  const others = (node.status?.conditions ?? []).filter((c) => c.type !== 'NetworkUnavailable');
  node.status = { ...node.status, conditions: [condition, ...others] };
  store.update(NODES, node);
}
