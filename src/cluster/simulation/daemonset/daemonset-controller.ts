import type { Node, Pod } from '../../objects.js';
import type { StoreEvent } from '../../store/index.js';
import type { Controller, SimulationContext } from '../controller.js';
import { OwnedObjects } from '../owned-objects.js';
import { type Informer, QueuedController } from '../queued-controller.js';
import { canonicalJson, templateHash } from '../replicaset/generated-name.js';
import { deletePod, podFromTemplate } from '../replicaset/pod-template.js';
import { controllerOf, samePlainValue } from '../../meta/index.js';
import { concernsController, isPodReady, podAvailability } from '../replicaset/pod-state.js';
import { DAEMONSETS, type DaemonSet, splitKey } from '../replicaset/workload-objects.js';
import { NODES, PODS } from '../types.js';
import { type DaemonNode, daemonNodes, daemonPodSpec, targetNodeName } from './daemon-pods.js';
import { daemonSetStatus } from './daemonset-status.js';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';
const REVISION_HASH = 'controller-revision-hash';
const TEMPLATE_GENERATION = 'pod-template-generation';
const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

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
  private readonly pods = new OwnedObjects(PODS);

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
    if (!ds) return;
    // What every node says and which pods each has are read once, and read again only after a step changed pods.
    const nodes = daemonNodes(
      ds,
      store.list(NODES).items.map((s) => s.object as Node),
    );
    let byNode = this.podsByNode(ds, nodes);
    const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? String(ds.metadata.generation ?? 1);
    const hash = this.currentHash(ds, generation, byNode);
    const isUpdated = (pod: Pod): boolean => pod.metadata.labels?.[TEMPLATE_GENERATION] === generation || pod.metadata.labels?.[REVISION_HASH] === hash;
    if (!ds.metadata.deletionTimestamp) {
      if (this.manage(ds, nodes, byNode, hash, generation)) byNode = this.podsByNode(ds, nodes);
      if (this.rollingUpdate(ds, nodes, byNode, isUpdated)) byNode = this.podsByNode(ds, nodes);
    }
    const { status, nextAvailableAt } = daemonSetStatus(ds, nodes, byNode, isUpdated, clock.now());
    if (!samePlainValue(status, ds.status ?? {})) this.writeOwn(key, () => store.update(DAEMONSETS, { ...ds, status }));
    if (nextAvailableAt !== undefined) this.enqueueAt(key, nextAvailableAt, 'daemonset minReadySeconds');
  }

  /**
   * The current revision's hash: the one its pods of the current template generation carry (a loaded cluster's
   * ControllerRevision is not stored), else ComputeHash of the template.
   */
  private currentHash(ds: DaemonSet, generation: string, byNode: ReadonlyMap<string, Pod[]>): string {
    for (const pods of byNode.values()) {
      const labelled = pods.find((p) => p.metadata.labels?.[TEMPLATE_GENERATION] === generation)?.metadata.labels?.[REVISION_HASH];
      if (labelled) return labelled;
    }
    return templateHash(canonicalJson(ds.spec?.template ?? {}) + (ds.status?.collisionCount ? String(ds.status.collisionCount) : ''));
  }

  /** The DaemonSet's pods by node name, oldest first; those of vanished nodes are deleted on the way. */
  private podsByNode(ds: DaemonSet, nodes: readonly DaemonNode[]): Map<string, Pod[]> {
    const { store } = this.context;
    const byNode = new Map<string, Pod[]>();
    const existing = new Set(nodes.map((node) => node.name));
    for (const object of [...this.pods.controlledBy(ds.metadata.uid)]) {
      const pod = object as Pod;
      const nodeName = targetNodeName(pod);
      // Indexed by its controller's uid: only the namespace is left to check (an owner is in its objects' namespace).
      if (pod.metadata.namespace !== ds.metadata.namespace || !nodeName) continue;
      if (!existing.has(nodeName)) {
        store.delete(PODS, pod.metadata.namespace, pod.metadata.name);
        continue;
      }
      const onNode = byNode.get(nodeName);
      if (onNode === undefined) byNode.set(nodeName, [pod]);
      else onNode.push(pod);
    }
    for (const pods of byNode.values()) if (pods.length > 1) pods.sort((a, b) => created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
    return byNode;
  }

  /** manage / podsShouldBeOnNode: create where missing, delete failed, surplus and misplaced pods. Whether it changed any. */
  private manage(ds: DaemonSet, nodes: readonly DaemonNode[], byNode: ReadonlyMap<string, Pod[]>, hash: string, generation: string): boolean {
    let changed = false;
    for (const { name: nodeName, shouldRun, shouldContinueRunning } of nodes) {
      const all = byNode.get(nodeName) ?? [];
      // A node whose only pod is terminating waits for it to go before it gets a new one (one pod per node).
      if (shouldRun && all.length === 0) {
        this.create(ds, nodeName, hash, generation);
        changed = true;
        continue;
      }
      const only = all.length === 1 ? all[0] : undefined;
      // What almost every node has: the one pod it should, alive. Nothing to do there.
      if (only !== undefined && shouldContinueRunning && !only.metadata.deletionTimestamp && only.status?.phase !== 'Failed') continue;
      const pods = all.filter((p) => !p.metadata.deletionTimestamp);
      if (!shouldContinueRunning) {
        for (const pod of pods) this.delete(ds, pod);
        changed ||= pods.length > 0;
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
        changed = true;
      }
      const running = pods.filter((p) => p.status?.phase !== 'Failed');
      for (const pod of running.slice(1)) this.delete(ds, pod);
      changed ||= running.length > 1;
    }
    return changed;
  }

  private create(ds: DaemonSet, nodeName: string, hash: string, generation: string): void {
    const pod = podFromTemplate(this.context, this.random, ds, ds.spec?.template, {
      prefix: `${ds.metadata.name}-`,
      extraLabels: { [REVISION_HASH]: hash, [TEMPLATE_GENERATION]: generation },
      adjustSpec: (spec) => daemonPodSpec(spec, nodeName),
    });
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
   * Whether it deleted any.
   */
  private rollingUpdate(ds: DaemonSet, nodes: readonly DaemonNode[], byNode: ReadonlyMap<string, Pod[]>, isUpdated: (pod: Pod) => boolean): boolean {
    if (ds.spec?.updateStrategy?.type === 'OnDelete') return false;
    const desired = nodes.filter((n) => n.shouldRun).length;
    const configured = ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable as number | string | undefined;
    const percent = typeof configured === 'string' && /^\d+%$/.exec(configured);
    const maxUnavailable = Math.max(
      1,
      percent ? Math.floor((Number.parseInt(configured as string, 10) * desired) / 100) : typeof configured === 'number' ? configured : 1,
    );
    const now = this.context.clock.now();
    const available = (pod: Pod): boolean => podAvailability(pod, ds.spec?.minReadySeconds ?? 0, now).available;
    let changed = false;
    let unavailable = 0;
    const outdatedAvailable: Pod[] = [];
    for (const node of nodes) {
      if (!node.shouldRun) continue;
      const pod = (byNode.get(node.name) ?? []).find((p) => !p.metadata.deletionTimestamp);
      if (!pod || !available(pod)) unavailable++;
      if (!pod || isUpdated(pod)) continue;
      if (!isPodReady(pod) || !available(pod)) {
        this.delete(ds, pod);
        changed = true;
      } else outdatedAvailable.push(pod);
    }
    for (const pod of outdatedAvailable) {
      if (unavailable >= maxUnavailable) break;
      this.delete(ds, pod);
      changed = true;
      unavailable++;
    }
    return changed;
  }
}

/** The DaemonSet controller, started by the simulation with the other controllers. */
export function createDaemonSetController(): Controller {
  return new DaemonSetController();
}
