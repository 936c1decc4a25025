import type { ComponentStatus, KubeObject } from '../../objects.js';
import type { Controller, SimulationContext } from '../controller.js';
import { copyOf } from '../types.js';
import { Subscriptions, WorkQueue } from '../work-queue.js';
import { type Component, COMPONENTS, type ComponentHealth, STATUS_NAME } from './component-health.js';

const COMPONENT_STATUSES = '/componentstatuses' as const;

/**
 * Keeps the ComponentStatus objects in step with the simulated components' health. Upstream these objects
 * are not stored: the API server probes the components on every request (k/k pkg/registry/core/
 * componentstatus/rest.go). Here the probe's answer is written to the store whenever the health changes, which
 * reads the same to clients and lets the ordinary list/get handlers serve them.
 */
export class ComponentHealthController implements Controller {
  readonly name = 'component-health';
  private readonly subscriptions = new Subscriptions();

  constructor(readonly health: ComponentHealth) {}

  start(context: SimulationContext): void {
    const queue = new WorkQueue(context.clock, (component) => this.sync(context, component as Component), 'component-health');
    this.subscriptions.add(queue);
    this.subscriptions.add(this.health.onChange((component) => queue.add(component)));
    for (const component of COMPONENTS) queue.add(component);
  }

  stop(): void {
    this.subscriptions.stopAll();
  }

  private sync(context: SimulationContext, component: Component): void {
    const name = STATUS_NAME[component];
    const stored = context.store.get(COMPONENT_STATUSES, undefined, name)?.object as ComponentStatus | undefined;
    const desired = componentStatus(stored, name, this.health.state(component));
    if (stored && JSON.stringify(stored.conditions) === JSON.stringify(desired.conditions)) return;
    context.store.put(COMPONENT_STATUSES, desired);
  }
}

/**
 * The object the registry returns (rest.go getComponentStatus): one Healthy condition, True or False, the
 * probe's answer as the message and no error (a refused connection is a probe Failure, not a probe error).
 * The stored object's other fields are kept.
 */
function componentStatus(stored: ComponentStatus | undefined, name: string, state: { healthy: boolean; message: string }): KubeObject {
  const base: KubeObject = stored ? copyOf<KubeObject>(stored) : { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name } };
  return { ...base, conditions: [{ type: 'Healthy', status: state.healthy ? 'True' : 'False', message: state.message }] };
}
