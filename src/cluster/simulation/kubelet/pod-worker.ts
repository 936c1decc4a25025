import type { Node, Pod } from '../../objects.js';
import type { SimulationContext } from '../controller.js';
import { type ComponentRecorder, type ObjectReference, referenceTo } from '../event-recorder.js';
import type { SeededRandom } from '../random.js';
import type { TaskHandle } from '../simulation-clock.js';
import { formatGoDurationMs, rfc3339, rfc3339Nano } from '../../meta/index.js';
import { PODS } from '../types.js';
import { ContainerRun, type ContainerState } from './container-run.js';
import {
  allocatePodIp,
  type Container,
  createdMessage,
  formatPod,
  imageId,
  imageSizeBytes,
  internalIp,
  pullPolicy,
  reportedImage,
  runtimeScheme,
} from './container-runtime.js';
import { BACKFILL_MS, containerLogContext, imageLogPattern, LazyImageLog, PatternReader, type PeerNode } from './image-logs/index.js';
import { type ContainerBehaviour, type ContainerCrash, KUBELET_TIMINGS } from './kubelet-config.js';
import { podStatus } from './pod-status.js';

/** What a pod worker needs from its kubelet. */
export interface KubeletHost {
  readonly nodeName: string;
  readonly context: SimulationContext;
  readonly recorder: ComponentRecorder;
  readonly random: SeededRandom;
  node(): Node | undefined;
  readonly pulledImages: Set<string>;
  behaviourOf(pod: Pod, container: string, image: string): ContainerBehaviour;
  usedPodIps(): Set<string>;
  /** When a pull of `image` starting now completes, if the cluster fixes it; otherwise a drawn duration. */
  pullEndsAt(image: string): number | undefined;
  /** The cluster's nodes as a container starting now sees them (its log mentions them). */
  peerNodes(): readonly PeerNode[];
}

type Terminated = NonNullable<ContainerState['terminated']>;

const DEFAULT_LOG_INTERVAL_MS = 5_000;

/**
 * One pod on one node, as the kubelet's pod worker runs it (pkg/kubelet/pod_workers.go, kuberuntime_manager.go):
 * Pending with containers waiting in ContainerCreating; each container pulled (`Pulling`/`Pulled`), created and
 * started in order; then Running, Ready when readiness allows. A container a scenario makes crash is restarted
 * with CrashLoopBackOff's doubling back-off. A pod marked for deletion has its containers stopped and is removed.
 */
export class PodWorker {
  private readonly containers: ContainerRun[];
  private podIP: string | undefined;
  private startTime: string | undefined;
  private stopped = false;
  private deleting = false;
  /** Tasks of the pod as a whole (the start-up chain, deletion); container tasks live on each ContainerRun. */
  private readonly tasks: TaskHandle[] = [];

  constructor(
    private readonly host: KubeletHost,
    private readonly namespace: string,
    private readonly name: string,
  ) {
    const pod = this.pod();
    const scheme = runtimeScheme(host.node());
    this.containers = (pod?.spec?.containers ?? []).map((spec) => {
      const image = spec.image ?? '';
      const previous = pod?.status?.containerStatuses?.find((status) => status.name === spec.name);
      return new ContainerRun(spec, host.behaviourOf(pod as Pod, spec.name, image), imageId(image, scheme), previous, reportedImage(image, scheme));
    });
  }

  /** The names of the pod's containers. */
  get containerNames(): string[] {
    return this.containers.map((c) => c.name);
  }

  /** Whether the pod waits for the node's pod network before its sandbox can be created. */
  awaitingNetwork = false;

  /** The first sync of a pod on a node without pod network: its status posted, nothing started. */
  awaitNetwork(): void {
    this.awaitingNetwork = true;
    this.startTime = rfc3339(this.now());
    this.writeStatus();
  }

  /**
   * Adopts a pod whose containers already run (a restarted kubelet), or starts it from scratch. `attachedLogs`: the
   * handles of the logs its kubelet attached when it adopted the pod without a worker (Kubelet's dormant pods).
   */
  start(attachedLogs?: ReadonlyMap<string, TaskHandle>): void {
    const waited = this.awaitingNetwork;
    this.awaitingNetwork = false;
    const pod = this.pod();
    if (!pod) return;
    const statuses = pod.status?.containerStatuses ?? [];
    const running = pod.status?.phase === 'Running' && this.containers.every((c) => statuses.find((s) => s.name === c.name)?.state?.running);
    if (running) {
      this.podIP = pod.status?.podIP;
      this.startTime = pod.status?.startTime;
      for (const container of this.containers) {
        const status = statuses.find((s) => s.name === container.name);
        container.state = status?.state ?? {};
        container.containerID = status?.containerID;
        container.ready = status?.ready ?? false;
        container.started = true;
        container.runningSince = this.host.context.clock.now();
        // A container that runs here had its image pulled here.
        this.host.pulledImages.add(container.image);
        const attached = attachedLogs?.get(container.name);
        if (attached) container.tasks.push(attached);
        this.whileRunning(container, pod, false, attached !== undefined);
      }
      // The status manager reconciles what the API holds with what the kubelet sees: the node lifecycle
      // controller marks the pods of a silent node not Ready, and the returning kubelet sets them Ready again.
      const podReady = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
      if (podReady !== this.containers.every((c) => c.ready)) this.writeStatus();
      return;
    }
    if (!waited) this.startTime = rfc3339(this.now());
    this.writeStatus();
    this.later(this.host.random.between(300, 1500), () => this.startContainer(0));
  }

