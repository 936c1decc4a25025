import type { Cluster } from '../../cluster.js';
import type { ScenarioStep } from '../../fixtures/compact/scenario-model.js';
import { ComponentHealthController } from '../component-health/index.js';
import type { Controller } from '../controller.js';
import { KubeletFleet } from '../kubelet/kubelet-fleet.js';
import { controllerOptions, defaultControllers, type Simulation, type SimulationOptions, startSimulation } from '../simulation.js';
import { ScenarioRunner, type ScenarioRunnerOptions } from './scenario-runner.js';

export interface LiveSimulationOptions extends Omit<SimulationOptions, 'controllers'> {
  /** The cluster file's timeline; none by default. */
  scenario?: readonly ScenarioStep[];
  onStep?: ScenarioRunnerOptions['onStep'];
  /** The instant the scenario's `at` counts from; default the clock's now when the simulation starts. */
  scenarioOrigin?: number;
  /** The controllers to run before the scenario, as given; by default the whole simulated control plane and nodes. */
  controllers?: Controller[];
}

/**
 * The simulation a served cluster runs: the default controllers (with the component health registry when they
 * lack it), and last the scenario runner acting through them.
 */
export function startLiveSimulation(cluster: Cluster, options: LiveSimulationOptions = {}): Simulation {
  const { scenario = [], onStep, scenarioOrigin, controllers: given, ...simulation } = options;
  const controllers = [...(given ?? defaultControllers(controllerOptions(options)))];
  const kubelets = controllers.find((c): c is KubeletFleet => c instanceof KubeletFleet);
  let health = controllers.find((c): c is ComponentHealthController => c instanceof ComponentHealthController)?.health;
  if (!health) {
    health = cluster.components;
    controllers.push(new ComponentHealthController(health));
  }
  const runner = new ScenarioRunner(scenario, {
    ...(kubelets ? { kubelets } : {}),
    components: health,
    ...(onStep ? { onStep } : {}),
    ...(scenarioOrigin !== undefined ? { origin: scenarioOrigin } : {}),
  });
  return startSimulation(cluster, { ...simulation, controllers: [...controllers, runner] });
}
