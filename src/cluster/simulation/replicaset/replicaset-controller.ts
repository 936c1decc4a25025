import type { KubeObject, Pod } from '../../objects.js';
import type { StoreEvent } from '../../store/index.js';
import type { Controller, SimulationContext } from '../controller.js';
import { OwnedObjects } from '../owned-objects.js';
import { type Informer, QueuedController } from '../queued-controller.js';
import { copyOf, PODS } from '../types.js';
import { samePlainValue } from '../../meta/index.js';
import { labelSelectorAsSelector, selectorMatches } from '../../selectors/index.js';
import { deletePod, podFromTemplate } from './pod-template.js';
import { controllerOf, isControlledBy, newControllerRef, type OwnerReference } from '../../meta/index.js';
import { concernsController, isPodActive } from './pod-state.js';
import { podsToDelete } from './pods-to-delete.js';
import { replicaSetStatus, type ReplicaSetStatus, statusOf } from './replicaset-status.js';
import { ReplicaSetTally } from './replicaset-tally.js';
import { REPLICASETS, type ReplicaSet, splitKey } from './workload-objects.js';

export const REPLICASET_CONTROLLER = 'replicaset-controller';

/**
 * The ReplicaSet controller (k/k pkg/controller/replicaset/replica_set.go syncReplicaSet): claims the pods its
 * selector matches (adopting orphans, releasing pods that stopped matching), creates pods from the template when
 * fewer than spec.replicas are active (`SuccessfulCreate`) and deletes the surplus, least valuable first
 * (`SuccessfulDelete`), then writes status. Pods it creates are Pending without a node: the scheduler binds them.
 * The store answers synchronously, so upstream's expectations (waiting for the informer to see its own writes)
 * are not needed: the next sync already sees them.
 */
class ReplicaSetController extends QueuedController {
  readonly name = REPLICASET_CONTROLLER;
  protected readonly resource = REPLICASETS;
  private readonly pods = new OwnedObjects(PODS, { controllerKind: 'ReplicaSet' });
  private readonly tally = new ReplicaSetTally();

  protected informers(): readonly Informer[] {
    return [{ resource: PODS, listener: (event) => this.podChanged(event) }];
  }

  override start(context: SimulationContext): void {
    super.start(context);
    this.own(this.pods.follow(context.store));
    this.own(this.tally.follow(context.store));
  }

  /** A pod change wakes its controlling ReplicaSet (old and new), or, for an orphan, every one that could adopt it. */
  private podChanged(event: StoreEvent): void {
    const after = event.type === 'DELETED' ? undefined : (event.object.object as Pod);
    if (!concernsController(event.previous?.object as Pod | undefined, after)) return;
    for (const stored of [event.previous, event.object]) {
      if (!stored) continue;
      const pod = stored.object as Pod;
      const owner = controllerOf(pod);
      const namespace = pod.metadata.namespace ?? '';
      if (owner) {
        if (owner.kind === 'ReplicaSet') this.enqueue(`${namespace}/${owner.name}`);
        continue;
      }
      for (const rs of this.context.store.list(REPLICASETS, { namespace }).items) {
        if (selectorMatches((rs.object as ReplicaSet).spec?.selector, pod.metadata.labels)) this.enqueue(rs.key);
      }
    }
  }

  protected sync(key: string): void {
    const { store, clock } = this.context;
    const [namespace, name] = splitKey(key);
    const rs = store.get(REPLICASETS, namespace, name)?.object as ReplicaSet | undefined;
    if (!rs) return;
    if (this.syncFromCounts(key, rs)) return;
    const active = this.claimPods(rs).filter(isPodActive);
    const managed = !rs.metadata.deletionTimestamp && this.manageReplicas(rs, active);
    const pods = managed ? this.claimPods(rs).filter(isPodActive) : active;
    const current = store.get(REPLICASETS, namespace, name)?.object as ReplicaSet | undefined;
    if (!current) return;
    const { status, nextAvailableAt } = replicaSetStatus(current, pods, clock.now());
    this.writeStatus(key, current, status);
    // AddAfter(key, minReadySeconds): sync again when the next pod becomes available.
    if (nextAvailableAt !== undefined) this.enqueueAt(key, nextAvailableAt, 'replicaset minReadySeconds');
  }

