import { createDaemonSetController } from './daemonset/daemonset-controller.js';
import { createDeploymentController } from './deployment/deployment-controller.js';
import { createEndpointsController } from './endpoints/endpoints-controller.js';
import { createEndpointSliceController } from './endpoints/endpointslice-controller.js';
import { createReplicaSetController } from './replicaset/replicaset-controller.js';
import type { Cluster } from '../cluster.js';
import type { Controller, SimulationContext } from './controller.js';
import { ManualDriver, RealDriver, type RealTime } from './drivers.js';
import { EventRecorder } from './event-recorder.js';
import type { BehaviourSource } from './kubelet/kubelet-config.js';
import { KubeletFleet } from './kubelet/kubelet-fleet.js';
import type { NodeRuntime } from './kubelet/node-runtime.js';
import { NodeLifecycleController } from './node-lifecycle/node-lifecycle-controller.js';
import { SeededRandom } from './random.js';
import { Scheduler } from './scheduler/scheduler.js';
import { SimulationClock, type TaskErrorHandler } from './simulation-clock.js';

export interface SimulationOptions {
  /** Simulated milliseconds per real millisecond (the real driver only); default 1. */
  speed?: number;
  /** Every random choice derives from it; default 1. */
  seed?: number | string;
  /**
   * The clock to run on. Pass the one the cluster was loaded with (`loadCluster(source, { clock })`) so the API
   * reads the same simulated "now" the controllers write; default: a new one starting at cluster.clock.now().
   */
  clock?: SimulationClock;
  /** `real` (default): a Node timer drives time; `manual`: nothing moves until `simulation.manual` advances it. */
  driver?: 'real' | 'manual';
  /** Replaces the default controllers (kubelets, node lifecycle controller, scheduler), in start order. */
  controllers?: Controller[];
  /** Per-container behaviour (log lines, crashes) for the default kubelets. */
  behaviours?: BehaviourSource;
  /** The nodes' static pods, image pulls and network add-on, for the default kubelets. */
  runtime?: NodeRuntime;
  /**
   * Runs the cluster's past first: every task due until this instant runs at once, on simulated time, before the
   * driver takes over (kwok's stages replayed: the same rules, fast-forwarded).
   */
  replayUntil?: number;
  /**
   * Whether heartbeats collapse through the quiet stretches of that past (SimulationClock.fastForward); default
   * true. False fires every one of them, the reference the collapsed replay is compared with.
   */
  coalesceHeartbeats?: boolean;
  /** Where a failing task is reported; default: thrown out of the driver. */
  onTaskError?: TaskErrorHandler;
  /** Timers for the real driver (tests). */
  realTime?: RealTime;
}

export interface Simulation {
  readonly context: SimulationContext;
  readonly clock: SimulationClock;
  readonly controllers: readonly Controller[];
  /** The default kubelets, when the default controllers run (scenarios stop and start nodes through it). */
  readonly kubelets: KubeletFleet | undefined;
  /** Set with `driver: 'manual'`. */
  readonly manual: ManualDriver | undefined;
  stop(): void;
}

/**
 * How long nothing but heartbeats must have run before a replayed stretch collapses: longer than any reaction
 * the controllers make through their periodic checks (the node lifecycle controller marks a node silent for
 * nodeMonitorGracePeriod, 40 s, at its next 5 s monitor pass; a kubelet notices its CNI config within 5 s).
 */
const REPLAY_QUIET_MS = 60_000;

/** The default control plane and nodes, in the order they start (ties at one instant run in this order). */
export function defaultControllers(options: { behaviours?: BehaviourSource; runtime?: NodeRuntime } = {}): Controller[] {
  return [
    new NodeLifecycleController(),
    createDeploymentController(),
    createReplicaSetController(),
    createDaemonSetController(),
    new Scheduler(),
    createEndpointsController(),
    createEndpointSliceController(),
    new KubeletFleet({ ...(options.behaviours ? { behaviours: options.behaviours } : {}), ...(options.runtime ? { runtime: options.runtime } : {}) }),
  ];
}

export function controllerOptions(options: Pick<SimulationOptions, 'behaviours' | 'runtime'>): { behaviours?: BehaviourSource; runtime?: NodeRuntime } {
  return { ...(options.behaviours ? { behaviours: options.behaviours } : {}), ...(options.runtime ? { runtime: options.runtime } : {}) };
}

/**
 * Makes a loaded cluster live: one clock, one seeded random, one event recorder, and the controllers started on
 * them in order. The simulation stops when the cluster closes.
 */
export function startSimulation(cluster: Cluster, options: SimulationOptions = {}): Simulation {
  const clock = options.clock ?? new SimulationClock(cluster.clock.now(), options.onTaskError);
  const random = new SeededRandom(options.seed ?? 1);
  const context: SimulationContext = {
    store: cluster.store,
    clock,
    random,
    recorder: new EventRecorder(cluster.store, clock, random.fork('events'), options.replayUntil),
    logs: cluster.logs,
  };
  const controllers = options.controllers ?? defaultControllers(controllerOptions(options));
  const manual = options.driver === 'manual' ? new ManualDriver(clock) : undefined;
  for (const controller of controllers) controller.start(context);
  if (options.replayUntil !== undefined) {
    if (options.coalesceHeartbeats === false) clock.runUntil(options.replayUntil);
    else clock.fastForward(options.replayUntil, REPLAY_QUIET_MS);
    context.recorder.replayed();
  }
  const real = manual ? undefined : new RealDriver(clock, options.speed ?? 1, options.realTime);
  let stopped = false;
  const simulation: Simulation = {
    context,
    clock,
    controllers,
    kubelets: controllers.find((c): c is KubeletFleet => c instanceof KubeletFleet),
    manual,
    stop: () => {
      if (stopped) return;
      stopped = true;
      real?.stop();
      for (const controller of [...controllers].reverse()) controller.stop();
      clock.cancelAll();
    },
  };
  cluster.onClose(() => simulation.stop());
  return simulation;
}
