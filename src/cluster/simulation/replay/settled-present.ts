import type { KubeObject, Node, Pod } from '../../objects.js';
import type { ResourceKey } from '../../resources/resource-type.js';
import { plainCopy } from '../../meta/index.js';
import type { Controller, SimulationContext } from '../controller.js';
import { newDaemonPod, templateGeneration, templateRevisionHash, daemonNodes } from '../daemonset/daemon-pods.js';
import { newReplicaSet, newReplicaSetReplicas } from '../deployment/replica-set-scaler.js';
import { conditionsAfterRollout } from '../deployment/deployment-status.js';
import { podTemplateHash } from '../deployment/replica-sets.js';
import { EVENT_TTL_MS } from '../event-recorder.js';
import type { SeededRandom } from '../random.js';
import { podFromTemplate } from '../replicaset/pod-template.js';
import { replicaSetStatus } from '../replicaset/replicaset-status.js';
import { DAEMONSETS, type DaemonSet, DEPLOYMENTS, type Deployment, REPLICASETS } from '../replicaset/workload-objects.js';
import { boundPod } from '../scheduler/scheduler.js';
import { NOT_READY_TAINT_KEY, tolerated } from '../taints.js';
import { NODES, PODS } from '../types.js';
import { Subscriptions } from '../work-queue.js';
import type { CreationRecord } from './history-replay.js';
import { type NodeRoom, SettledPlacement } from './settled-placement.js';
import { type SettledNode, settledNode, settledRunningPod } from './settled-pod.js';

/**
 * How long before the settling instant the last node boot and the last settled workload's creation lie: longer
 * than a pod takes from creation to running (scheduling, pulls, starts are seconds), so every settled pod's steps
 * lie before the instant its present is written.
 */
export const SETTLE_QUIET_MS = 5 * 60_000;

/** Workloads whose present the replay writes at once, and the instant it does. */
export interface SettledPresent {
  atMs: number;
  /** In creation order. */
  workloads: readonly CreationRecord[];
}

/** What the replay knows of a compact cluster's past that settling reads. */
export interface SettleablePast {
  bornMs: number;
  /** What existed at the cluster's birth. */
  born: readonly { resource: ResourceKey; object: KubeObject }[];
  created: readonly CreationRecord[];
  machines: readonly { bootsAtMs: number }[];
  settleable: ReadonlySet<KubeObject>;
}

/**
 * Which workloads settle, and when. A workload whose pods all started more than the events' TTL before the present
 * has left nothing of its past but its present: its events are gone (an hour after their last write), and its
 * objects are what its controllers, the scheduler and the kubelets last wrote. Living through that past only to
 * throw it away is what makes a month-old 150,000-pod cluster slow to open; writing the present directly is not.
 * The workloads the file allows to settle (ClusterHistory.settleable) that were created long enough ago settle at
 * one instant: SETTLE_QUIET_MS after the later of their last creation and the last node boot before them, at
 * least the TTL before the present, so no event they would have had could still be listed. What settles is
 * written as its controllers would have left it, with the differences docs/decisions/simulation.md lists
 * ("settled workloads"); everything else is lived through as before.
 */
export function settledPresent(past: SettleablePast, nowMs: number): SettledPresent | undefined {
  const latest = nowMs - EVENT_TTL_MS - SETTLE_QUIET_MS;
  const workloads: CreationRecord[] = [];
  if (past.bornMs <= latest) for (const entry of past.born) if (past.settleable.has(entry.object)) workloads.push({ atMs: past.bornMs, ...entry });
  for (const record of past.created) if (record.atMs <= latest && past.settleable.has(record.object)) workloads.push(record);
  if (workloads.length === 0) return undefined;
  let from = past.bornMs;
  for (const workload of workloads) from = Math.max(from, workload.atMs);
  for (const machine of past.machines) if (machine.bootsAtMs <= latest) from = Math.max(from, machine.bootsAtMs);
  return { atMs: from + SETTLE_QUIET_MS, workloads };
}

/**
 * Writes the settled workloads' present at their instant, in creation order: a Deployment with its ReplicaSet
 * (as the Deployment controller creates it) and its pods (as the ReplicaSet controller does), a DaemonSet with a
 * pod on each Ready node it should run on; each pod placed by the scheduler's filters and scores (SettledPlacement)
 * and running as its kubelet has left it (settledRunningPod), or left unbound when no node takes it. The
 * controllers then find what they would have made: they write the workloads' status, and the kubelets adopt
 * the pods as a restarted kubelet adopts running ones. No event is written: all would have expired.
 */
export class SettledWorkloads implements Controller {
  readonly name = 'settled-workloads';
  private readonly subscriptions = new Subscriptions();

  constructor(private readonly present: SettledPresent) {}

  start(context: SimulationContext): void {
    this.subscriptions.add(context.clock.at(this.present.atMs, () => new SettledWriter(context).write(this.present.workloads), 'settled workloads'));
  }

  stop(): void {
    this.subscriptions.stopAll();
  }
}

class SettledWriter {
  private readonly random: SeededRandom;
  private readonly placement: SettledPlacement;
  /** What each node's kubelet knew, kept with the node's room: placing a pod reads it, and a lookup by name per pod cost more. */
  private readonly nodes = new WeakMap<NodeRoom, SettledNode>();

  constructor(private readonly context: SimulationContext) {
    this.random = context.random.fork('settled-workloads');
    this.placement = new SettledPlacement(context.store, this.random);
  }

