import type { Node, Pod } from '../../objects.js';
import type { StoreEvent } from '../../store/index.js';
import type { Controller, SimulationContext } from '../controller.js';
import type { ComponentRecorder } from '../event-recorder.js';
import type { SeededRandom } from '../random.js';
import { copyOf, NODES, PODS } from '../types.js';
import { Subscriptions, WorkQueue } from '../work-queue.js';
import { splitKey } from '../replicaset/workload-objects.js';
import { newControllerRef, rfc3339 } from '../../meta/index.js';
import type { BehaviourSource, ContainerBehaviour, ContainerCrash } from './kubelet-config.js';
import { type PeerNode, peerNodes, type PeerNodes } from './image-logs/index.js';
import { setNetworkAvailable } from './network-available.js';
import type { NodeRuntime } from './node-runtime.js';
import { networkNotReadyMessage, NodeStatusReporter } from './node-status.js';
import { DormantPod } from './dormant-pod.js';
import { type KubeletHost, PodWorker } from './pod-worker.js';

export interface KubeletOptions {
  nodeName: string;
  /** Whether the node's runtime network is up (Ready) when the kubelet starts; default true. */
  ready?: boolean;
  behaviours?: BehaviourSource;
  /** The machine around the kubelet: static pods, image pulls, the network add-on. */
  runtime?: NodeRuntime;
  /** What the kubelet registers as its Node when it does not exist (kubelet_node_status.go initialNode). */
  registration?: Node;
  /** Its fleet hands it the changes of its pods (`podChanged`); alone, it watches the pods itself. */
  fromFleet?: boolean;
  /** The nodes as containers see them, kept by the fleet for all its kubelets; alone, read from the store. */
  peers?: PeerNodes;
}

/** How often the kubelet asks the runtime whether its network is ready (kubelet.go: updateRuntimeUp every 5 s). */
const RUNTIME_CHECK_MS = 5_000;

/**
 * One node's kubelet (pkg/kubelet): the node half (Lease, conditions) in NodeStatusReporter, the pod half in one
 * PodWorker per pod bound to the node. It learns of its pods the way the real one does, by watching pods whose
 * spec.nodeName is its node; events carry source {component: kubelet, host: <node>}.
 */

export class Kubelet implements Controller, KubeletHost {
  readonly name: string;
  readonly nodeName: string;
  readonly pulledImages = new Set<string>();
  private ctx: SimulationContext | undefined;
  private rng: SeededRandom | undefined;
  private componentRecorder: ComponentRecorder | undefined;
  private status: NodeStatusReporter | undefined;
  private readonly workers = new Map<string, PodWorker>();
  /** Pods found running that ask nothing of their kubelet until they change (see `adoptDormant`), until a worker takes them. */
  private readonly dormant = new Map<string, DormantPod>();
  /** The IPs of the pods bound here, by pod key, kept from the kubelet's pod watch. */
  private readonly podIps = new Map<string, string>();
  private readonly subscriptions = new Subscriptions();
  private queue: WorkQueue | undefined;

  constructor(private readonly options: KubeletOptions) {
    this.nodeName = options.nodeName;
    this.name = `kubelet/${options.nodeName}`;
  }

  get context(): SimulationContext {
    if (!this.ctx) throw new Error(`${this.name} is not started`);
    return this.ctx;
  }

  get random(): SeededRandom {
    if (!this.rng) throw new Error(`${this.name} is not started`);
    return this.rng;
  }

  get recorder(): ComponentRecorder {
    if (!this.componentRecorder) throw new Error(`${this.name} is not started`);
    return this.componentRecorder;
  }

  start(context: SimulationContext): void {
    this.ctx = context;
    this.rng = context.random.fork(this.name);
    this.componentRecorder = context.recorder.for({ component: 'kubelet', host: this.nodeName });
    for (const image of (this.node()?.status?.images ?? []).flatMap((i) => i.names ?? [])) this.pulledImages.add(image);
    const queue = new WorkQueue(context.clock, (key) => this.syncPod(key), this.name);
    this.queue = queue;
    for (const stored of context.store.list(PODS, { index: { name: 'spec.nodeName', value: this.nodeName } }).items) {
      const ip = (stored.object as Pod).status?.podIP;
      if (ip) this.podIps.set(stored.key, ip);
    }
    this.subscriptions.add(queue);
    if (!this.options.fromFleet) {
      this.subscriptions.add(
        context.store.watch(PODS, undefined, (event) => {
          if (podNodeName(event) === this.nodeName) this.podChanged(event);
        }),
      );
    }
    this.status = new NodeStatusReporter(this.nodeName, context, this.recorder, this.options.ready ?? true);
    // Start-up work runs as a task, never inside whoever called start (it may be a store listener).
    const boot = context.clock.after(
      0,
      () => {
        if (this.options.registration) this.status?.register(this.options.registration);
        this.createMirrorPods();
        const network = this.options.runtime?.network;
        const noted = this.node()?.status?.conditions?.some((c) => c.type === 'NetworkUnavailable');
        // A kubelet that starts with its pod network up found the CNI config, which the add-on announces.
        if (network?.condition && this.ready && !noted) this.writeNetworkAvailable(network.condition);
        this.status?.start();
        for (const stored of context.store.list(PODS, { index: { name: 'spec.nodeName', value: this.nodeName } }).items) queue.add(stored.key);
      },
      `${this.name} start`,
    );
    this.subscriptions.add(boot);
    if (this.options.runtime?.network && !this.ready) {
      // The network comes up when the agent's pod runs, a change that is never part of a quiet stretch.
      const check = (): void => this.checkNetwork();
      this.subscriptions.add(context.clock.every(RUNTIME_CHECK_MS, check, { label: `${this.name} runtime status`, standIn: () => undefined }));
    }
  }

