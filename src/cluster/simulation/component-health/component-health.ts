import type { ComponentStatus } from '../../objects.js';
import type { ClusterStore } from '../../store/index.js';

/** The control-plane components `kubectl get componentstatuses` reports on (k/k pkg/registry/core/componentstatus). */
export type Component = 'scheduler' | 'controller-manager' | 'etcd';

export const COMPONENTS: readonly Component[] = ['scheduler', 'controller-manager', 'etcd'];

export interface ComponentState {
  healthy: boolean;
  /** What the probe answered: the health endpoint's body, or why it could not be reached. */
  message: string;
}

/** The ComponentStatus object each component is reported as; the API server numbers its etcd servers. */
export const STATUS_NAME: Readonly<Record<Component, string>> = { scheduler: 'scheduler', 'controller-manager': 'controller-manager', etcd: 'etcd-0' };

/**
 * Where the API server probes each component (k/k pkg/controlplane/instance.go componentStatusStorage: the
 * scheduler's and controller manager's secure ports, etcd's client URL).
 */
const PROBE_URL: Readonly<Record<Component, string>> = {
  scheduler: 'https://127.0.0.1:10259/healthz',
  'controller-manager': 'https://127.0.0.1:10257/healthz',
  etcd: 'https://127.0.0.1:2379/health',
};

const HEALTHY_MESSAGE: Readonly<Record<Component, string>> = { scheduler: 'ok', 'controller-manager': 'ok', etcd: '{"health":"true"}' };

/**
 * What a failed probe says: an HTTP prober that cannot connect reports Failure with Go's error text as the
 * data (k/k pkg/probe/http), which the registry puts in the condition's message.
 */
export function unreachableMessage(component: Component): string {
  const url = PROBE_URL[component];
  const hostPort = new URL(url).host;
  return `Get "${url}": dial tcp ${hostPort}: connect: connection refused`;
}

/**
 * The simulated control plane's health: what a scenario flips and what componentstatuses and /readyz read.
 * Changes are announced to listeners (the controller writes them to the store from a task of its own).
 */
export class ComponentHealth {
  private readonly states = new Map<Component, ComponentState>();
  private readonly healthyMessages = new Map<Component, string>();
  private readonly listeners = new Set<(component: Component) => void>();

  constructor(initial: Partial<Record<Component, ComponentState>> = {}) {
    for (const component of COMPONENTS) {
      const state = initial[component] ?? { healthy: true, message: HEALTHY_MESSAGE[component] };
      this.states.set(component, { ...state });
      this.healthyMessages.set(component, state.healthy ? state.message : HEALTHY_MESSAGE[component]);
    }
  }

  /** Starts from the ComponentStatus objects the cluster file put in the store; components without one are healthy. */
  static fromStore(store: ClusterStore): ComponentHealth {
    const initial: Partial<Record<Component, ComponentState>> = {};
    for (const component of COMPONENTS) {
      const object = store.get('/componentstatuses', undefined, STATUS_NAME[component])?.object as ComponentStatus | undefined;
      const condition = object?.conditions?.find((c) => c.type === 'Healthy');
      if (condition) initial[component] = { healthy: condition.status === 'True', message: condition.message ?? condition.error ?? '' };
    }
    return new ComponentHealth(initial);
  }

  state(component: Component): ComponentState {
    return { ...(this.states.get(component) as ComponentState) };
  }

  isHealthy(component: Component): boolean {
    return this.states.get(component)?.healthy ?? true;
  }

  /**
   * Turns a component healthy or unhealthy. Without a message a healthy component answers as it did when last
   * healthy and an unhealthy one as a refused connection.
   */
  setHealthy(component: Component, healthy: boolean, message?: string): void {
    if (!COMPONENTS.includes(component)) throw new Error(`unknown component "${String(component)}": expected one of ${COMPONENTS.join(', ')}`);
    const next: ComponentState = {
      healthy,
      message: message ?? (healthy ? (this.healthyMessages.get(component) ?? HEALTHY_MESSAGE[component]) : unreachableMessage(component)),
    };
    if (healthy) this.healthyMessages.set(component, next.message);
    const current = this.states.get(component);
    if (current && current.healthy === next.healthy && current.message === next.message) return;
    this.states.set(component, next);
    for (const listener of [...this.listeners]) listener(component);
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: (component: Component) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
