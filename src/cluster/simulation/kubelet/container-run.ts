import type { V1ContainerState } from '@kubernetes/client-node';
import type { Wire } from '../../objects.js';
import type { TaskHandle } from '../simulation-clock.js';
import type { ContainerStatus } from '../types.js';
import type { Container } from './container-runtime.js';
import type { ContainerBehaviour } from './kubelet-config.js';

export type ContainerState = Wire<V1ContainerState>;

/** What the kubelet knows about one container of a pod it runs (one record across restarts). */
export class ContainerRun {
  state: ContainerState;
  lastState: ContainerState = {};
  restartCount: number;
  ready = false;
  started = false;
  containerID: string | undefined;
  /** When the current instance started, in simulation ms. */
  runningSince = 0;
  /** The back-off to wait after the next crash; 0 until the first crash (the first restart is immediate). */
  backOffMs = 0;
  logIndex = 0;
  readonly tasks: TaskHandle[] = [];

  constructor(
    readonly spec: Container,
    readonly behaviour: ContainerBehaviour,
    readonly imageID: string,
    previous: ContainerStatus | undefined,
    /** The image as the runtime reports it (containerd qualifies `nginx` as `docker.io/library/nginx:latest`). */
    private readonly reportedImage: string = spec.image ?? '',
  ) {
    this.restartCount = previous?.restartCount ?? 0;
    this.state = { waiting: { reason: 'ContainerCreating' } };
    if (previous?.lastState) this.lastState = previous.lastState;
  }

  get name(): string {
    return this.spec.name;
  }

  get image(): string {
    return this.spec.image ?? '';
  }

  cancelTasks(): void {
    for (const task of this.tasks.splice(0)) task.cancel();
  }

  status(): ContainerStatus {
    const status: ContainerStatus = {
      name: this.name,
      state: this.state,
      lastState: this.lastState,
      ready: this.ready,
      restartCount: this.restartCount,
      image: this.reportedImage,
      imageID: this.state.waiting && !this.containerID ? '' : this.imageID,
      started: this.started,
    };
    if (this.containerID !== undefined) status.containerID = this.containerID;
    return status;
  }
}
