import { BinaryHeap } from '../../binary-heap.js';
import type { Node, Pod } from '../../objects.js';
import type { ClusterStore } from '../../store/index.js';
import type { SeededRandom } from '../random.js';
import { allocatable, constraintFailure, type NodeUsage, podRequests, type Requests, resourceFailure } from '../scheduler/node-fit.js';
import { nonZeroRequests, scoreNode } from '../scheduler/node-score.js';
import { NODES, PODS } from '../types.js';

/** A Ready node, with what is bound to it so far. */
export interface NodeRoom {
  readonly node: Node;
  readonly capacity: NodeUsage;
  /** The requests of its pods and how many there are (what NodeResourcesFit checks). */
  readonly usage: NodeUsage;
  /** Their requests with the scheduler's non-zero defaults (what the scores weigh). */
  readonly scored: Requests;
  /** When the node last turned Ready: from then on the scheduler could place pods there. */
  readonly readyMs: number;
}

/** Nodes that turned Ready this soon after the first one are met together: machines booted at once, a minute apart. */
const JOIN_WINDOW_MS = 60_000;

const active = (pod: Pod): boolean => pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';

/**
 * Where the pods of settled workloads go: each one is placed by the default scheduler's filters and scores
 * (node-fit.ts, node-score.ts), one after another in the order they were created, on the Ready nodes as they are at
 * the settling instant with what is already bound to them. Every feasible node is scored (percentageOfNodesToScore
 * 100), and ties go to the seeded random, as the scheduler's do. A workload's pods are all alike, so the feasible
 * nodes are kept in a heap by score: placing a pod changes the score of its node alone.
 */
export class SettledPlacement {
  private readonly rooms = new Map<string, NodeRoom>();
  /** The Ready nodes that pass the node-alone filters, in the order they turned Ready, per pod signature (tolerations, selector, affinity). */
  private readonly feasible = new Map<string, NodeRoom[]>();

  constructor(
    store: ClusterStore,
    private readonly random: SeededRandom,
  ) {
    for (const stored of store.list(NODES).items) {
      const node = stored.object as Node;
      const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
      if (ready?.status !== 'True') continue;
      const readyMs = Date.parse(ready.lastTransitionTime ?? '') || Date.parse(node.metadata.creationTimestamp ?? '') || 0;
      const room: NodeRoom = { node, capacity: allocatable(node), usage: { milliCpu: 0, memory: 0, pods: 0 }, scored: { milliCpu: 0, memory: 0 }, readyMs };
      for (const bound of store.list(PODS, { index: { name: 'spec.nodeName', value: node.metadata.name } }).items) {
        const pod = bound.object as Pod;
        if (active(pod)) add(room, podRequests(pod), nonZeroRequests(pod));
      }
      this.rooms.set(node.metadata.name, room);
    }
  }

  /** The Ready node of this name, if there is one. */
  room(nodeName: string): NodeRoom | undefined {
    return this.rooms.get(nodeName);
  }

  /** Binds a pod to the node it is meant for (a daemon pod) if the filters let it: that node's room, or undefined. */
  bindTo(pod: Pod, nodeName: string): NodeRoom | undefined {
    const room = this.rooms.get(nodeName);
    const requests = podRequests(pod);
    if (!room || constraintFailure(pod, room.node) || resourceFailure(requests, room.capacity, room.usage)) return undefined;
    add(room, requests, nonZeroRequests(pod));
    return room;
  }

  /**
   * A placer for the pods of one workload created at `createdMs`, all made from one template: each call places the
   * next pod on the best-scoring node it fits, or gives undefined when no node takes it (the scheduler will try, and
   * say why). The scheduler met the pods when they were created, or when the first node that could take them turned
   * Ready: the nodes Ready by then (within JOIN_WINDOW_MS) are the ones scored; a node that joined later is scored
   * only once those are full, as the pods left Pending would have been placed when it joined.
   */
  placer(template: Pod, createdMs: number): (pod: Pod) => NodeRoom | undefined {
    const requests = podRequests(template);
    const weighed = nonZeroRequests(template);
    const byReadiness = this.feasibleFor(template);
    // A candidate is its node's place in `byReadiness`, with its score and the draw that breaks a tie among equal
    // scores (made as it enters the heap); the numbers are kept beside it, so the heap holds nothing but indexes.
    const scores = new Float64Array(byReadiness.length);
    const ties = new Float64Array(byReadiness.length);
    const heap = new BinaryHeap<number>((a, b) => {
      const sa = scores[a] as number;
      const sb = scores[b] as number;
      return sa > sb || (sa === sb && (ties[a] as number) < (ties[b] as number));
    });
    const enter = (at: number): void => {
      const room = byReadiness[at] as NodeRoom;
      scores[at] = scoreNode(room.capacity, room.scored, weighed);
      ties[at] = this.random.next();
      heap.push(at);
    };
    let joined = 0;
    /** Scores the nodes Ready by `atMs` (and within the window after); false when every node is in already. */
    const join = (atMs: number): boolean => {
      if (joined === byReadiness.length) return false;
      const until = Math.max(atMs, (byReadiness[joined] as NodeRoom).readyMs) + JOIN_WINDOW_MS;
      while (joined < byReadiness.length && (byReadiness[joined] as NodeRoom).readyMs <= until) enter(joined++);
      return true;
    };
    join(createdMs);
    return () => {
      for (;;) {
        const best = heap.pop();
        if (best === undefined) {
          if (join(-Infinity)) continue;
          return undefined;
        }
        const room = byReadiness[best] as NodeRoom;
        // Resources only ever shrink as pods are placed: a node this pod does not fit takes none of its siblings.
        if (resourceFailure(requests, room.capacity, room.usage)) continue;
        add(room, requests, weighed);
        enter(best);
        return room;
      }
    };
  }

  private feasibleFor(pod: Pod): NodeRoom[] {
    const spec = pod.spec;
    const signature = JSON.stringify([spec?.tolerations, spec?.nodeSelector, spec?.affinity?.nodeAffinity]);
    let rooms = this.feasible.get(signature);
    if (!rooms) {
      rooms = [...this.rooms.values()].filter((room) => !constraintFailure(pod, room.node)).sort((a, b) => a.readyMs - b.readyMs);
      this.feasible.set(signature, rooms);
    }
    return rooms;
  }
}

function add(room: NodeRoom, requests: Requests, weighed: Requests): void {
  const usage = room.usage as { milliCpu: number; memory: number; pods: number };
  usage.milliCpu += requests.milliCpu;
  usage.memory += requests.memory;
  usage.pods += 1;
  const scored = room.scored as { milliCpu: number; memory: number };
  scored.milliCpu += weighed.milliCpu;
  scored.memory += weighed.memory;
}
