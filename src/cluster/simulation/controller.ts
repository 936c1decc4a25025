import type { ContainerLogs } from '../logs/container-logs.js';
import type { ClusterStore } from '../store/index.js';
import type { EventRecorder } from './event-recorder.js';
import type { SeededRandom } from './random.js';
import type { SimulationClock } from './simulation-clock.js';

/**
 * What every controller gets: the store it reads and writes (never HTTP), the simulation's clock and scheduler,
 * the seeded random (controllers take `random.fork(name)` so their draws do not depend on each other), the
 * event recorder and the container logs. Later controllers (ReplicaSet, endpoints, metrics, scenarios) need
 * nothing more.
 */
export interface SimulationContext {
  readonly store: ClusterStore;
  readonly clock: SimulationClock;
  readonly random: SeededRandom;
  readonly recorder: EventRecorder;
  readonly logs: ContainerLogs;
}

/**
 * One simulated component. `start` subscribes to the store and schedules its periodic work; `stop` cancels all
 * of it. Store listeners run inside another write's publication, so a controller never writes from a
 * listener: it queues the key (WorkQueue) and writes from a task scheduled at the same instant, as an informer
 * hands keys to a workqueue in client-go.
 */
export interface Controller {
  readonly name: string;
  start(context: SimulationContext): void;
  stop(): void;
}
