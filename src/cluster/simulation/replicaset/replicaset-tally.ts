import type { KubeObject, Pod } from '../../objects.js';
import { controllerOf } from '../../meta/index.js';
import { labelSelectorAsSelector, type LabelSelector } from '../../selectors/index.js';
import type { ClusterStore, StoreEvent } from '../../store/index.js';
import { PODS } from '../types.js';
import { isPodActive, isPodReady } from './pod-state.js';
import type { ReplicaSet } from './workload-objects.js';

/** What a ReplicaSet's status counts of its pods (replica_set_utils.go calculateStatus), without minReadySeconds. */
export interface PodCounts {
  /** Pods it controls that its selector no longer matches: a sync must release them. */
  unmatched: number;
  /** Claimed pods that are active: status.replicas, and what manageReplicas compares with spec.replicas. */
  active: number;
  fullyLabeled: number;
  ready: number;
}

/** What a pod's counts are read against: the ReplicaSet's selector and template labels, as of one spec. */
interface Basis {
  spec: ReplicaSet['spec'];
  selector: LabelSelector | undefined;
  templateLabels: [string, string][];
}

interface Tally {
  basis: Basis;
  counts: PodCounts;
}

/**
 * The counts of each ReplicaSet's pods, kept from the pods watch once a sync has asked for them, so a sync of a
 * ReplicaSet of 150 pods reads four numbers instead of its 150 pods every time one of them turns Ready. A tally
 * is made against one spec of its ReplicaSet (selector, template labels) and made again when that changes.
 */
export class ReplicaSetTally {
  private readonly byOwner = new Map<string, Tally>();

  follow(store: ClusterStore): () => void {
    this.byOwner.clear();
    return store.watch(PODS, undefined, (event) => this.apply(event));
  }

  /** The counts of the pods `rs` controls; `owned` gives them, in any order, when the tally must be made anew. */
  counts(rs: ReplicaSet, owned: () => Iterable<Readonly<KubeObject>>): Readonly<PodCounts> {
    const uid = rs.metadata.uid ?? '';
    const known = this.byOwner.get(uid);
    if (known && known.basis.spec === rs.spec) return known.counts;
    const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
    const basis: Basis = { spec: rs.spec, selector: rs.spec?.selector ? labelSelectorAsSelector(rs.spec.selector) : undefined, templateLabels };
    const tally: Tally = { basis, counts: { unmatched: 0, active: 0, fullyLabeled: 0, ready: 0 } };
    for (const pod of owned()) count(tally, pod as Pod, 1);
    this.byOwner.set(uid, tally);
    return tally.counts;
  }

  /** The ReplicaSet is gone. */
  forget(uid: string | undefined): void {
    if (uid !== undefined) this.byOwner.delete(uid);
  }

  private apply(event: StoreEvent): void {
    const before = event.previous?.object as Pod | undefined;
    const after = event.type === 'DELETED' ? undefined : (event.object.object as Pod);
    if (before) this.tallyOf(before)?.forEach((tally) => count(tally, before, -1));
    if (after) this.tallyOf(after)?.forEach((tally) => count(tally, after, 1));
  }

  private tallyOf(pod: Readonly<KubeObject>): Tally[] | undefined {
    const owner = controllerOf(pod);
    const tally = owner?.kind === 'ReplicaSet' ? this.byOwner.get(owner.uid) : undefined;
    return tally ? [tally] : undefined;
  }
}

function count({ basis, counts }: Tally, pod: Pod, sign: 1 | -1): void {
  const labels = pod.metadata.labels ?? {};
  if (!(basis.selector?.matches(labels) ?? false)) {
    counts.unmatched += sign;
    return;
  }
  if (!isPodActive(pod)) return;
  counts.active += sign;
  if (basis.templateLabels.every(([key, value]) => labels[key] === value)) counts.fullyLabeled += sign;
  if (isPodReady(pod)) counts.ready += sign;
}
