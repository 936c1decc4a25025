import { newControllerRef } from '../meta/index.js';
import type { KubeObject } from '../objects.js';
import type { GenerationContext } from './generation-context.js';
import type { NodePlacer } from './node-placer.js';
import { type PodState, podObject } from './pod-object.js';

export interface DeploymentPlan {
  namespace: string;
  name: string;
  replicas: number;
}

/** A pod that a Service's EndpointSlice lists. */
export interface EndpointTarget {
  name: string;
  namespace: string;
  uid: string;
  ip: string;
  nodeName: string;
  zone: string | undefined;
  ready: boolean;
}

export interface GeneratedDeployment {
  objects: KubeObject[];
  endpoints: EndpointTarget[];
  /** `app.kubernetes.io/instance=<release>`: selects exactly this Deployment's pods, cluster-wide. */
  labelSelector: string;
}

/** Mostly Running; some wait for their sandbox (image pull) and a few for a node with room. */
function podState(context: GenerationContext): PodState {
  const draw = context.next();
  if (draw < 0.003) return 'Unschedulable';
  if (draw < 0.015) return 'ContainerCreating';
  return 'Running';
}

/**
 * A Deployment, its one ReplicaSet (revision 1) and its pods, placed by `placer`: what the deployment controller,
 * the replicaset controller, the scheduler and the kubelets leave in a settled cluster.
 */
export function deploymentObjects(
  context: GenerationContext,
  plan: DeploymentPlan,
  placer: NodePlacer,
  zoneOf: (node: string) => string | undefined,
): GeneratedDeployment {
  const release = `${plan.namespace}-${plan.name}`;
  const hash = context.suffix(10);
  const selector = { app: plan.name, 'app.kubernetes.io/instance': release };
  const version = `1.${context.int(0, 30)}.${context.int(0, 9)}`;
  const podLabels = { ...selector };
  const createdMs = context.between(context.clusterCreatedMs + 86_400_000, context.capturedAtMs - 3_600_000);
  const templateSpec = {
    containers: [
      {
        name: plan.name,
        image: `registry.example.com/${plan.namespace}/${plan.name}:${version}`,
        imagePullPolicy: 'IfNotPresent',
        ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ],
    // Applications that never call the API opt out of the service account token (and its projected volume).
    automountServiceAccountToken: false,
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
  };
  const deploymentUid = context.uid();
  const replicaSetName = `${plan.name}-${hash}`;
  const replicaSetUid = context.uid();
  const pods: KubeObject[] = [];
  const endpoints: EndpointTarget[] = [];
  let ready = 0;
  for (let i = 0; i < plan.replicas; i++) {
    const state = podState(context);
    const placed = state === 'Unschedulable' ? undefined : placer.place();
    const name = `${replicaSetName}-${context.suffix(5)}`;
    const pod = podObject(context, {
      namespace: plan.namespace,
      name,
      generateName: `${replicaSetName}-`,
      labels: { ...podLabels, 'pod-template-hash': hash },
      owner: newControllerRef({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: replicaSetName, uid: replicaSetUid }),
      templateSpec,
      nodeName: placed?.node.name,
      hostIP: placed?.node.internalIP,
      podIP: placed?.podIP,
      state,
      createdMs: createdMs + context.int(0, 600) * 1000,
      qosClass: 'Burstable',
    });
    pods.push(pod);
    if (state === 'Running') ready += 1;
    if (placed && state !== 'ContainerCreating') {
      endpoints.push({
        name,
        namespace: plan.namespace,
        uid: pod.metadata.uid as string,
        ip: placed.podIP,
        nodeName: placed.node.name,
        zone: zoneOf(placed.node.name),
        ready: state === 'Running',
      });
    }
  }
  const matchLabels = selector;
  const template = { metadata: { labels: podLabels }, spec: templateSpec };
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: plan.name,
      namespace: plan.namespace,
      uid: deploymentUid,
      resourceVersion: context.nextResourceVersion(),
      generation: 1,
      creationTimestamp: context.time(createdMs),
      labels: { app: plan.name, 'app.kubernetes.io/instance': release, 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { 'deployment.kubernetes.io/revision': '1', 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': plan.namespace },
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: plan.replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template,
    },
    status: {
      observedGeneration: 1,
      replicas: plan.replicas,
      updatedReplicas: plan.replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < plan.replicas ? { unavailableReplicas: plan.replicas - ready } : {}),
      conditions: [
        {
          type: 'Available',
          status: ready >= plan.replicas - Math.floor(plan.replicas / 4) ? 'True' : 'False',
          lastUpdateTime: context.time(createdMs + 30_000),
          lastTransitionTime: context.time(createdMs + 30_000),
          reason: ready >= plan.replicas - Math.floor(plan.replicas / 4) ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          message:
            ready >= plan.replicas - Math.floor(plan.replicas / 4) ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: context.time(createdMs + 30_000),
          lastTransitionTime: context.time(createdMs),
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${replicaSetName}" has successfully progressed.`,
        },
      ],
    },
  };
  const replicaSet: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: replicaSetName,
      namespace: plan.namespace,
      uid: replicaSetUid,
      resourceVersion: context.nextResourceVersion(),
      generation: 1,
      creationTimestamp: context.time(createdMs),
      labels: { ...podLabels, 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(plan.replicas),
        'deployment.kubernetes.io/max-replicas': String(plan.replicas + Math.ceil(plan.replicas / 4)),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [newControllerRef({ apiVersion: 'apps/v1', kind: 'Deployment', name: plan.name, uid: deploymentUid })],
    },
    spec: {
      replicas: plan.replicas,
      selector: { matchLabels: { ...matchLabels, 'pod-template-hash': hash } },
      template: { metadata: { labels: { ...podLabels, 'pod-template-hash': hash } }, spec: templateSpec },
    },
    status: { replicas: plan.replicas, fullyLabeledReplicas: plan.replicas, readyReplicas: ready, availableReplicas: ready, observedGeneration: 1 },
  };
  return { objects: [deployment, replicaSet, ...pods], endpoints, labelSelector: `app.kubernetes.io/instance=${release}` };
}