  /**
   * The kubelet runs the manifests of its static pod path and, once it can reach the API server, creates a mirror
   * pod for each (pkg/kubelet/pod/mirror_client.go). kubeadm pulled their images before init (`kubeadm config
   * images pull` in its preflight), so they are present.
   */
  private createMirrorPods(): void {
    const { store } = this.context;
    for (const pod of this.options.runtime?.staticPods?.(this.nodeName) ?? []) {
      for (const container of pod.spec?.containers ?? []) if (container.image) this.pulledImages.add(container.image);
      if (store.get(PODS, pod.metadata.namespace, pod.metadata.name)) continue;
      const mirror = copyOf(pod);
      const node = this.node();
      mirror.metadata = {
        ...mirror.metadata,
        creationTimestamp: rfc3339(this.context.clock.now()),
        // mirror_client.go sets Controller but not BlockOwnerDeletion on the Node reference.
        ownerReferences: [newControllerRef({ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node?.metadata.uid ?? '' }, false)],
      };
      store.create(PODS, mirror);
    }
  }

  /**
   * The runtime's NetworkReady follows the CNI config, which the network add-on's agent writes once it runs on
   * the node; the agent also clears the node's NetworkUnavailable condition (weave-kube, flannel do).
   */
  private checkNetwork(): void {
    const network = this.options.runtime?.network;
    if (!network || this.ready) return;
    const pods = this.context.store.list(PODS, { index: { name: 'spec.nodeName', value: this.nodeName } }).items.map((stored) => stored.object as Pod);
    const agentRuns = pods.some((pod) => network.isAgent(pod) && pod.status?.phase === 'Running');
    if (!agentRuns) return;
    if (network.condition) this.writeNetworkAvailable(network.condition);
    this.setReady(true);
  }

  private writeNetworkAvailable(up: { reason: string; message: string }): void {
    setNetworkAvailable(this.context, this.nodeName, up);
  }

  /** When a pull of `image` that starts now completes, if the cluster says (a pull still running at the present). */
  pullEndsAt(image: string): number | undefined {
    return this.options.runtime?.pullEndsAt?.(this.nodeName, image);
  }

  stop(): void {
    this.subscriptions.stopAll();
    this.status?.stop();
    for (const worker of this.workers.values()) worker.stop();
    this.workers.clear();
    for (const pod of this.dormant.values()) pod.stop();
    this.dormant.clear();
  }

  /**
   * A change of a pod bound to this node (the kubelet's watch on pods with spec.nodeName = its node). A pod that
   * arrives running quietly, with nothing of it pending, is adopted dormant at once (a settled workload's: 150,000 of
   * them are then not read a second time from a queue); any other change is queued for a sync.
   */
  podChanged(event: StoreEvent): void {
    const pod = event.object.object as Pod;
    const { key } = event.object;
    const ip = event.type === 'DELETED' || pod.spec?.nodeName !== this.nodeName ? undefined : pod.status?.podIP;
    if (ip) this.podIps.set(key, ip);
    else this.podIps.delete(key);
    const unknown = event.type === 'ADDED' && !this.workers.has(key) && !this.dormant.has(key) && this.queue?.has(key) === false;
    if (unknown && this.adoptDormant(key, pod)) return;
    this.queue?.add(key);
  }

  /** A scenario's "the node's network comes up / goes down". */
  setReady(ready: boolean): void {
    this.status?.setReady(ready);
    // Pods held back for the network start now.
    if (ready && this.ctx) {
      for (const stored of this.ctx.store.list(PODS, { index: { name: 'spec.nodeName', value: this.nodeName } }).items) this.queue?.add(stored.key);
    }
  }

  get ready(): boolean {
    return this.status?.isReady ?? this.options.ready ?? true;
  }

  /** A scenario's "container X of pod Y fails now"; false when no such running container. */
  failContainer(namespace: string, pod: string, container: string, crash: Omit<ContainerCrash, 'afterMs'> = {}): boolean {
    const key = `${namespace}/${pod}`;
    return (this.workers.get(key) ?? this.wake(key))?.failContainer(container, crash) ?? false;
  }

