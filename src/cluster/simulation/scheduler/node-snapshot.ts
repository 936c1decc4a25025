import type { Node, Pod } from '../../objects.js';
import type { ClusterStore, StoreEvent } from '../../store/index.js';
import { NODES } from '../types.js';
import { allocatable, constraintFailure, type FitFailure, type NodeUsage } from './node-fit.js';
import type { NodeTotals } from './node-usage-cache.js';
import { requiredNodeNames } from './node-affinity.js';

/** One node as the scheduler's snapshot holds it. */
export interface NodeInfo {
  readonly name: string;
  node: Node;
  /** status.allocatable, parsed once per change. */
  capacity: NodeUsage;
  /** What the filters read of the node (labels, taints, unschedulable, allocatable) and its conditions, as text. */
  scheduling: string;
  /** Goes up whenever `scheduling` changes: what a cached filter verdict was computed against. */
  version: number;
  /** What the pods bound to it request (the scheduler's cache keeps it up to date); set on first use. */
  usage?: NodeTotals;
}

/**
 * pkg/scheduler/schedule_one.go numFeasibleNodesToFind: how many feasible nodes a scheduling cycle looks for before
 * it stops filtering and scores them. All nodes below 100; otherwise percentageOfNodesToScore, adaptive by default
 * (50% less one point per 125 nodes, at least 5%), and never fewer than 100.
 */
export function numFeasibleNodesToFind(allNodes: number, percentageOfNodesToScore = 0): number {
  const MIN_FEASIBLE_NODES = 100;
  const MIN_PERCENTAGE = 5;
  if (allNodes < MIN_FEASIBLE_NODES || percentageOfNodesToScore >= 100) return allNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage <= 0) percentage = Math.max(MIN_PERCENTAGE, 50 - Math.trunc(allNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES, Math.trunc((allNodes * percentage) / 100));
}

/** What makes two node versions differ for the scheduler: heartbeat times left out (nodeSchedulingPropertiesChange). */
function schedulingText(node: Node): string {
  const conditions = (node.status?.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message, c.lastTransitionTime]);
  return JSON.stringify([node.metadata.labels, node.spec?.taints, node.spec?.unschedulable, node.status?.allocatable ?? node.status?.capacity, conditions]);
}

/**
 * The scheduler's snapshot of the nodes (pkg/scheduler/backend/cache's NodeInfo list), kept from the nodes watch:
 * in name order, each with its parsed allocatable. `follow`'s listener says whether a change matters to
 * scheduling (a heartbeat that only moves lastHeartbeatTime does not), as the scheduler's node event handlers do.
 */
export class NodeSnapshot {
  private readonly byName = new Map<string, NodeInfo>();
  private sorted: NodeInfo[] | undefined;
  /** Goes up when nodes come or go: the positions of `list()` change. */
  generation = 0;
  /** Goes up with every change that matters to scheduling, of any node. */
  changes = 0;

  follow(store: ClusterStore, changed: (event: StoreEvent) => void): () => void {
    this.byName.clear();
    this.sorted = undefined;
    for (const stored of store.list(NODES).items) this.put(stored.object as Node);
    return store.watch(NODES, undefined, (event) => {
      if (this.apply(event)) changed(event);
    });
  }

  /** The nodes in name order. */
  list(): readonly NodeInfo[] {
    this.sorted ??= [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.sorted;
  }

  /** Where the node of this name is in `list()`, if it exists. */
  position(name: string): number | undefined {
    if (!this.positions || this.positionsOf !== this.list()) {
      this.positionsOf = this.list();
      this.positions = new Map(this.positionsOf.map((info, index) => [info.name, index]));
    }
    return this.positions.get(name);
  }

  private positions: Map<string, number> | undefined;
  private positionsOf: readonly NodeInfo[] | undefined;

  /** Records a node change; whether it matters to scheduling. */
  private apply(event: StoreEvent): boolean {
    const node = event.object.object as Node;
    let changed = true;
    if (event.type === 'DELETED') {
      this.byName.delete(node.metadata.name);
      this.sorted = undefined;
      this.generation++;
    } else changed = this.put(node);
    if (changed) this.changes++;
    return changed;
  }

  private put(node: Node): boolean {
    const known = this.byName.get(node.metadata.name);
    const scheduling = schedulingText(node);
    if (known) {
      known.node = node;
      if (known.scheduling === scheduling) return false;
      known.scheduling = scheduling;
      known.capacity = allocatable(node);
      known.version++;
      return true;
    }
    this.byName.set(node.metadata.name, { name: node.metadata.name, node, capacity: allocatable(node), scheduling, version: 0 });
    this.sorted = undefined;
    this.generation++;
    return true;
  }
}

interface Verdicts {
  generation: number;
  candidates: number[] | undefined;
  versions: number[];
  verdicts: (FitFailure | undefined)[];
  /** The FitError of a cycle in which every node failed these filters, while no node has changed since. */
  rejected?: { changes: number; message: string };
}

/** The verdicts for the pods of one signature. */
export interface PodVerdicts {
  /** The nodes the NodeAffinity PreFilter leaves to filter, by position in the list (ascending); undefined: all. */
  readonly candidates: readonly number[] | undefined;
  /** The verdict of the node at `index` of the snapshot's list. */
  of(index: number, info: NodeInfo): FitFailure | undefined;
  /** The FitError every node gives these pods on their own, if that is still so: no cycle needs to look again. */
  rejected(): string | undefined;
  /** A cycle found every node failing these filters, with this FitError. */
  reject(message: string): void;
}

/**
 * The node-alone filters' verdicts for pods that ask the same of nodes (tolerations, nodeSelector, affinity: the
 * pods of one template), per node version, so a pod of a ReplicaSet of 150 does not re-read every taint 150 times,
 * and 150,000 pods waiting for a cluster's nodes to turn Ready do not each read 5,000 not-ready taints per retry.
 */
export class ConstraintVerdicts {
  private readonly bySignature = new Map<string, Verdicts>();

  constructor(private readonly snapshot: NodeSnapshot) {}

  for(pod: Pod): PodVerdicts {
    const spec = pod.spec;
    const signature = JSON.stringify([spec?.tolerations, spec?.nodeSelector, spec?.affinity?.nodeAffinity]);
    let cache = this.bySignature.get(signature);
    if (!cache || cache.generation !== this.snapshot.generation) {
      if (!cache && this.bySignature.size >= 1_000) this.bySignature.clear();
      const names = requiredNodeNames(spec);
      const positions = names?.map((name) => this.snapshot.position(name)).filter((position) => position !== undefined);
      cache = { generation: this.snapshot.generation, candidates: positions, versions: [], verdicts: [] };
      this.bySignature.set(signature, cache);
    }
    const verdicts = cache;
    const { snapshot } = this;
    return {
      candidates: verdicts.candidates,
      of: (index, info) => {
        if (verdicts.versions[index] !== info.version) {
          verdicts.versions[index] = info.version;
          verdicts.verdicts[index] = constraintFailure(pod, info.node);
        }
        return verdicts.verdicts[index];
      },
      rejected: () => (verdicts.rejected?.changes === snapshot.changes ? verdicts.rejected.message : undefined),
      reject: (message) => {
        verdicts.rejected = { changes: snapshot.changes, message };
      },
    };
  }
}
