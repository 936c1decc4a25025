import type { Node, Pod } from '../../objects.js';
import type { Controller, SimulationContext } from '../controller.js';
import type { ComponentRecorder, ObjectReference } from '../event-recorder.js';
import type { TaskHandle } from '../simulation-clock.js';
import { rfc3339 } from '../../meta/index.js';
import { copyOf, LEASES, type Lease, NODE_LEASE_NAMESPACE, type NodeCondition, NODES, PODS } from '../types.js';
import { Subscriptions } from '../work-queue.js';
import { evictionDue } from './eviction.js';
import { desiredTaints } from './node-taints.js';

export interface NodeLifecycleOptions {
  /** nodeMonitorPeriod: how often node health is checked. */
  monitorPeriodMs?: number;
  /** nodeMonitorGracePeriod: how long a node may go without a renewed Lease or status before it is Unknown. */
  gracePeriodMs?: number;
  /** The taint manager's event source: `taint-eviction-controller` since 1.29, `taint-controller` before. */
  evictionComponent?: string;
}

const CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];

interface NodeHealth {
  /** The last Lease renewTime and Ready heartbeat seen, and the instant this controller first saw them (probeTimestamp). */
  renewTime: string | undefined;
  heartbeat: string | undefined;
  probedAt: number;
}

/**
 * The node lifecycle controller and its taint manager (pkg/controller/nodelifecycle/node_lifecycle_controller.go,
 * pkg/controller/tainteviction): every monitor period it checks each node's Lease renewTime and Ready
 * heartbeat; a node silent for longer than the grace period has its conditions set Unknown (`NodeStatusUnknown`,
 * `Kubelet stopped posting node status.`), a `NodeNotReady` event, its pods marked not Ready with `NodeNotReady`
 * events. Taints follow Ready; pods on a NoExecute-tainted node are evicted when their toleration runs out.
 */