  write(workloads: readonly CreationRecord[]): void {
    for (const record of workloads) {
      if (record.object.kind === 'Deployment') this.deployment(record);
      else if (record.object.kind === 'DaemonSet') this.daemonSet(record);
    }
  }

  /**
   * The pods, then their ReplicaSet with the status its controller gives them, then the Deployment with the
   * conditions its rollout left (when every pod runs): its controller then finds the rollout done, as it would have.
   * The pods name their ReplicaSet by uid, drawn before it is stored; the Deployment's uid is its file's.
   */
  private deployment(record: CreationRecord): void {
    const { store } = this.context;
    const deployment = plainCopy(record.object) as Deployment;
    const replicas = newReplicaSetReplicas(deployment, 0, 0);
    const rs = this.withUid(newReplicaSet(deployment, { hash: podTemplateHash(deployment), revision: 1, replicas, now: record.atMs }));
    // Each pod is stored before the next is named: generateName draws again for a name already taken.
    const prefix = `${rs.metadata.name}-`;
    let place: ((pod: Pod) => NodeRoom | undefined) | undefined;
    const pods: Pod[] = [];
    for (let i = 0; i < replicas; i++) {
      const pod = podFromTemplate(this.context, this.random, rs, rs.spec?.template, { prefix, createdMs: record.atMs, uid: this.random.uuid() });
      place ??= this.placement.placer(pod, record.atMs);
      pods.push(store.create(PODS, this.running(pod, place(pod), record.atMs)).object as Pod);
    }
    store.create(REPLICASETS, { ...rs, status: replicaSetStatus(rs, pods, this.context.clock.now()).status });
    const readyMs = pods.flatMap((pod) => {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
      return ready ? [Date.parse(ready.lastTransitionTime ?? '')] : [];
    });
    if (readyMs.length === replicas) deployment.status = { conditions: conditionsAfterRollout(deployment, rs.metadata.name, record.atMs, readyMs) };
    store.create(DEPLOYMENTS, deployment);
  }

  private daemonSet(record: CreationRecord): void {
    const { store } = this.context;
    const ds = store.create(DAEMONSETS, plainCopy(record.object)).object as DaemonSet;
    const hash = templateRevisionHash(ds);
    const generation = templateGeneration(ds);
    const nodes = store.list(NODES).items.map((stored) => stored.object as Node);
    for (const verdict of daemonNodes(ds, nodes)) {
      const room = verdict.shouldRun ? this.placement.room(verdict.name) : undefined;
      // A node that is not Ready gets its daemon pod from the DaemonSet controller, lived from the settling on.
      if (!room) continue;
      const createdMs = Math.max(record.atMs, this.node(room).registeredMs || record.atMs);
      const pod = newDaemonPod(this.context, this.random, ds, { nodeName: verdict.name, hash, generation, createdMs, uid: this.random.uuid() });
      store.create(PODS, this.running(pod, this.placement.bindTo(pod, verdict.name), createdMs));
    }
  }

  /**
   * The pod bound to the room's node and running there since, or as created when no node takes it. It was bound
   * once it was created and its node could take it: registered, for a pod that tolerates the not-ready taint the
   * kubelet registers with (a daemon pod), Ready for the others.
   */
  private running(pod: Pod, room: NodeRoom | undefined, createdMs: number): Pod {
    if (!room) return pod;
    const node = this.node(room);
    const { registeredMs, readyMs } = node;
    const waitsForReady = !tolerated(pod.spec?.tolerations, { key: NOT_READY_TAINT_KEY, effect: 'NoSchedule' });
    const latest = this.context.clock.now();
    // The not-ready taint the kubelet registers with goes at the node lifecycle controller's next pass (5 s).
    const schedulableMs = waitsForReady ? readyMs + this.random.between(0, 5_000) : registeredMs;
    const boundMs = Math.min(latest, Math.max(createdMs, schedulableMs) + this.random.between(0, 1_000));
    return settledRunningPod(boundPod(pod, node.node.metadata.name, boundMs), node, { startMs: boundMs, networkReadyMs: readyMs, random: this.random });
  }

  /**
   * With a uid drawn as the API server draws one (pods get theirs as they are made): the store would derive one from
   * the resourceVersion of the write, which counts the heartbeats replayed before it.
   */
  private withUid<T extends KubeObject>(object: T): T {
    return { ...object, metadata: { ...object.metadata, uid: this.random.uuid() } };
  }

  /** A node at the settling instant: when it registered and turned Ready, its images and pod IPs, kept as its settled pods take more. */
  private node(room: NodeRoom): SettledNode {
    const { node } = room;
    let settled = this.nodes.get(room);
    if (!settled) {
      const pulledImages = new Set((node.status?.images ?? []).flatMap((image) => image.names ?? []));
      const usedPodIps = new Set<string>();
      for (const stored of this.context.store.list(PODS, { index: { name: 'spec.nodeName', value: node.metadata.name } }).items) {
        const pod = stored.object as Pod;
        for (const container of pod.spec?.containers ?? []) if (container.image) pulledImages.add(container.image);
        if (pod.status?.podIP) usedPodIps.add(pod.status.podIP);
      }
      const registeredMs = Date.parse(node.metadata.creationTimestamp ?? '');
      settled = settledNode(node, registeredMs, room.readyMs, pulledImages, usedPodIps);
      this.nodes.set(room, settled);
    }
    return settled;
  }
}
