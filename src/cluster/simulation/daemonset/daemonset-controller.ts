import type { Node, Pod } from '../../objects.js';
import type { StoreEvent } from '../../store/index.js';
import type { Controller, SimulationContext } from '../controller.js';
import { OwnedObjects } from '../owned-objects.js';
import { type Informer, QueuedController } from '../queued-controller.js';
import { deletePod } from '../replicaset/pod-template.js';
import { controllerOf, samePlainValue } from '../../meta/index.js';
import { concernsController, isPodReady, podAvailability } from '../replicaset/pod-state.js';
import { DAEMONSETS, type DaemonSet, splitKey } from '../replicaset/workload-objects.js';
import { NODES, PODS } from '../types.js';
import {
  type DaemonNode,
  daemonNodes,
  DaemonVerdicts,
  newDaemonPod,
  REVISION_HASH,
  targetNodeName,
  TEMPLATE_GENERATION,
  templateGeneration,
  templateRevisionHash,
} from './daemon-pods.js';
import { daemonSetStatus, type PodsOn } from './daemonset-status.js';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';

const NO_PODS: readonly Pod[] = Object.freeze([]);

const created = (pod: Pod): number => Date.parse(pod.metadata.creationTimestamp ?? '') || 0;

/**
 * The DaemonSet controller (k/k pkg/controller/daemon/daemon_controller.go manage, rolling_update.go,
 * updateDaemonSetStatus): one pod on every node that should run it (daemon-pods.ts), including nodes that join
 * later; surplus and misplaced pods deleted, failed ones replaced (`FailedDaemonPod`); with a RollingUpdate
 * strategy, outdated pods are deleted within maxUnavailable so the next sync recreates them from the new
 * template. Pods are created bound to their node (see daemonPodSpec). Pods on nodes that no longer exist are
 * removed at once, the pod garbage collector's job upstream (pkg/controller/podgc), done here for daemon pods.
 */
class DaemonSetController extends QueuedController {
  readonly name = DAEMONSET_CONTROLLER;
  protected readonly resource = DAEMONSETS;
  /** The DaemonSets' pods by the node each is for. */
  private readonly pods = new OwnedObjects(PODS, { controllerKind: 'DaemonSet', groupBy: (pod) => targetNodeName(pod as Pod) });
  private readonly verdicts = new DaemonVerdicts();
  /** The node verdicts each DaemonSet's pods were last checked against for vanished nodes. */
  private readonly nodesChecked = new Map<string, ReadonlyMap<string, DaemonNode>>();

  override start(context: SimulationContext): void {
    super.start(context);
    this.own(this.pods.follow(context.store));
  }

  protected informers(): readonly Informer[] {
    return [
      { resource: NODES, listener: (event) => this.nodeChanged(event) },
      { resource: PODS, listener: (event) => this.podChanged(event) },
    ];
  }

  /**
   * addNode / updateNode: a new node wakes the DaemonSets that should run there; a changed one those for which the
   * node's verdict changed (its labels and taints are what NodeShouldRunDaemonPod reads: a heartbeat changes
   * neither). A node that goes wakes them all, to delete the pods it leaves behind.
   */
  private nodeChanged(event: StoreEvent): void {
    const before = event.previous?.object as Node | undefined;
    const after = event.object.object as Node;
    if (event.type === 'DELETED') return this.enqueueAll();
    if (before !== undefined && samePlainValue(before.metadata.labels, after.metadata.labels) && samePlainValue(before.spec, after.spec)) return;
    for (const stored of this.context.store.list(DAEMONSETS).items) {
      const ds = stored.object as DaemonSet;
      const [now] = daemonNodes(ds, [after]) as [DaemonNode];
      const [was] = before === undefined ? [undefined] : daemonNodes(ds, [before]);
      const wakes = was === undefined ? now.shouldRun : was.shouldRun !== now.shouldRun || was.shouldContinueRunning !== now.shouldContinueRunning;
      if (wakes) this.enqueue(stored.key);
    }
  }