export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle-controller';
  private ctx: SimulationContext | undefined;
  private recorder: ComponentRecorder | undefined;
  private evictionRecorder: ComponentRecorder | undefined;
  private readonly health = new Map<string, NodeHealth>();
  private readonly evictions = new Map<string, { due: number; task: TaskHandle }>();
  private readonly subscriptions = new Subscriptions();
  private readonly monitorPeriodMs: number;
  private readonly gracePeriodMs: number;

  constructor(private readonly options: NodeLifecycleOptions = {}) {
    this.monitorPeriodMs = options.monitorPeriodMs ?? 5_000;
    this.gracePeriodMs = options.gracePeriodMs ?? 40_000;
  }

  start(context: SimulationContext): void {
    this.ctx = context;
    this.recorder = context.recorder.for({ component: 'node-controller' });
    this.evictionRecorder = context.recorder.for({ component: this.options.evictionComponent ?? 'taint-eviction-controller' });
    this.subscriptions.add(context.clock.after(0, () => this.monitor(), 'node monitor'));
    // Through a quiet stretch every node renews its Lease and nothing changes: a pass would find what the last one
    // did, and the first pass after it sees renewed Leases, as it would have.
    this.subscriptions.add(context.clock.every(this.monitorPeriodMs, () => this.monitor(), { label: 'node monitor', standIn: () => undefined }));
    this.subscriptions.add(
      context.store.watch(NODES, undefined, (event) => {
        if (event.type !== 'ADDED') return;
        const node = event.object.object as Node;
        this.subscriptions.add(context.clock.after(0, () => this.registered(node.metadata.name), 'registered node'));
      }),
    );
  }

  stop(): void {
    this.subscriptions.stopAll();
    for (const { task } of this.evictions.values()) task.cancel();
    this.evictions.clear();
  }

  private get context(): SimulationContext {
    if (!this.ctx) throw new Error('the node lifecycle controller is not started');
    return this.ctx;
  }

  private nodeReference(node: Node): ObjectReference {
    return { kind: 'Node', apiVersion: 'v1', name: node.metadata.name, uid: node.metadata.uid ?? '', namespace: '' };
  }

  private registered(name: string): void {
    const node = this.context.store.get(NODES, undefined, name)?.object as Node | undefined;
    if (node) this.recorder?.event(this.nodeReference(node), 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
  }

  /** One monitorNodeHealth pass plus the tainting passes and the taint manager, node by node in name order. */
  monitor(): void {
    const { store } = this.context;
    for (const stored of store.list(NODES).items) {
      let node = stored.object as Node;
      if (this.markUnknownIfSilent(node)) node = store.get(NODES, undefined, node.metadata.name)?.object as Node;
      node = this.syncTaints(node);
      this.scheduleEvictions(node);
    }
    for (const name of this.health.keys()) if (!store.get(NODES, undefined, name)) this.health.delete(name);
  }

  private markUnknownIfSilent(node: Node): boolean {
    const { store, clock } = this.context;
    const now = clock.now();
    const name = node.metadata.name;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const lease = store.get(LEASES, NODE_LEASE_NAMESPACE, name)?.object as Lease | undefined;
    const renewTime = lease?.spec?.renewTime;
    const heartbeat = ready?.lastHeartbeatTime;
    const known = this.health.get(name);
    if (!known || known.renewTime !== renewTime || known.heartbeat !== heartbeat) {
      this.health.set(name, { renewTime, heartbeat, probedAt: now });
      return false;
    }
    if (now - known.probedAt <= this.gracePeriodMs || ready?.status === 'Unknown') return false;
    const next = copyOf(node);
    const conditions: NodeCondition[] = [...(next.status?.conditions ?? [])];
    for (const type of CONDITIONS) {
      const at = conditions.findIndex((c) => c.type === type);
      const before = conditions[at];
      const unknown: NodeCondition = before
        ? { ...before, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: rfc3339(now) }
        : {
            type,
            status: 'Unknown',
            reason: 'NodeStatusNeverUpdated',
            message: 'Kubelet never posted node status.',
            lastHeartbeatTime: node.metadata.creationTimestamp ?? rfc3339(now),
            lastTransitionTime: rfc3339(now),
          };
      if (at >= 0) conditions[at] = unknown;
      else conditions.push(unknown);
    }
    next.status = { ...next.status, conditions };
    store.update(NODES, next);
    this.recorder?.event(this.nodeReference(node), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
    this.markPodsNotReady(name);
    return true;
  }

  /** controller/util/node MarkPodsNotReady: each pod's Ready condition turns False, with a Warning event. */
  private markPodsNotReady(nodeName: string): void {
    const { store, clock } = this.context;
    for (const stored of store.list(PODS, { index: { name: 'spec.nodeName', value: nodeName } }).items) {
      const pod = copyOf(stored.object as Pod);
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      ready.status = 'False';
      ready.lastTransitionTime = rfc3339(clock.now());
      store.update(PODS, pod);
      this.recorder?.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  }

  private syncTaints(node: Node): Node {
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    // A real kubelet registers its Node with its first conditions and the not-ready taint in one write
    // (kubelet_node_status.go initialNode); until the simulated one has posted them, the registration stands.
    if (ready === undefined) return node;
    const taints = desiredTaints(node, ready, rfc3339(this.context.clock.now()));
    if (!taints) return node;
    const next = copyOf(node);
    next.spec = { ...next.spec, taints };
    if (taints.length === 0) delete next.spec.taints;
    return this.context.store.update(NODES, next).object as Node;
  }

  private scheduleEvictions(node: Node): void {
    const { store, clock } = this.context;
    const taints = node.spec?.taints ?? [];
    if (!taints.some((t) => t.effect === 'NoExecute')) return;
    for (const stored of store.list(PODS, { index: { name: 'spec.nodeName', value: node.metadata.name } }).items) {
      const pod = stored.object as Pod;
      if (pod.metadata.deletionTimestamp) continue;
      const due = evictionDue(pod, taints, clock.now());
      if (due === undefined || this.evictions.get(stored.key)?.due === due) continue;
      this.evictions.get(stored.key)?.task.cancel();
      const task = clock.at(due, () => this.evict(stored.key, due), 'taint eviction');
      this.evictions.set(stored.key, { due, task });
    }
  }

  /** Re-checks at the due instant (the node may have recovered), then marks the pod for deletion. */
  private evict(key: string, due: number): void {
    this.evictions.delete(key);
    const { store, clock } = this.context;
    const [namespace = '', name = ''] = key.split('/');
    const pod = store.get(PODS, namespace, name)?.object as Pod | undefined;
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec?.nodeName) return;
    const node = store.get(NODES, undefined, pod.spec.nodeName)?.object as Node | undefined;
    const now = clock.now();
    if (evictionDue(pod, node?.spec?.taints ?? [], now) !== due) return;
    this.evictionRecorder?.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${namespace}/${name}`);
    const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
    const marked = copyOf(pod);
    marked.metadata = { ...marked.metadata, deletionTimestamp: rfc3339(now + grace * 1000), deletionGracePeriodSeconds: grace };
    // Only the node's kubelet completes the deletion: a pod on a node whose kubelet is gone stays Terminating
    // until it returns (the pod garbage collector force-deletes it only on an out-of-service node, or once the
    // Node object is deleted).
    store.update(PODS, marked);
  }
}
