import type { Node } from '../../objects.js';
import type { ComponentRecorder, ObjectReference } from '../event-recorder.js';
import type { SimulationContext } from '../controller.js';
import type { TaskHandle } from '../simulation-clock.js';
import { ownerReference, rfc3339, rfc3339Micro } from '../../meta/index.js';
import { copyOf, LEASES, type Lease, NODE_LEASE_NAMESPACE, type NodeCondition, NODES } from '../types.js';
import { KUBELET_TIMINGS } from './kubelet-config.js';

/** The condition a kubelet posts: status, reason, message and the event recorded when it changes to it. */
interface ConditionReport {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  event: string;
}

/** pkg/kubelet/nodestatus/setters.go: the pressure conditions a healthy node reports, then Ready. */
function reports(ready: boolean, notReadyMessage: string): ConditionReport[] {
  return [
    {
      type: 'MemoryPressure',
      status: 'False',
      reason: 'KubeletHasSufficientMemory',
      message: 'kubelet has sufficient memory available',
      event: 'NodeHasSufficientMemory',
    },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
    ready
      ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' }
      : {
          type: 'Ready',
          status: 'False',
          reason: 'KubeletNotReady',
          message: notReadyMessage,
          event: 'NodeNotReady',
        },
  ];
}

/**
 * What the kubelet says of a node without CNI config: dockershim's words before v1.24, a CRI runtime's since
 * (pkg/kubelet/dockershim/network/cni, containerd's cri plugin).
 */
export function networkNotReadyMessage(node: Node | undefined): string {
  const runtime = node?.status?.nodeInfo?.containerRuntimeVersion ?? '';
  return runtime.startsWith('docker://')
    ? 'runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized'
    : 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';
}

/**
 * The kubelet's node half (pkg/kubelet/kubelet_node_status.go and pkg/kubelet/nodelease): renews the node's
 * Lease every 10 s, computes node status every 10 s and posts it when a condition changed or 5 min passed,
 * recording `Node <n> status is now: <X>` for every condition that changed, and `Starting kubelet.` once.
 */
export class NodeStatusReporter {
  private readonly tasks: TaskHandle[] = [];
  private lastReport = -Infinity;
  private announced = false;

  constructor(
    private readonly nodeName: string,
    private readonly context: SimulationContext,
    private readonly recorder: ComponentRecorder,
    private ready: boolean,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  /**
   * registerWithAPIServer: when its Node does not exist, the kubelet creates it from initialNode, i.e. what it
   * knows of its machine and flags (`registration`) with the registration taints (`node.kubernetes.io/not-ready`
   * NoSchedule, so nothing is scheduled there before it is Ready, and `unschedulable` for a cordoned node) and the
   * status its setters compute, conditions included: one create, so no watcher ever sees the Node without them.
   * The events of those first conditions are recorded as the setters record them.
   */
  register(registration: Node): void {
    const { store, clock } = this.context;
    this.announce();
    if (store.get(NODES, undefined, this.nodeName)) return;
    const node = copyOf(registration);
    const now = clock.now();
    node.metadata = { ...node.metadata, creationTimestamp: rfc3339(now) };
    const own = (node.spec?.taints ?? []).filter((taint) => !taint.key.startsWith('node.kubernetes.io/'));
    const taints = [...own, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }];
    if (node.spec?.unschedulable) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
    node.spec = { ...node.spec, taints };
    const { posted, changed } = this.conditions(node, now);
    node.status = { ...node.status, conditions: posted };
    store.create(NODES, node);
    this.posted(changed, now);
  }

  start(): void {
    const { clock } = this.context;
    this.announce();
    this.renewLease();
    this.syncStatus();
    const renew = (): void => this.renewLease();
    const sync = (): void => this.syncStatus();
    // Through a quiet stretch only the last renewal shows, and the last post of an unchanged status.
    this.tasks.push(
      clock.every(KUBELET_TIMINGS.leaseRenewIntervalMs, renew, { label: `lease ${this.nodeName}`, standIn: (_first, last) => ({ at: last, run: renew }) }),
    );
    this.tasks.push(
      clock.every(KUBELET_TIMINGS.nodeStatusUpdateMs, sync, {
        label: `node status ${this.nodeName}`,
        standIn: (first, last) => {
          const at = lastReportBetween(this.lastReport, first, last);
          return at === undefined ? undefined : { at, run: sync };
        },
      }),
    );
  }

  stop(): void {
    for (const task of this.tasks.splice(0)) task.cancel();
  }

