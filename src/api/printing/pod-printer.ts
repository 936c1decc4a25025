import type { KubeObject, Pod } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { humanDuration, translateTimestampSince } from './human-duration.js';
import { summarizePod } from './pod-status.js';
import type { Printer, TableRowCondition } from './types.js';

/** pods, as k/k pkg/printers/internalversion/printers.go printPod prints them (always wide). */

const POD_IP = 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.';
const NODE_NAME =
  'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename';
const NOMINATED_NODE_NAME =
  'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.';
const READINESS_GATES =
  'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates';

/** The row condition that marks a finished pod (metav1.RowCompleted); a fresh array per row. */
function completed(reason: 'Succeeded' | 'Failed'): TableRowCondition[] {
  const message = reason === 'Succeeded' ? 'The pod has completed successfully.' : 'The pod failed.';
  return [{ type: 'Completed', status: 'True', reason, message }];
}

/** `<true>/<gates>`, counting a gate true when the first condition of its type is True; `<none>` without gates. */
function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const satisfied = gates.filter((gate) => conditions.find((c) => c.type === gate.conditionType)?.status === 'True').length;
  return `${satisfied}/${gates.length}`;
}

/** The pod's first IP. Conversion from v1 fills podIPs from podIP, so an object carrying only podIP shows it too. */
function podIP(pod: Pod): string {
  return pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
}

export const podPrinter: Printer = {
  columns: [
    nameColumn,
    text('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    text('Status', 'The aggregate status of the containers in this pod.'),
    text('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    ageColumn,
    text('IP', POD_IP, { priority: 1 }),
    text('Node', NODE_NAME, { priority: 1 }),
    text('Nominated Node', NOMINATED_NODE_NAME, { priority: 1 }),
    text('Readiness Gates', READINESS_GATES, { priority: 1 }),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const pod = object as Pod;
    const summary = summarizePod(pod);
    const restarts =
      summary.restarts !== 0 && summary.lastRestart !== undefined
        ? `${summary.restarts} (${humanDuration(now - summary.lastRestart)} ago)`
        : String(summary.restarts);
    return [
      pod.metadata.name,
      `${summary.readyContainers}/${summary.totalContainers}`,
      summary.reason,
      restarts,
      translateTimestampSince(pod.metadata.creationTimestamp, now),
      podIP(pod),
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(object: KubeObject): TableRowCondition[] | undefined {
    const phase = (object as Pod).status?.phase;
    return phase === 'Succeeded' || phase === 'Failed' ? completed(phase) : undefined;
  },
};