  node(): Node | undefined {
    return this.ctx?.store.get(NODES, undefined, this.nodeName)?.object as Node | undefined;
  }

  behaviourOf(pod: Pod, container: string, image: string): ContainerBehaviour {
    return this.options.behaviours?.(pod.metadata.namespace ?? '', pod.metadata.name, container, image) ?? {};
  }

  peerNodes(): readonly PeerNode[] {
    return this.options.peers?.current() ?? peerNodes(this.context.store.list(NODES).items.map((stored) => stored.object as Node));
  }

  usedPodIps(): Set<string> {
    return new Set(this.podIps.values());
  }

  /**
   * A running pod the kubelet finds (a restarted kubelet, a settled workload's pod) that asks nothing of it until it
   * changes — every container running and ready, nothing scripted, the node's network up — is adopted without a
   * worker: its images count as pulled and its containers' image logs are attached (when first touched, see
   * DormantPod), which is all a worker's adoption would do now. Its next change, a scenario's crash or its deletion wakes it (`wake`). 150,000 settled
   * pods then cost their kubelets no worker each. False: the pod is not such a pod.
   */
  private adoptDormant(key: string, pod: Pod): boolean {
    if (!this.ready || pod.spec?.nodeName !== this.nodeName) return false;
    if (!runsQuietly(pod, (container, image) => this.behaviourOf(pod, container, image))) return false;
    for (const spec of pod.spec?.containers ?? []) if (spec.image) this.pulledImages.add(spec.image);
    this.dormant.set(key, new DormantPod(this, pod));
    return true;
  }

  /** A dormant pod's worker, adopting it with the logs attached when it went dormant; undefined if it is not dormant. */
  private wake(key: string): PodWorker | undefined {
    const dormant = this.dormant.get(key);
    if (!dormant) return undefined;
    this.dormant.delete(key);
    const worker = new PodWorker(this, ...splitKey(key));
    this.workers.set(key, worker);
    worker.start(dormant.logs());
    return worker;
  }

  private syncPod(key: string): void {
    const pod = this.context.store.getByKey(PODS, key)?.object as Pod | undefined;
    const dormant = this.dormant.get(key);
    if (dormant && (!pod || pod.spec?.nodeName !== this.nodeName)) {
      this.dormant.delete(key);
      dormant.stop();
      // The pod is gone: the runtime removes its containers, and their logs with them.
      if (!pod) this.context.logs.removePod(...splitKey(key), dormant.containerNames);
      return;
    }
    // Any other change of a dormant pod wakes it: a worker adopts it, with the logs already attached.
    const worker = this.workers.get(key) ?? this.wake(key);
    if (!worker && pod && this.adoptDormant(key, pod)) return;
    const [namespace, name] = splitKey(key);
    if (!pod || pod.spec?.nodeName !== this.nodeName) {
      worker?.stop();
      this.workers.delete(key);
      // The pod is gone: the runtime removes its containers, and their logs with them.
      if (!pod && worker) this.context.logs.removePod(namespace, name, worker.containerNames);
      return;
    }
    if (pod.metadata.deletionTimestamp) {
      const terminating = worker ?? new PodWorker(this, namespace, name);
      this.workers.set(key, terminating);
      terminating.terminate();
      return;
    }
    if ((worker && !worker.awaitingNetwork) || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    const current = worker ?? new PodWorker(this, namespace, name);
    this.workers.set(key, current);
    if (!this.ready && pod.spec?.hostNetwork !== true) {
      // A node whose pod network is not up cannot create pod sandboxes: the kubelet posts the pod's status (its
      // containers waiting in ContainerCreating), then gives up the sync with "network is not ready" (kubelet.go
      // SyncPod); host-network pods (kube-proxy, the CNI agent) still start.
      if (!current.awaitingNetwork) current.awaitNetwork();
      this.recorder.event(pod, 'Warning', 'NetworkNotReady', `network is not ready: ${networkNotReadyMessage(this.node())}`);
      return;
    }
    current.start();
  }
}

/** Whether a running pod asks nothing of its kubelet: all its containers run and are ready, with nothing scripted. */
function runsQuietly(pod: Pod, behaviourOf: (container: string, image: string) => ContainerBehaviour): boolean {
  if (pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) return false;
  if (pod.status.conditions?.find((c) => c.type === 'Ready')?.status !== 'True') return false;
  const statuses = pod.status.containerStatuses ?? [];
  return (pod.spec?.containers ?? []).every((container) => {
    const status = statuses.find((s) => s.name === container.name);
    if (!status?.state?.running || !status.ready) return false;
    const behaviour = behaviourOf(container.name, container.image ?? '');
    return !behaviour.crash && !behaviour.logLines && !behaviour.logScript && behaviour.readyAfterMs === undefined;
  });
}

/** The node of the pod a change is about: where it is bound, or was. */
export function podNodeName(event: StoreEvent): string | undefined {
  return (event.object.object as Pod).spec?.nodeName ?? (event.previous?.object as Pod | undefined)?.spec?.nodeName;
}