  /**
   * The same sync from the tally of the ReplicaSet's pods, when nothing calls for reading them one by one: no
   * orphan to adopt, no pod to release, none to delete, no minReadySeconds. False: do the sync pod by pod.
   */
  private syncFromCounts(key: string, rs: ReplicaSet): boolean {
    const { store } = this.context;
    const namespace = rs.metadata.namespace ?? '';
    if ((rs.spec?.minReadySeconds ?? 0) > 0 || this.pods.orphansIn(namespace).length > 0) return false;
    const owned = (): Iterable<Readonly<KubeObject>> => this.pods.controlledBy(rs.metadata.uid);
    const before = this.tally.counts(rs, owned);
    if (before.unmatched > 0 || (!rs.metadata.deletionTimestamp && before.active > (rs.spec?.replicas ?? 1))) return false;
    if (!rs.metadata.deletionTimestamp) this.createPods(rs, (rs.spec?.replicas ?? 1) - before.active);
    const current = store.get(REPLICASETS, namespace, rs.metadata.name)?.object as ReplicaSet | undefined;
    if (!current) return true;
    const counts = this.tally.counts(current, owned);
    this.writeStatus(
      key,
      current,
      statusOf(current, { replicas: counts.active, fullyLabeled: counts.fullyLabeled, ready: counts.ready, available: counts.ready }),
    );
    return true;
  }

  /** Its own status write needs no sync after it: one at this instant would find what this one found. */
  private writeStatus(key: string, current: ReplicaSet, status: ReplicaSetStatus): void {
    if (!samePlainValue(status, current.status ?? {})) this.writeOwn(key, () => this.context.store.update(REPLICASETS, { ...current, status }));
  }

  /**
   * ClaimPods (pkg/controller/controller_ref_manager.go): the pods controlled by the ReplicaSet that match its
   * selector; orphans that match are adopted, owned pods that no longer match are released.
   */
  private claimPods(rs: ReplicaSet): Pod[] {
    const { store } = this.context;
    const namespace = rs.metadata.namespace ?? '';
    const selector = rs.spec?.selector ? labelSelectorAsSelector(rs.spec.selector) : undefined;
    const claimed: Pod[] = [];
    // Only pods it controls or that no one controls are the ReplicaSet's to claim or release, in key order.
    const owned = this.pods.ownedBy(rs.metadata.uid);
    const orphans = this.pods.orphansIn(namespace);
    const keys = orphans.length === 0 ? owned : [...owned, ...orphans].sort();
    for (const key of keys) {
      const pod = store.get(PODS, namespace, key.slice(namespace.length + 1))?.object as Pod | undefined;
      if (!pod) continue;
      const matches = selector?.matches(pod.metadata.labels ?? {}) ?? false;
      const owned = isControlledBy(pod, rs);
      if (owned && matches) claimed.push(pod);
      else if (owned)
        store.update(
          PODS,
          withOwners(
            pod,
            ownersOf(pod).filter((ref) => ref.uid !== rs.metadata.uid),
          ),
        );
      else if (matches && !controllerOf(pod) && !pod.metadata.deletionTimestamp && !rs.metadata.deletionTimestamp) {
        claimed.push(store.update(PODS, withOwners(pod, [...ownersOf(pod), newControllerRef(rs)])).object as Pod);
      }
    }
    return claimed;
  }

  /** manageReplicas: create the missing pods, or delete the surplus; whether it did either. */
  private manageReplicas(rs: ReplicaSet, active: readonly Pod[]): boolean {
    const diff = active.length - (rs.spec?.replicas ?? 1);
    if (diff < 0) this.createPods(rs, -diff);
    else if (diff > 0) {
      for (const pod of podsToDelete(active, diff)) {
        deletePod(this.context, pod);
        this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      }
    }
    return diff !== 0;
  }

  private createPods(rs: ReplicaSet, count: number): void {
    for (let i = 0; i < count; i++) {
      const pod = podFromTemplate(this.context, this.random, rs, rs.spec?.template, { prefix: `${rs.metadata.name}-` });
      this.context.store.create(PODS, pod);
      this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    }
  }
}

function ownersOf(pod: Pod): OwnerReference[] {
  return (pod.metadata.ownerReferences as OwnerReference[] | undefined) ?? [];
}

function withOwners(pod: Pod, owners: OwnerReference[]): Pod {
  const next = copyOf(pod);
  next.metadata = { ...next.metadata, ownerReferences: owners };
  if (owners.length === 0) delete next.metadata.ownerReferences;
  return next;
}

/** The ReplicaSet controller, started by the simulation with the other controllers. */
export function createReplicaSetController(): Controller {
  return new ReplicaSetController();
}
