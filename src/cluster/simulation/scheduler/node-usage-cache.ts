import type { Pod } from '../../objects.js';
import type { ClusterStore } from '../../store/index.js';
import { PODS } from '../types.js';
import { type NodeUsage, podRequests, type Requests } from './node-fit.js';
import { nonZeroRequests } from './node-score.js';

/** What the pods bound to one node request: exact sums for the fit filters, non-zero ones for scoring. */
export interface NodeTotals {
  fit: NodeUsage;
  score: Requests;
}

interface Contribution {
  node: string;
  /** The spec the requests were read from: a status write keeps it, and the sums need no update. */
  spec: Pod['spec'];
  fit: Requests;
  score: Requests;
}

const EMPTY: NodeTotals = { fit: { milliCpu: 0, memory: 0, pods: 0 }, score: { milliCpu: 0, memory: 0 } };

/**
 * The scheduler's cache (pkg/scheduler/backend/cache): each node's totals, kept up to date from the pods watch, so
 * a scheduling decision reads them instead of walking every pod of the cluster. A pod counts while it is bound
 * and not finished. Requests are whole millicores and bytes, so adding and removing them keeps the sums exact.
 */
export class NodeUsageCache {
  private readonly contributions = new Map<string, Contribution>();
  private readonly totals = new Map<string, NodeTotals>();

  /** Fills the cache from the store and follows its pods; returns the way to stop following. */
  follow(store: ClusterStore): () => void {
    this.contributions.clear();
    this.totals.clear();
    const stop = store.watch(PODS, undefined, (event) => this.set(event.object.key, event.type === 'DELETED' ? undefined : (event.object.object as Pod)));
    for (const stored of store.list(PODS).items) this.set(stored.key, stored.object as Pod);
    return stop;
  }

  /** The totals of the pods bound to `node`. */
  of(node: string): NodeTotals {
    return this.totals.get(node) ?? EMPTY;
  }

  /** The totals of `node` as a live object, kept up to date from then on (a scheduling cycle reads it per node). */
  live(node: string): NodeTotals {
    let totals = this.totals.get(node);
    if (!totals) {
      totals = { fit: { milliCpu: 0, memory: 0, pods: 0 }, score: { milliCpu: 0, memory: 0 } };
      this.totals.set(node, totals);
    }
    return totals;
  }

  /** Records the current state of the pod `key` (undefined: gone). */
  set(key: string, pod: Pod | undefined): void {
    const previous = this.contributions.get(key);
    const node = pod?.spec?.nodeName;
    const counts = pod !== undefined && node !== undefined && node !== '' && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
    if (counts && previous?.spec === pod.spec) return;
    if (previous) this.add(previous, -1);
    if (!counts) {
      this.contributions.delete(key);
      return;
    }
    const contribution: Contribution = { node, spec: pod.spec, fit: podRequests(pod), score: nonZeroRequests(pod) };
    this.contributions.set(key, contribution);
    this.add(contribution, 1);
  }

  private add({ node, fit, score }: Contribution, sign: 1 | -1): void {
    const totals = this.live(node);
    totals.fit.milliCpu += sign * fit.milliCpu;
    totals.fit.memory += sign * fit.memory;
    totals.fit.pods += sign;
    totals.score.milliCpu += sign * score.milliCpu;
    totals.score.memory += sign * score.memory;
  }
}