  stop(): void {
    this.stopped = true;
    for (const task of this.tasks.splice(0)) task.cancel();
    for (const container of this.containers) container.cancelTasks();
  }

  /** The pod got a deletionTimestamp: stop its containers (`Killing`), then remove it as the kubelet does. */
  terminate(): void {
    if (this.deleting || this.stopped) return;
    this.deleting = true;
    const pod = this.pod();
    if (!pod) return;
    for (const container of this.containers) {
      container.cancelTasks();
      if (container.state.running) this.event(pod, container, 'Normal', 'Killing', `Stopping container ${container.name}`);
    }
    const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
    this.later(Math.min(graceMs, this.host.random.between(300, 2000)), () => {
      if (this.pod()) this.host.context.store.delete(PODS, this.namespace, this.name);
      this.stop();
    });
  }

  private now(): number {
    return this.host.context.clock.now();
  }

  private pod(): Pod | undefined {
    return this.host.context.store.get(PODS, this.namespace, this.name)?.object as Pod | undefined;
  }

  private later(delayMs: number, task: () => void, container?: ContainerRun): void {
    const handle = this.host.context.clock.after(
      delayMs,
      () => {
        if (!this.stopped) task();
      },
      `pod ${this.namespace}/${this.name}`,
    );
    if (container) container.tasks.push(handle);
    else this.tasks.push(handle);
  }

  private event(pod: Pod, container: ContainerRun, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.host.recorder.event(eventSubject(pod), type, reason, message, `spec.containers{${container.name}}`);
  }

