import type { Clock } from './clock.js';
import type { ContainerLogs } from './logs/container-logs.js';
import type { ResourceRegistry } from './resources/registry.js';
import type { ComponentHealth } from './simulation/component-health/index.js';
import type { MetricsSource } from './simulation/metrics/index.js';
import type { ClusterStore } from './store/index.js';

export interface ClusterParts {
  store: ClusterStore;
  registry: ResourceRegistry;
  logs: ContainerLogs;
  clock: Clock;
  /** What metrics-server would report; absent for a cluster without one. */
  metrics?: MetricsSource;
  /** The health of the control-plane components (scheduler, controller manager, etcd). */
  components: ComponentHealth;
  /** A one-line description for the startup banner: "4 nodes, 14 pods, 4 namespaces, 3 services" (or how to make it). */
  summary: string | (() => string);
}

/**
 * A simulated cluster: its objects (the store), the resources it serves, what its containers logged, what its
 * metrics-server would say, its components' health and the clock it lives by. The HTTP layer reads and watches
 * it; it never learns how the cluster is simulated.
 */
export class Cluster {
  readonly store: ClusterStore;
  readonly registry: ResourceRegistry;
  readonly logs: ContainerLogs;
  readonly clock: Clock;
  readonly metrics: MetricsSource | undefined;
  readonly components: ComponentHealth;
  private readonly describe: string | (() => string);
  private readonly closers: (() => void)[] = [];

  constructor(parts: ClusterParts) {
    this.store = parts.store;
    this.registry = parts.registry;
    this.logs = parts.logs;
    this.clock = parts.clock;
    this.metrics = parts.metrics;
    this.components = parts.components;
    this.describe = parts.summary;
  }

  /** A one-line description of what the cluster holds, for the startup banner. */
  get summary(): string {
    return typeof this.describe === 'string' ? this.describe : this.describe();
  }

  /** Registers something to stop when the cluster closes (the simulation's timers). */
  onClose(closer: () => void): void {
    this.closers.push(closer);
  }

  close(): void {
    for (const closer of this.closers.splice(0)) closer();
  }
}