  /** A scenario's "the node's network comes up" (or goes down): posted at once, as a PLEG/runtime change is. */
  setReady(ready: boolean): void {
    this.ready = ready;
    this.syncStatus();
  }

  /** Node events name the node with uid = node name, as the kubelet's nodeRef does (kubelet.go). */
  nodeReference(): ObjectReference {
    return { kind: 'Node', apiVersion: 'v1', name: this.nodeName, uid: this.nodeName, namespace: '' };
  }

  private renewLease(): void {
    const { store, clock } = this.context;
    const node = store.get(NODES, undefined, this.nodeName)?.object as Node | undefined;
    if (!node) return;
    const current = store.get(LEASES, NODE_LEASE_NAMESPACE, this.nodeName)?.object as Lease | undefined;
    const now = clock.now();
    const lease: Lease = current
      ? { ...current }
      : {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name: this.nodeName,
            namespace: NODE_LEASE_NAMESPACE,
            creationTimestamp: rfc3339(now),
            ownerReferences: [ownerReference(node)],
          },
          spec: {},
        };
    lease.spec = { ...lease.spec, holderIdentity: this.nodeName, leaseDurationSeconds: KUBELET_TIMINGS.leaseDurationSeconds, renewTime: rfc3339Micro(now) };
    if (current) store.update(LEASES, lease);
    else store.create(LEASES, lease);
  }

  /** `Starting kubelet.`, once per start of the kubelet, before anything it registers or posts. */
  private announce(): void {
    if (this.announced) return;
    this.announced = true;
    this.recorder.event(this.nodeReference(), 'Normal', 'Starting', 'Starting kubelet.');
  }

  private syncStatus(): void {
    const { store, clock } = this.context;
    const stored = store.get(NODES, undefined, this.nodeName);
    if (!stored) return;
    const current = stored.object as Node;
    const now = clock.now();
    const { posted, changed } = this.conditions(current, now);
    const existing = current.status?.conditions ?? [];
    const unposted = posted.some((condition) => !existing.some((e) => e.type === condition.type));
    if (changed.length === 0 && !unposted && now - this.lastReport < KUBELET_TIMINGS.nodeStatusReportMs) return;
    const node = copyOf(current);
    const others = existing.filter((condition) => !posted.some((p) => p.type === condition.type));
    node.status = { ...node.status, conditions: [...others, ...posted] };
    store.update(NODES, node);
    this.posted(changed, now);
  }

  /**
   * The conditions the setters compute now (pkg/kubelet/nodestatus/setters.go), and those whose change records an
   * event: a pressure condition's first report does (it starts as Unknown), the Ready condition's does not (its
   * setter records NodeReady or NodeNotReady only when an existing condition changes status).
   */
  private conditions(node: Node, now: number): { posted: NodeCondition[]; changed: ConditionReport[] } {
    const existing = node.status?.conditions ?? [];
    const changed: ConditionReport[] = [];
    const posted: NodeCondition[] = reports(this.ready, networkNotReadyMessage(node)).map((report) => {
      const before = existing.find((condition) => condition.type === report.type);
      const transitioned = before?.status !== report.status;
      if ((transitioned || before?.reason !== report.reason) && (before !== undefined || report.type !== 'Ready')) changed.push(report);
      return {
        type: report.type,
        status: report.status,
        lastHeartbeatTime: rfc3339(now),
        lastTransitionTime: transitioned || !before?.lastTransitionTime ? rfc3339(now) : before.lastTransitionTime,
        reason: report.reason,
        message: report.message,
      };
    });
    return { posted, changed };
  }

  private posted(changed: readonly ConditionReport[], now: number): void {
    this.lastReport = now;
    for (const report of changed) {
      this.recorder.event(this.nodeReference(), 'Normal', report.event, `Node ${this.nodeName} status is now: ${report.event}`);
    }
  }
}

/**
 * The last status post of an unchanged node among status checks from `first` to `last` (every
 * nodeStatusUpdateFrequency): a check posts once nodeStatusReportFrequency has passed since the previous post.
 */
export function lastReportBetween(lastReport: number, first: number, last: number): number | undefined {
  const every = KUBELET_TIMINGS.nodeStatusUpdateMs;
  const firstPost = first + every * Math.max(0, Math.ceil((lastReport + KUBELET_TIMINGS.nodeStatusReportMs - first) / every));
  if (!(firstPost <= last)) return undefined;
  const step = every * Math.ceil(KUBELET_TIMINGS.nodeStatusReportMs / every);
  return firstPost + step * Math.floor((last - firstPost) / step);
}