  /** Pull (unless present), create, start the container at `index`, then the next; the pod runs after the last. */
  private startContainer(index: number): void {
    const pod = this.pod();
    const container = this.containers[index];
    if (!pod || this.deleting) return;
    if (!container) {
      this.podIP ??= pod.spec?.hostNetwork ? internalIp(this.host.node()) : allocatePodIp(this.host.node(), this.host.nodeName, this.host.usedPodIps());
      this.writeStatus();
      return;
    }
    const image = container.image;
    const mustPull = pullPolicy(container.spec) === 'Always' || !this.host.pulledImages.has(image);
    const afterPull = (): void => {
      this.later(this.host.random.between(50, 300), () => {
        const current = this.pod();
        if (!current) return;
        this.event(current, container, 'Normal', 'Created', createdMessage(this.host.node(), container.name));
        this.later(this.host.random.between(50, 300), () => {
          const started = this.pod();
          if (!started) return;
          this.run(container, started);
          this.event(started, container, 'Normal', 'Started', `Started container ${container.name}`);
          this.startContainer(index + 1);
        });
      });
    };
    if (!mustPull) {
      this.event(pod, container, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
      afterPull();
      return;
    }
    this.event(pod, container, 'Normal', 'Pulling', `Pulling image "${image}"`);
    // A registry serves an image in a few seconds; a pull the cluster says is still running at the present lasts
    // until the instant it gives.
    const drawn = this.host.random.between(500, 4000);
    const endsAt = this.host.pullEndsAt(image);
    const pullMs = endsAt !== undefined && endsAt > this.now() ? endsAt - this.now() : drawn;
    this.later(pullMs, () => {
      const current = this.pod();
      if (!current) return;
      this.host.pulledImages.add(image);
      const took = formatGoDurationMs(pullMs);
      this.event(
        current,
        container,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSizeBytes(image)} bytes.`,
      );
      afterPull();
    });
  }

  /** A container instance starts: state running, logs flowing, its crash (if any) and readiness scheduled. */
  private run(container: ContainerRun, pod: Pod): void {
    const scheme = runtimeScheme(this.host.node());
    container.containerID = `${scheme}://${this.host.random.hex(64)}`;
    container.state = { running: { startedAt: rfc3339(this.now()) } };
    container.started = true;
    container.ready = false;
    container.runningSince = this.now();
    this.whileRunning(container, pod, true);
  }

  private whileRunning(container: ContainerRun, pod: Pod, fresh: boolean, logsAttached = false): void {
    const behaviour = container.behaviour;
    const probe = pod.spec?.containers?.find((c) => c.name === container.name)?.readinessProbe;
    if (!probe) container.ready = true;
    else if (!container.ready) {
      const readyAfter = readinessDelayMs(probe, behaviour);
      this.later(
        readyAfter,
        () => {
          container.ready = true;
          this.writeStatus();
        },
        container,
      );
    }
    if (!logsAttached) this.writeLogs(container, fresh);
    if (behaviour.crash) this.later(behaviour.crash.afterMs, () => this.crash(container, behaviour.crash as ContainerCrash), container);
  }

  /** Ends the running instance now (a scenario's "make it fail", or its configured crash). */
  crash(container: ContainerRun, crash: ContainerCrash): void {
    const pod = this.pod();
    if (!pod || !container.state.running || this.deleting) return;
    container.cancelTasks();
    const exitCode = crash.exitCode ?? 1;
    const terminated = {
      exitCode,
      reason: crash.reason ?? (exitCode === 137 ? 'OOMKilled' : 'Error'),
      startedAt: container.state.running.startedAt ?? rfc3339(container.runningSince),
      finishedAt: rfc3339(this.now()),
      containerID: container.containerID ?? '',
    };
    container.state = { terminated };
    container.ready = false;
    this.host.context.logs.end(this.namespace, this.name, container.name);
    // The back-off is forgotten after 2 × max of calm (kubelet's backoff GC), so a long run restarts at once.
    if (this.now() - container.runningSince >= 2 * KUBELET_TIMINGS.backOffMaxMs) container.backOffMs = 0;
    const waitMs = container.backOffMs;
    container.backOffMs = waitMs === 0 ? KUBELET_TIMINGS.backOffInitialMs : Math.min(waitMs * 2, KUBELET_TIMINGS.backOffMaxMs);
    this.writeStatus();
    if (pod.spec?.restartPolicy === 'Never') return;
    if (waitMs > 0) {
      this.later(this.host.random.between(200, 1000), () => this.backOff(container, waitMs, terminated), container);
    }
    this.later(Math.max(waitMs, this.host.random.between(500, 1500)), () => this.restart(container, terminated), container);
  }

  private backOff(container: ContainerRun, waitMs: number, terminated: Terminated): void {
    const pod = this.pod();
    if (!pod) return;
    container.lastState = { terminated };
    container.state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${formatGoDurationMs(waitMs)} restarting failed container=${container.name} pod=${formatPod(pod)}`,
      },
    };
    this.event(pod, container, 'Warning', 'BackOff', `Back-off restarting failed container ${container.name} in pod ${formatPod(pod)}`);
    this.writeStatus();
  }

  private restart(container: ContainerRun, terminated: Terminated): void {
    const pod = this.pod();
    if (!pod || this.deleting) return;
    container.lastState = { terminated };
    container.restartCount++;
    this.host.context.logs.restart(this.namespace, this.name, container.name);
    if (pullPolicy(container.spec) === 'Always') this.event(pod, container, 'Normal', 'Pulling', `Pulling image "${container.image}"`);
    this.event(pod, container, 'Normal', 'Pulled', `Container image "${container.image}" already present on machine`);
    this.event(pod, container, 'Normal', 'Created', createdMessage(this.host.node(), container.name));
    this.run(container, pod);
    this.event(pod, container, 'Normal', 'Started', `Started container ${container.name}`);
    this.writeStatus();
  }

  /** Startup lines at once, then one line per interval; a configured list is cycled the same way. */
  private writeLogs(container: ContainerRun, fresh: boolean): void {
    const { logs } = this.host.context;
    const script = container.behaviour.logScript;
    if (script) {
      // Lines at one instant are a few microseconds apart, as a burst of startup output is.
      if (!fresh) return;
      script.forEach((line, i) => {
        const write = (): void =>
          logs.append(this.namespace, this.name, container.name, { time: rfc3339Nano(this.now(), (i * 104_729) % 1_000_000), text: line.text });
        if (line.afterMs === 0) write();
        else this.later(line.afterMs, write, container);
      });
      return;
    }
    const repeating = container.behaviour.logLines;
    if (!repeating) {
      this.writeImageLogs(container, fresh);
      return;
    }
    const append = (text: string, at: number): void =>
      logs.append(this.namespace, this.name, container.name, { time: rfc3339Nano(at, this.host.random.int(0, 999_999)), text });
    if (repeating.length === 0) return;
    const interval = container.behaviour.logIntervalMs ?? DEFAULT_LOG_INTERVAL_MS;
    const next = (): void => {
      this.later(
        this.host.random.between(interval / 2, interval * 1.5),
        () => {
          append(repeating[container.logIndex++ % repeating.length] as string, this.now());
          next();
        },
        container,
      );
    };
    if (fresh) append(repeating[container.logIndex++ % repeating.length] as string, this.now());
    next();
  }

  /** What the container's image prints: attached to its log, stopped with the instance's other tasks. */
  private writeImageLogs(container: ContainerRun, fresh: boolean): void {
    const pod = this.pod();
    if (!pod) return;
    container.tasks.push(attachImageLog(this.host, pod, { spec: container.spec, restartCount: container.restartCount, state: container.state }, fresh));
  }

  /** Posts the pod's status (the kubelet's status manager): phase, conditions, IPs, container statuses. */
  private writeStatus(): void {
    const stored = this.pod();
    if (!stored || this.stopped) return;
    const pod: Pod = { ...stored };
    pod.status = podStatus(stored, this.containers, {
      now: rfc3339(this.now()),
      hostIP: internalIp(this.host.node()),
      podIP: this.podIP,
      startTime: this.startTime,
      ...(reportsSandbox(this.host.node()) ? { sandboxReady: this.podIP !== undefined || this.containers.some((c) => c.started) } : {}),
    });
    this.host.context.store.update(PODS, pod);
  }

  /** A scenario's "container X fails now" (kubelet-side view of a process exit). */
  failContainer(name: string, crash: Omit<ContainerCrash, 'afterMs'> = {}): boolean {
    const container = this.containers.find((c) => c.name === name);
    if (!container?.state.running) return false;
    this.crash(container, { afterMs: 0, ...crash });
    return true;
  }
}

/** How long after its start a container with a readiness probe turns ready: its behaviour's, else the probe's first success. */
export function readinessDelayMs(probe: NonNullable<Container['readinessProbe']>, behaviour: ContainerBehaviour = {}): number {
  return behaviour.readyAfterMs ?? ((probe.initialDelaySeconds ?? 0) + (probe.periodSeconds ?? 10)) * 1000;
}

/** PodReadyToStartContainers is reported by kubelets from v1.29 on (pkg/kubelet/status/generate.go). */
export function reportsSandbox(node: Node | undefined): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(node?.status?.nodeInfo?.kubeletVersion ?? '');
  return !match || Number(match[1]) > 1 || Number(match[2]) >= 29;
}

/**
 * What the kubelet's events are about: the pod, or for a static pod the pod of its manifest, whose uid is the
 * manifest's hash, not the mirror pod's (pkg/kubelet/config: the static pod's UID is kubernetes.io/config.hash).
 */
function eventSubject(pod: Pod): Pod | ObjectReference {
  const hash = pod.metadata.annotations?.['kubernetes.io/config.mirror'];
  return hash === undefined ? pod : { ...referenceTo(pod), uid: hash };
}

/** What the kubelet saw when a container's image log was attached: the instant, its Node, the nodes as containers see them. */
export interface KubeletView {
  now: number;
  node: Node | undefined;
  peers: readonly PeerNode[];
}

/** The kubelet's view now. */
export function kubeletView(host: KubeletHost): KubeletView {
  return { now: host.context.clock.now(), node: host.node(), peers: host.peerNodes() };
}

/**
 * What a container's image prints (image-logs/), attached to its log as the source of its running instance: its
 * banner from the instance's start, then its steady lines. An instance adopted with lines already written (a
 * restarted kubelet) goes on from the adoption; one adopted with none has its past filled in from its startedAt.
 * Its random is its own, so the lines depend on the seed alone. `seen` is when the kubelet attached it and what it
 * saw then: now, unless the attach was deferred (a dormant pod's, made when its log is first touched). Returns the
 * handle that stops it.
 */
export function attachImageLog(
  host: KubeletHost,
  pod: Pod,
  container: { spec: Container; restartCount: number; state: ContainerState },
  fresh: boolean,
  seen: KubeletView = kubeletView(host),
): LazyImageLog {
  const { logs, clock } = host.context;
  const namespace = pod.metadata.namespace ?? '';
  const name = container.spec.name;
  const { now, node, peers } = seen;
  const written = logs.read(namespace, pod.metadata.name, name).length > 0;
  const startedAt = Date.parse(container.state.running?.startedAt ?? '');
  const startMs = fresh || written || Number.isNaN(startedAt) ? now : Math.min(now, startedAt);
  const { restartCount, spec } = container;
  const parent = host.random;
  // What the container sees is taken when attached; what its image prints is made from it when first read, drawn
  // from its own random, whenever that happens.
  const output = new LazyImageLog(() => {
    const random = parent.fork(`logs/${namespace}/${pod.metadata.name}/${name}/${fresh ? `${restartCount}` : `${restartCount}@${now}`}`);
    const source = { pod, container: spec, node, nodes: { peers }, restartCount, random };
    return new PatternReader(() => imageLogPattern(containerLogContext(source), startMs), random, { banner: fresh || !written, oldest: now - BACKFILL_MS });
  }, clock);
  logs.attach(namespace, pod.metadata.name, name, output);
  return output;
}
