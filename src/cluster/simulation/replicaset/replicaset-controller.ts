import type { Pod } from '../../objects.js';
import type { StoreEvent } from '../../store/index.js';
import type { Controller } from '../controller.js';
import { type Informer, QueuedController } from '../queued-controller.js';
import { copyOf, PODS } from '../types.js';
import { canonicalJson } from './generated-name.js';
import { selectorMatches } from '../../selectors/index.js';
import { deletePod, podFromTemplate } from './pod-template.js';
import { controllerOf, isControlledBy, newControllerRef, type OwnerReference } from '../../meta/index.js';
import { isPodActive } from './pod-state.js';
import { podsToDelete } from './pods-to-delete.js';
import { replicaSetStatus } from './replicaset-status.js';
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

  protected informers(): readonly Informer[] {
    return [{ resource: PODS, listener: (event) => this.podChanged(event) }];
  }

  /** A pod change wakes its controlling ReplicaSet (old and new), or, for an orphan, every one that could adopt it. */
  private podChanged(event: StoreEvent): void {
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
    const active = this.claimPods(rs).filter(isPodActive);
    if (!rs.metadata.deletionTimestamp) this.manageReplicas(rs, active);
    const pods = this.claimPods(rs).filter(isPodActive);
    const current = store.get(REPLICASETS, namespace, name)?.object as ReplicaSet | undefined;
    if (!current) return;
    const { status, nextAvailableAt } = replicaSetStatus(current, pods, clock.now());
    if (canonicalJson(status) !== canonicalJson(current.status ?? {})) store.update(REPLICASETS, { ...copyOf(current), status });
    // AddAfter(key, minReadySeconds): sync again when the next pod becomes available.
    if (nextAvailableAt !== undefined) this.enqueueAt(key, nextAvailableAt, 'replicaset minReadySeconds');
  }

  /**
   * ClaimPods (pkg/controller/controller_ref_manager.go): the pods controlled by the ReplicaSet that match its
   * selector; orphans that match are adopted, owned pods that no longer match are released.
   */
  private claimPods(rs: ReplicaSet): Pod[] {
    const { store } = this.context;
    const claimed: Pod[] = [];
    for (const stored of store.list(PODS, { namespace: rs.metadata.namespace ?? '' }).items) {
      const pod = stored.object as Pod;
      const matches = selectorMatches(rs.spec?.selector, pod.metadata.labels);
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

  /** manageReplicas: create the missing pods, or delete the surplus. */
  private manageReplicas(rs: ReplicaSet, active: readonly Pod[]): void {
    const diff = active.length - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const pod = podFromTemplate(this.context, this.random, rs, rs.spec?.template, { prefix: `${rs.metadata.name}-` });
        this.context.store.create(PODS, pod);
        this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      }
    } else if (diff > 0) {
      for (const pod of podsToDelete(active, diff)) {
        deletePod(this.context, pod);
        this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      }
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
