import type { GeneratedNode } from './node-objects.js';
import { podIP } from './network.js';

/** Where the scheduler puts the next pod: round-robin over the Ready workers; pod IPs from each node's subnet. */
export class NodePlacer {
  private readonly schedulable: GeneratedNode[];
  private readonly podsOnNode: Uint16Array;
  private cursor = 0;

  constructor(nodes: readonly GeneratedNode[]) {
    const workers = nodes.filter((node) => node.ready && !node.controlPlane);
    // A cluster of control planes only (a one-node kind cluster) runs its pods there, as an untainted one would.
    this.schedulable = workers.length > 0 ? workers : nodes.filter((node) => node.ready);
    if (this.schedulable.length === 0) this.schedulable = [...nodes];
    this.podsOnNode = new Uint16Array(nodes.length);
  }

  /** The next node in turn, and the pod IP it gives (undefined for host-network pods, which use the node's). */
  place(hostNetwork = false): { node: GeneratedNode; podIP: string } {
    const node = this.schedulable[this.cursor % this.schedulable.length] as GeneratedNode;
    this.cursor += 1;
    return { node, podIP: hostNetwork ? node.internalIP : this.nextIP(node) };
  }

  /** A pod IP on a given node (DaemonSet pods are placed by their controller, not the scheduler). */
  nextIP(node: GeneratedNode): string {
    const n = this.podsOnNode[node.index] ?? 0;
    this.podsOnNode[node.index] = n + 1;
    return podIP(node.index, n);
  }
}
