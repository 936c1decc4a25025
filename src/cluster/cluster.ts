import type { Clock } from './clock.js';
import type { ContainerLogs } from './logs/container-logs.js';
import type { ResourceRegistry } from './resources/registry.js';
import type { ClusterStore } from './store/index.js';

/**
 * A simulated cluster: its objects (the store), the resources it serves, what its containers logged and the
 * clock it lives by. The HTTP layer reads and watches it; it never learns how the cluster is simulated.
 */
export class Cluster {
  private readonly closers: (() => void)[] = [];

  constructor(
    readonly store: ClusterStore,
    readonly registry: ResourceRegistry,
    readonly logs: ContainerLogs,
    readonly clock: Clock,
    /** A one-line description for the startup banner: "4 nodes, 14 pods in 2 namespaces". */
    readonly summary: string,
  ) {}

  /** Registers something to stop when the cluster closes (the simulation's timers, in the next issue). */
  onClose(closer: () => void): void {
    this.closers.push(closer);
  }

  close(): void {
    for (const closer of this.closers.splice(0)) closer();
  }
}
