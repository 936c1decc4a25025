import type { ScenarioAction } from '../../fixtures/compact/scenario-model.js';
import type { SimulationContext } from '../controller.js';
import type { KubeletFleet } from '../kubelet/kubelet-fleet.js';
import { setNetworkAvailable } from '../kubelet/network-available.js';
import { NODES } from '../types.js';

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
   * `kubeadm join`: the node's kubelet starts and registers its Node (pkg/kubelet/kubelet_node_status.go
   * registerWithAPIServer), with its first conditions in the same write; one that joins NotReady gets a kubelet
   * whose pod network is not up yet.
   */
  joins(action: NodeAction<'nodeJoins'>): boolean {
    if (!this.kubelets || this.context.store.get(NODES, undefined, action.node)) return false;
    this.kubelets.startKubelet(action.node, { ready: action.networkReady, registration: action.registration });
    return true;
  }

  private setNetworkAvailable(name: string, up: { reason: string; message: string }): void {
    setNetworkAvailable(this.context, name, up);
  }
}
