import type { Cluster } from '../../cluster.js';
import type { ScenarioStep } from '../../fixtures/compact/scenario-model.js';
import { ComponentHealth, ComponentHealthController } from '../component-health/index.js';
import type { Controller } from '../controller.js';
import { createDaemonSetController, DAEMONSET_CONTROLLER } from '../daemonset/daemonset-controller.js';
import { createDeploymentController, DEPLOYMENT_CONTROLLER } from '../deployment/deployment-controller.js';
import { createEndpointsController, ENDPOINT_CONTROLLER } from '../endpoints/endpoints-controller.js';
import { createEndpointSliceController, ENDPOINTSLICE_CONTROLLER } from '../endpoints/endpointslice-controller.js';
import { KubeletFleet } from '../kubelet/kubelet-fleet.js';
import { createReplicaSetController, REPLICASET_CONTROLLER } from '../replicaset/replicaset-controller.js';
import { defaultControllers, type Simulation, type SimulationOptions, startSimulation } from '../simulation.js';
import { ScenarioRunner, type ScenarioRunnerOptions } from './scenario-runner.js';

export interface LiveSimulationOptions extends Omit<SimulationOptions, 'controllers'> {
  /** The cluster file's timeline; none by default. */
  scenario?: readonly ScenarioStep[];
  onStep?: ScenarioRunnerOptions['onStep'];
  /** The controllers to run before the scenario, as given; by default the whole simulated control plane and nodes. */
  controllers?: Controller[];
}

/**
 * The kube-controller-manager loops a served cluster needs for its story (evicted pods replaced, rollouts,
 * daemon pods on joining nodes, endpoints following readiness), added when the default controllers lack them.
 */
const CONTROLLER_MANAGER: readonly [string, () => Controller][] = [
  [DEPLOYMENT_CONTROLLER, createDeploymentController],
  [REPLICASET_CONTROLLER, createReplicaSetController],
  [DAEMONSET_CONTROLLER, createDaemonSetController],
  [ENDPOINT_CONTROLLER, createEndpointsController],
  [ENDPOINTSLICE_CONTROLLER, createEndpointSliceController],
];

/**
 * The simulation a served cluster runs: the default controllers (completed with the controller manager's
 * loops and the component health registry when they lack them), and last the scenario runner acting through them.
 */
export function startLiveSimulation(cluster: Cluster, options: LiveSimulationOptions = {}): Simulation {
  const { scenario = [], onStep, controllers: given, ...simulation } = options;
  const controllers = [...(given ?? defaultControllers(options.behaviours ? { behaviours: options.behaviours } : {}))];
  if (!given) for (const [name, create] of CONTROLLER_MANAGER) if (!controllers.some((c) => c.name === name)) controllers.push(create());
  const kubelets = controllers.find((c): c is KubeletFleet => c instanceof KubeletFleet);
  let health = controllers.find((c): c is ComponentHealthController => c instanceof ComponentHealthController)?.health;
  if (!health) {
    health = ComponentHealth.fromStore(cluster.store);
    controllers.push(new ComponentHealthController(health));
  }
  const runner = new ScenarioRunner(scenario, { ...(kubelets ? { kubelets } : {}), components: health, ...(onStep ? { onStep } : {}) });
  return startSimulation(cluster, { ...simulation, controllers: [...controllers, runner] });
}
