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

  /** Records the current state of the pod `key` (undefined: gone). */
  set(key: string, pod: Pod | undefined): void {
    const previous = this.contributions.get(key);
    if (previous) this.add(previous, -1);
    const node = pod?.spec?.nodeName;
    if (!pod || !node || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      this.contributions.delete(key);
      return;
    }
    const contribution: Contribution = { node, fit: podRequests(pod), score: nonZeroRequests(pod) };
    this.contributions.set(key, contribution);
    this.add(contribution, 1);
  }

  private add({ node, fit, score }: Contribution, sign: 1 | -1): void {
    const totals = this.totals.get(node) ?? { fit: { milliCpu: 0, memory: 0, pods: 0 }, score: { milliCpu: 0, memory: 0 } };
    totals.fit.milliCpu += sign * fit.milliCpu;
    totals.fit.memory += sign * fit.memory;
    totals.fit.pods += sign;
    totals.score.milliCpu += sign * score.milliCpu;
    totals.score.memory += sign * score.memory;
    if (totals.fit.pods === 0) this.totals.delete(node);
    else this.totals.set(node, totals);
  }
}
