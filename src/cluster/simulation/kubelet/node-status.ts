import type { Node } from '../../objects.js';
import type { ComponentRecorder, ObjectReference } from '../event-recorder.js';
import type { SimulationContext } from '../controller.js';
import type { TaskHandle } from '../simulation-clock.js';
import { rfc3339, rfc3339Micro } from '../../meta/index.js';
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

  constructor(
    private readonly nodeName: string,
    private readonly context: SimulationContext,
    private readonly recorder: ComponentRecorder,
    private ready: boolean,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  start(): void {
    const { clock } = this.context;
    this.recorder.event(this.nodeReference(), 'Normal', 'Starting', 'Starting kubelet.');
    this.renewLease();
    this.syncStatus();
    this.tasks.push(clock.every(KUBELET_TIMINGS.leaseRenewIntervalMs, () => this.renewLease(), { label: `lease ${this.nodeName}` }));
    this.tasks.push(clock.every(KUBELET_TIMINGS.nodeStatusUpdateMs, () => this.syncStatus(), { label: `node status ${this.nodeName}` }));
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
      ? copyOf(current)
      : {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name: this.nodeName,
            namespace: NODE_LEASE_NAMESPACE,
            creationTimestamp: rfc3339(now),
            ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata.uid ?? '' }],
          },
          spec: {},
        };
    lease.spec = { ...lease.spec, holderIdentity: this.nodeName, leaseDurationSeconds: KUBELET_TIMINGS.leaseDurationSeconds, renewTime: rfc3339Micro(now) };
    if (current) store.update(LEASES, lease);
    else store.create(LEASES, lease);
  }

  private syncStatus(): void {
    const { store, clock } = this.context;
    const stored = store.get(NODES, undefined, this.nodeName);
    if (!stored) return;
    const node = copyOf(stored.object as Node);
    const now = clock.now();
    const existing = node.status?.conditions ?? [];
    const changed: ConditionReport[] = [];
    const posted: NodeCondition[] = reports(this.ready, networkNotReadyMessage(node)).map((report) => {
      const before = existing.find((condition) => condition.type === report.type);
      const transitioned = before?.status !== report.status;
      if (transitioned || before?.reason !== report.reason) changed.push(report);
      return {
        type: report.type,
        status: report.status,
        lastHeartbeatTime: rfc3339(now),
        lastTransitionTime: transitioned || !before?.lastTransitionTime ? rfc3339(now) : before.lastTransitionTime,
        reason: report.reason,
        message: report.message,
      };
    });
    if (changed.length === 0 && now - this.lastReport < KUBELET_TIMINGS.nodeStatusReportMs) return;
    const others = existing.filter((condition) => !posted.some((p) => p.type === condition.type));
    node.status = { ...node.status, conditions: [...others, ...posted] };
    store.update(NODES, node);
    this.lastReport = now;
    for (const report of changed) {
      this.recorder.event(this.nodeReference(), 'Normal', report.event, `Node ${this.nodeName} status is now: ${report.event}`);
    }
  }
}
