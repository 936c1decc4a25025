import type { Node, Pod } from '../../objects.js';
import type { Controller, SimulationContext } from '../controller.js';
import type { ComponentRecorder } from '../event-recorder.js';
import type { SeededRandom } from '../random.js';
import { NODES, PODS } from '../types.js';
import { Subscriptions, WorkQueue } from '../work-queue.js';
import type { BehaviourSource, ContainerBehaviour, ContainerCrash } from './kubelet-config.js';
import { NodeStatusReporter } from './node-status.js';
import { type KubeletHost, PodWorker } from './pod-worker.js';

export interface KubeletOptions {
  nodeName: string;
  /** Whether the node's runtime network is up (Ready) when the kubelet starts; default true. */
  ready?: boolean;
  behaviours?: BehaviourSource;
}

/**
 * One node's kubelet (pkg/kubelet): the node half (Lease, conditions) in NodeStatusReporter, the pod half in one
 * PodWorker per pod bound to the node. It learns of its pods the way the real one does, by watching pods whose
 * spec.nodeName is its node; events carry source {component: kubelet, host: <node>}.
 */
const NETWORK_NOT_READY =
  'network is not ready: container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized';

export class Kubelet implements Controller, KubeletHost {
  readonly name: string;
  readonly nodeName: string;
  readonly pulledImages = new Set<string>();
  private ctx: SimulationContext | undefined;
  private rng: SeededRandom | undefined;
  private componentRecorder: ComponentRecorder | undefined;
  private status: NodeStatusReporter | undefined;
  private readonly workers = new Map<string, PodWorker>();
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
    this.subscriptions.add(queue);
    this.subscriptions.add(
      context.store.watch(PODS, undefined, (event) => {
        const nodeName = (event.object.object as Pod).spec?.nodeName ?? (event.previous?.object as Pod | undefined)?.spec?.nodeName;
        if (nodeName === this.nodeName) queue.add(event.object.key);
      }),
    );
    this.status = new NodeStatusReporter(this.nodeName, context, this.recorder, this.options.ready ?? true);
    // Start-up work runs as a task, never inside whoever called start (it may be a store listener).
    const boot = context.clock.after(
      0,
      () => {
        this.status?.start();
        for (const stored of context.store.list(PODS, { index: { name: 'spec.nodeName', value: this.nodeName } }).items) queue.add(stored.key);
      },
      `${this.name} start`,
    );
    this.subscriptions.add(boot);
  }

  stop(): void {
    this.subscriptions.stopAll();
    this.status?.stop();
    for (const worker of this.workers.values()) worker.stop();
    this.workers.clear();
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
    return this.workers.get(`${namespace}/${pod}`)?.failContainer(container, crash) ?? false;
  }

  node(): Node | undefined {
    return this.ctx?.store.get(NODES, undefined, this.nodeName)?.object as Node | undefined;
  }

  behaviourOf(pod: Pod, container: string, image: string): ContainerBehaviour {
    return this.options.behaviours?.(pod.metadata.namespace ?? '', pod.metadata.name, container, image) ?? {};
  }

  usedPodIps(): Set<string> {
    const pods = this.context.store.list(PODS, { index: { name: 'spec.nodeName', value: this.nodeName } }).items;
    return new Set(pods.map((stored) => (stored.object as Pod).status?.podIP).filter((ip): ip is string => !!ip));
  }

  private syncPod(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const pod = this.context.store.get(PODS, namespace, name)?.object as Pod | undefined;
    const worker = this.workers.get(key);
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
    if (worker || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
    if (!this.ready && pod.spec?.hostNetwork !== true) {
      // A node whose pod network is not up cannot create pod sandboxes: its pods wait in ContainerCreating
      // (kubelet pod_workers: "network is not ready"), host-network pods (kube-proxy, the CNI agent) still start.
      this.recorder.event(pod, 'Warning', 'NetworkNotReady', NETWORK_NOT_READY);
      return;
    }
    const created = new PodWorker(this, namespace, name);
    this.workers.set(key, created);
    created.start();
  }
}
