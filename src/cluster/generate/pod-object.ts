import type { OwnerReference } from '../meta/index.js';
import type { KubeObject } from '../objects.js';
import { unreadyContainersMessage } from '../simulation/kubelet/pod-status.js';
import type { GenerationContext } from './generation-context.js';

/** Where a pod is in its life: most run; a few wait for their sandbox, for a node, or have completed (Jobs). */
export type PodState = 'Running' | 'ContainerCreating' | 'Unschedulable' | 'Succeeded';

/** The one container of a generated pod template, as the API server stores it once defaulted. */
export interface ContainerTemplate {
  name: string;
  image: string;
  [field: string]: unknown;
}

export interface PodPlan {
  namespace: string;
  name: string;
  generateName: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  owner: OwnerReference;
  /** The pod template's spec, defaulted (dnsPolicy, schedulerName, ...): what the controller copied. */
  templateSpec: Record<string, unknown> & { containers: ContainerTemplate[] };
  nodeName: string | undefined;
  hostIP: string | undefined;
  podIP: string | undefined;
  state: PodState;
  createdMs: number;
  qosClass: 'Guaranteed' | 'Burstable' | 'BestEffort';
  priority?: number;
}

const NOT_READY_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/**
 * A pod as a v1.33 API server holds it after admission (the service account's projected token volume, the default
 * tolerations, priority) and as its kubelet reported it: what `kubectl get pod -o json` prints.
 */
export function podObject(context: GenerationContext, plan: PodPlan): KubeObject {
  const scheduledMs = plan.createdMs + 1000;
  const startedMs = scheduledMs + context.int(1, 8) * 1000;
  // The ServiceAccount admission plugin mounts the API token unless the pod opts out.
  const mountsToken = plan.templateSpec.automountServiceAccountToken !== false;
  const volume = mountsToken ? `kube-api-access-${context.suffix(5)}` : '';
  const spec = {
    ...plan.templateSpec,
    containers: plan.templateSpec.containers.map((container) => ({
      ...container,
      ...(mountsToken
        ? {
            volumeMounts: [
              ...((container.volumeMounts as unknown[] | undefined) ?? []),
              { name: volume, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
            ],
          }
        : {}),
    })),
    enableServiceLinks: true,
    ...(plan.nodeName === undefined ? {} : { nodeName: plan.nodeName }),
    preemptionPolicy: 'PreemptLowerPriority',
    priority: plan.priority ?? 0,
    serviceAccount: 'default',
    serviceAccountName: 'default',
    tolerations: (plan.templateSpec.tolerations as unknown[] | undefined) ?? NOT_READY_TOLERATIONS,
    volumes: [
      ...((plan.templateSpec.volumes as unknown[] | undefined) ?? []),
      ...(mountsToken
        ? [
            {
              name: volume,
              projected: {
                defaultMode: 420,
                sources: [
                  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                  { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                  { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
                ],
              },
            },
          ]
        : []),
    ],
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: plan.name,
      generateName: plan.generateName,
      namespace: plan.namespace,
      uid: context.uid(),
      resourceVersion: context.nextResourceVersion(),
      creationTimestamp: context.time(plan.createdMs),
      labels: plan.labels,
      ...(plan.annotations ? { annotations: plan.annotations } : {}),
      ownerReferences: [plan.owner],
    },
    spec,
    status: podStatus(context, plan, scheduledMs, startedMs),
  };
}

function podStatus(context: GenerationContext, plan: PodPlan, scheduledMs: number, startedMs: number): Record<string, unknown> {
  const condition = (type: string, status: 'True' | 'False', atMs: number, extra: Record<string, string> = {}): Record<string, unknown> => ({
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: context.time(atMs),
    ...extra,
  });
  if (plan.state === 'Unschedulable') {
    return {
      phase: 'Pending',
      conditions: [
        condition('PodScheduled', 'False', plan.createdMs, {
          reason: 'Unschedulable',
          message: '0/5 nodes are available: 5 Insufficient cpu. preemption: 0/5 nodes are available: 5 No preemption victims found for incoming pod.',
        }),
      ],
      qosClass: plan.qosClass,
    };
  }
  const running = plan.state === 'Running';
  const done = plan.state === 'Succeeded';
  const containerStatuses = plan.templateSpec.containers.map((container) => ({
    name: container.name,
    image: container.image,
    imageID: plan.state === 'ContainerCreating' ? '' : `${container.image.replace(/:[^:/]*$/, '')}@sha256:${context.hex(64)}`,
    ...(plan.state === 'ContainerCreating' ? {} : { containerID: `containerd://${context.hex(64)}` }),
    ready: running,
    restartCount: 0,
    started: running,
    lastState: {},
    state: running
      ? { running: { startedAt: context.time(startedMs) } }
      : done
        ? {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: context.time(startedMs),
              finishedAt: context.time(startedMs + 42_000),
              containerID: `containerd://${context.hex(64)}`,
            },
          }
        : { waiting: { reason: 'ContainerCreating' } },
  }));
  // Ready and ContainersReady move together for a pod without readiness gates (the kubelet's status manager).
  const containersReady = (type: 'Ready' | 'ContainersReady'): Record<string, unknown> =>
    condition(
      type,
      running ? 'True' : 'False',
      startedMs,
      done
        ? { reason: 'PodCompleted' }
        : running
          ? {}
          : { reason: 'ContainersNotReady', message: unreadyContainersMessage(plan.templateSpec.containers.map((c) => c.name)) },
    );
  const ip = plan.podIP === undefined || plan.state === 'ContainerCreating' ? {} : { podIP: plan.podIP, podIPs: [{ ip: plan.podIP }] };
  return {
    phase: running ? 'Running' : done ? 'Succeeded' : 'Pending',
    conditions: [
      condition('PodReadyToStartContainers', plan.state === 'ContainerCreating' ? 'False' : 'True', startedMs),
      condition('Initialized', 'True', scheduledMs, done ? { reason: 'PodCompleted' } : {}),
      containersReady('Ready'),
      containersReady('ContainersReady'),
      condition('PodScheduled', 'True', scheduledMs),
    ],
    hostIP: plan.hostIP,
    hostIPs: [{ ip: plan.hostIP }],
    ...ip,
    startTime: context.time(scheduledMs),
    containerStatuses,
    qosClass: plan.qosClass,
  };
}