  private podChanged(event: StoreEvent): void {
    if (!concernsController(event.previous?.object as Pod | undefined, event.type === 'DELETED' ? undefined : (event.object.object as Pod), targetNodeName))
      return;
    for (const stored of [event.previous, event.object]) {
      const owner = stored && controllerOf(stored.object);
      if (stored && owner?.kind === 'DaemonSet') this.enqueue(`${stored.namespace}/${owner.name}`);
    }
  }

  protected sync(key: string): void {
    const { store, clock } = this.context;
    const [namespace, name] = splitKey(key);
    const ds = store.get(DAEMONSETS, namespace, name)?.object as DaemonSet | undefined;
    if (!ds) {
      this.verdicts.forget(key);
      this.nodesChecked.delete(key);
      return;
    }
    // Every node's verdict is kept while neither it nor the template changes; the pods by node are kept as they
    // change: a sync reads both without building either.
    const { list: nodes, byName } = this.verdicts.of(key, ds, store.list(NODES).items);
    this.deletePodsOfVanishedNodes(key, ds, byName);
    const podsOn = this.podsOn(ds);
    const generation = templateGeneration(ds);
    const hash = this.currentHash(ds, generation, podsOn, nodes);
    const isUpdated = (pod: Pod): boolean => pod.metadata.labels?.[TEMPLATE_GENERATION] === generation || pod.metadata.labels?.[REVISION_HASH] === hash;
    if (!ds.metadata.deletionTimestamp) {
      this.manage(ds, nodes, podsOn, hash, generation);
      this.rollingUpdate(ds, nodes, podsOn, isUpdated);
    }
    const { status, nextAvailableAt } = daemonSetStatus(ds, nodes, podsOn, isUpdated, clock.now());
    if (!samePlainValue(status, ds.status ?? {})) this.writeOwn(key, () => store.update(DAEMONSETS, { ...ds, status }));
    if (nextAvailableAt !== undefined) this.enqueueAt(key, nextAvailableAt, 'daemonset minReadySeconds');
  }

  /**
   * The current revision's hash: the one its pods of the current template generation carry (a loaded cluster's
   * ControllerRevision is not stored), else ComputeHash of the template.
   */
  private currentHash(ds: DaemonSet, generation: string, podsOn: PodsOn, nodes: readonly DaemonNode[]): string {
    for (const node of nodes) {
      const labelled = podsOn(node.name).find((p) => p.metadata.labels?.[TEMPLATE_GENERATION] === generation)?.metadata.labels?.[REVISION_HASH];
      if (labelled) return labelled;
    }
    return templateRevisionHash(ds);
  }

