import type { ScenarioAction } from '../../fixtures/compact/scenario-model.js';
import type { Node } from '../../objects.js';
import type { SimulationContext } from '../controller.js';
import type { KubeletFleet } from '../kubelet/kubelet-fleet.js';
import { rfc3339 } from '../../meta/index.js';
import { copyOf, type NodeCondition, NODES } from '../types.js';

type NodeAction<T extends ScenarioAction['type']> = Extract<ScenarioAction, { type: T }>;

/**
 * Node steps act through the node's kubelet, as the real events would: a node's network coming up is its kubelet
 * reporting Ready (after the network add-on set NetworkUnavailable=False, as weave-net and flannel do); a failing
 * machine is a kubelet that stops renewing its Lease and posting status, which the node lifecycle controller
 * notices on its own; a recovered machine is a kubelet starting again.
 */
export class NodeSteps {
  constructor(
    private readonly context: SimulationContext,
    private readonly kubelets: KubeletFleet | undefined,
  ) {}

  /** Whether the step could act (false: no kubelet fleet runs, or the node is gone). */
  ready(action: NodeAction<'nodeReady'>): boolean {
    const kubelet = this.kubelets?.kubelet(action.node);
    if (!kubelet) return false;
    if (action.networkUp) this.setNetworkAvailable(action.node, action.networkUp);
    kubelet.setReady(true);
    return true;
  }

  fails(action: NodeAction<'nodeFails'>): boolean {
    if (!this.kubelets?.kubelet(action.node)) return false;
    this.kubelets.stopKubelet(action.node);
    return true;
  }

  recovers(action: NodeAction<'nodeRecovers'>): boolean {
    if (!this.kubelets || !this.context.store.get(NODES, undefined, action.node)) return false;
    this.kubelets.startKubelet(action.node, { ready: true });
    return true;
  }

  /**
   * The kubelet's registration (pkg/kubelet/kubelet_node_status.go registerWithAPIServer): the Node is created
   * with the kubelet's labels, addresses, capacity and first conditions, stamped now. The kubelet fleet starts
   * a kubelet for every new Node; one that joins NotReady gets a kubelet whose network is not up yet.
   */
  joins(action: NodeAction<'nodeJoins'>): boolean {
    const { store, clock } = this.context;
    if (store.get(NODES, undefined, action.node)) return false;
    const now = rfc3339(clock.now());
    const node = copyOf(action.object as Node);
    node.metadata = { ...node.metadata, creationTimestamp: now };
    for (const condition of node.status?.conditions ?? []) {
      condition.lastHeartbeatTime = now;
      condition.lastTransitionTime = now;
    }
    store.create(NODES, node);
    if (!action.ready) this.kubelets?.startKubelet(action.node, { ready: false });
    return true;
  }

  private setNetworkAvailable(name: string, up: { reason: string; message: string }): void {
    const { store, clock } = this.context;
    const stored = store.get(NODES, undefined, name);
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
}
