import type { ScenarioAction, ScenarioStep } from '../../fixtures/compact/scenario-model.js';
import type { ComponentHealth } from '../component-health/index.js';
import type { Controller, SimulationContext } from '../controller.js';
import type { KubeletFleet } from '../kubelet/kubelet-fleet.js';
import { Subscriptions } from '../work-queue.js';
import { NodeSteps } from './node-steps.js';
import { WorkloadSteps } from './workload-steps.js';

export interface ScenarioRunnerOptions {
  /** The kubelets node steps act through; without them node steps do nothing. */
  kubelets?: KubeletFleet;
  /** The control plane's health registry component steps flip. */
  components?: ComponentHealth;
  /** The simulation instant `at` counts from; by default the instant the runner starts (the server's start). */
  origin?: number;
  /** Told of every step as it runs: `applied` is false when it found nothing to act on (a pod already gone...). */
  onStep?: (step: ScenarioStep, applied: boolean) => void;
}

/**
 * The cluster file's timeline as a controller: every step is scheduled on the simulation clock at origin + at,
 * in file order (steps at one instant run in the order written), and applied through the store or through the
 * simulated components' own handles, never around them.
 */
export class ScenarioRunner implements Controller {
  readonly name = 'scenario';
  private readonly subscriptions = new Subscriptions();

  constructor(
    private readonly steps: readonly ScenarioStep[],
    private readonly options: ScenarioRunnerOptions = {},
  ) {}

  start(context: SimulationContext): void {
    const origin = this.options.origin ?? context.clock.now();
    const nodes = new NodeSteps(context, this.options.kubelets);
    const workloads = new WorkloadSteps(context, this.options.kubelets, this.options.components);
    for (const step of this.steps) {
      const run = (): void => {
        const applied = apply(step.action, nodes, workloads);
        this.options.onStep?.(step, applied);
      };
      this.subscriptions.add(context.clock.at(origin + step.atMs, run, `scenario line ${step.line}: ${describeStep(step.action)}`));
    }
  }

  stop(): void {
    this.subscriptions.stopAll();
  }
}

function apply(action: ScenarioAction, nodes: NodeSteps, workloads: WorkloadSteps): boolean {
  switch (action.type) {
    case 'nodeReady':
      return nodes.ready(action);
    case 'nodeFails':
      return nodes.fails(action);
    case 'nodeRecovers':
      return nodes.recovers(action);
    case 'nodeJoins':
      return nodes.joins(action);
    case 'scale':
      return workloads.scale(action);
    case 'setImage':
      return workloads.setImage(action);
    case 'crash':
      return workloads.crash(action);
    case 'componentHealth':
      return workloads.componentHealth(action);
  }
}

/** One line a teacher can read in the server's log: `node node2 fails`, `deployment default/web scaled to 4`. */
export function describeStep(action: ScenarioAction): string {
  switch (action.type) {
    case 'nodeReady':
      return `node ${action.node} turns Ready`;
    case 'nodeFails':
      return `node ${action.node} fails`;
    case 'nodeRecovers':
      return `node ${action.node} recovers`;
    case 'nodeJoins':
      return `node ${action.node} joins${action.ready ? '' : ' (NotReady)'}`;
    case 'scale':
      return `deployment ${action.namespace}/${action.deployment} scaled to ${action.replicas}`;
    case 'setImage':
      return `deployment ${action.namespace}/${action.deployment} container ${action.container} set to image ${action.image}`;
    case 'crash': {
      const target =
        'pod' in action.target ? `pod ${action.target.namespace}/${action.target.pod}` : `a pod of ${action.target.namespace}/${action.target.workload}`;
      return `container ${action.container} of ${target} exits with code ${action.exitCode}`;
    }
    case 'componentHealth':
      return `component ${action.component} turns ${action.healthy ? 'healthy' : 'unhealthy'}`;
  }
}