  /**
   * The DaemonSet's pods on a node, oldest first, as they are at the moment of asking (a step that creates or
   * deletes pods is seen by the next one). Pods of other namespaces than the DaemonSet's are not its own.
   */
  private podsOn(ds: DaemonSet): PodsOn {
    return (nodeName) => {
      const pods = (this.pods.groupsOf(ds.metadata.uid).get(nodeName) ?? NO_PODS) as readonly Pod[];
      if (pods.length === 1 && pods[0]?.metadata.namespace === ds.metadata.namespace) return pods;
      if (pods.length === 0) return pods;
      return pods
        .filter((pod) => pod.metadata.namespace === ds.metadata.namespace)
        .sort((a, b) => created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
    };
  }

  /**
   * Pods on nodes that no longer exist are removed (the pod garbage collector's work upstream, pkg/controller/podgc):
   * looked for on a DaemonSet's first sync and whenever the nodes have changed since its last.
   */
  private deletePodsOfVanishedNodes(key: string, ds: DaemonSet, nodes: ReadonlyMap<string, DaemonNode>): void {
    if (this.nodesChecked.get(key) === nodes) return;
    this.nodesChecked.set(key, nodes);
    const { store } = this.context;
    for (const [nodeName, pods] of [...this.pods.groupsOf(ds.metadata.uid)]) {
      if (nodeName === '' || nodes.has(nodeName)) continue;
      for (const pod of pods) if (pod.metadata.namespace === ds.metadata.namespace) store.delete(PODS, pod.metadata.namespace, pod.metadata.name);
    }
  }

  /** manage / podsShouldBeOnNode: create where missing, delete failed, surplus and misplaced pods. */
  private manage(ds: DaemonSet, nodes: readonly DaemonNode[], podsOn: PodsOn, hash: string, generation: string): void {
    for (const { name: nodeName, shouldRun, shouldContinueRunning } of nodes) {
      const all = podsOn(nodeName);
      // A node whose only pod is terminating waits for it to go before it gets a new one (one pod per node).
      if (shouldRun && all.length === 0) {
        this.create(ds, nodeName, hash, generation);
        continue;
      }
      const only = all.length === 1 ? all[0] : undefined;
      // What almost every node has: the one pod it should, alive. Nothing to do there.
      if (only !== undefined && shouldContinueRunning && !only.metadata.deletionTimestamp && only.status?.phase !== 'Failed') continue;
      const pods = all.filter((p) => !p.metadata.deletionTimestamp);
      if (!shouldContinueRunning) {
        for (const pod of pods) this.delete(ds, pod);
        continue;
      }
      const failed = pods.filter((p) => p.status?.phase === 'Failed');
      for (const pod of failed) {
        this.recorder.event(
          ds,
          'Warning',
          'FailedDaemonPod',
          `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`,
        );
        this.delete(ds, pod);
      }
      const running = pods.filter((p) => p.status?.phase !== 'Failed');
      for (const pod of running.slice(1)) this.delete(ds, pod);
    }
  }

  private create(ds: DaemonSet, nodeName: string, hash: string, generation: string): void {
    const pod = newDaemonPod(this.context, this.random, ds, { nodeName, hash, generation });
    this.context.store.create(PODS, pod);
    this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
  }

  private delete(ds: DaemonSet, pod: Pod): void {
    deletePod(this.context, pod);
    this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
  }

  /**
   * rollingUpdate (rolling_update.go, maxSurge 0): outdated pods that are not available go first; available ones
   * only while fewer than maxUnavailable daemon pods are unavailable. The freed node gets a new pod next sync.
   */
  private rollingUpdate(ds: DaemonSet, nodes: readonly DaemonNode[], podsOn: PodsOn, isUpdated: (pod: Pod) => boolean): void {
    if (ds.spec?.updateStrategy?.type === 'OnDelete') return;
    const current = (node: DaemonNode): Pod | undefined => podsOn(node.name).find((p) => !p.metadata.deletionTimestamp);
    const outdated = (node: DaemonNode): boolean => {
      const pod = node.shouldRun ? current(node) : undefined;
      return pod !== undefined && !isUpdated(pod);
    };
    // What a sync almost always finds: every pod of the current template, nothing to update.
    if (!nodes.some(outdated)) return;
    let desired = 0;
    for (const node of nodes) if (node.shouldRun) desired++;
    const configured = ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable as number | string | undefined;
    const percent = typeof configured === 'string' && /^\d+%$/.exec(configured);
    const maxUnavailable = Math.max(
      1,
      percent ? Math.floor((Number.parseInt(configured as string, 10) * desired) / 100) : typeof configured === 'number' ? configured : 1,
    );
    const now = this.context.clock.now();
    const available = (pod: Pod): boolean => podAvailability(pod, ds.spec?.minReadySeconds ?? 0, now).available;
    let unavailable = 0;
    const outdatedAvailable: Pod[] = [];
    for (const node of nodes) {
      if (!node.shouldRun) continue;
      const pod = current(node);
      if (!pod || !available(pod)) unavailable++;
      if (!pod || isUpdated(pod)) continue;
      if (!isPodReady(pod) || !available(pod)) this.delete(ds, pod);
      else outdatedAvailable.push(pod);
    }
    for (const pod of outdatedAvailable) {
      if (unavailable >= maxUnavailable) break;
      this.delete(ds, pod);
      unavailable++;
    }
  }
}

/** The DaemonSet controller, started by the simulation with the other controllers. */
export function createDaemonSetController(): Controller {
  return new DaemonSetController();
}
