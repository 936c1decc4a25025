import type { DeferredLogs } from '../../logs/container-logs.js';
import type { Pod } from '../../objects.js';
import type { TaskHandle } from '../simulation-clock.js';
import type { LazyImageLog } from './image-logs/index.js';
import { attachImageLog, type KubeletHost, type KubeletView, kubeletView } from './pod-worker.js';

/**
 * A running pod its kubelet adopted without a worker (Kubelet.adoptDormant). Its containers' image logs are
 * attached as the kubelet saw them at adoption, but only when one of them is first touched (read, followed) or a
 * worker takes the pod over: most of a large cluster's pods are never read, and 150,000 pods' logs attached at once
 * were a second of its start.
 */
export class DormantPod implements DeferredLogs {
  private attached: Map<string, LazyImageLog> | undefined;
  /** What the kubelet saw at adoption: the logs are attached as of then. */
  private readonly seen: KubeletView;
  /** When the containers stopped, if they did before their logs were attached. */
  private stoppedAt: number | undefined;
  private readonly namespace: string;
  private readonly name: string;

  constructor(
    private readonly host: KubeletHost,
    private readonly pod: Pod,
  ) {
    this.namespace = pod.metadata.namespace ?? '';
    this.name = pod.metadata.name;
    this.seen = kubeletView(host);
    host.context.logs.defer(this.namespace, this.name, this);
  }

  get containerNames(): string[] {
    return (this.pod.spec?.containers ?? []).map((container) => container.name);
  }

  /** The logs' handles, attached now if they were not: what a worker adopting the pod takes over. */
  logs(): ReadonlyMap<string, TaskHandle> {
    this.host.context.logs.attachDeferred(this.namespace, this.name);
    return this.attached ?? new Map();
  }

  /** The containers stop (the pod left the node, or the kubelet stopped): their output ends now. */
  stop(): void {
    if (this.attached) for (const log of this.attached.values()) log.cancel();
    else this.stoppedAt ??= this.host.context.clock.now();
  }

  /** Attaches the containers' image logs, as of the adoption (called by ContainerLogs, once). */
  attach(): void {
    const statuses = this.pod.status?.containerStatuses ?? [];
    const attached = new Map<string, LazyImageLog>();
    for (const spec of this.pod.spec?.containers ?? []) {
      const status = statuses.find((s) => s.name === spec.name);
      const log = attachImageLog(this.host, this.pod, { spec, restartCount: status?.restartCount ?? 0, state: status?.state ?? {} }, false, this.seen);
      if (this.stoppedAt !== undefined) log.stopAt(this.stoppedAt);
      attached.set(spec.name, log);
    }
    this.attached = attached;
  }
}
