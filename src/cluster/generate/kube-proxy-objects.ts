import { newControllerRef } from '../meta/index.js';
import type { KubeObject } from '../objects.js';
import type { GenerationContext } from './generation-context.js';
import { KUBERNETES_VERSION, type GeneratedNode } from './node-objects.js';
import { type PodPlan, podObject } from './pod-object.js';

/** kube-proxy as kubeadm installs it: a DaemonSet in kube-system, one host-network pod on every node. */
export class KubeProxy {
  readonly uid: string;
  private readonly revisionHash: string;
  private readonly templateSpec: PodPlan['templateSpec'];
  private readonly labels = { 'k8s-app': 'kube-proxy' };

  constructor(
    private readonly context: GenerationContext,
    private readonly nodes: number,
  ) {
    this.uid = context.uid();
    this.revisionHash = context.suffix(10);
    this.templateSpec = {
      containers: [
        {
          name: 'kube-proxy',
          image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
          imagePullPolicy: 'IfNotPresent',
          command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
          env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
          resources: {},
          securityContext: { privileged: true },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      hostNetwork: true,
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-node-critical',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccountName: 'kube-proxy',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { operator: 'Exists' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
        { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
      ],
      volumes: [
        { name: 'kube-proxy', configMap: { name: 'kube-proxy', defaultMode: 420 } },
        { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
        { name: 'lib-modules', hostPath: { path: '/lib/modules', type: '' } },
      ],
    };
  }

  daemonSet(): KubeObject {
    const context = this.context;
    return {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: 'kube-proxy',
        namespace: 'kube-system',
        uid: this.uid,
        resourceVersion: context.nextResourceVersion(),
        generation: 1,
        creationTimestamp: context.time(context.clusterCreatedMs),
        labels: this.labels,
        annotations: { 'deprecated.daemonset.template.generation': '1' },
      },
      spec: {
        revisionHistoryLimit: 10,
        selector: { matchLabels: this.labels },
        template: { metadata: { labels: this.labels }, spec: this.templateSpec },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      },
      status: {
        currentNumberScheduled: this.nodes,
        desiredNumberScheduled: this.nodes,
        numberAvailable: this.nodes,
        numberMisscheduled: 0,
        numberReady: this.nodes,
        observedGeneration: 1,
        updatedNumberScheduled: this.nodes,
      },
    };
  }

  /** The pod on `node`: pinned there by the DaemonSet controller's node affinity, on the node's own address. */
  pod(node: GeneratedNode, nodeCreated: string): KubeObject {
    const createdMs = Math.max(Date.parse(nodeCreated) + 5000, this.context.clusterCreatedMs);
    return podObject(this.context, {
      namespace: 'kube-system',
      name: `kube-proxy-${this.context.suffix(5)}`,
      generateName: 'kube-proxy-',
      labels: { 'controller-revision-hash': this.revisionHash, ...this.labels, 'pod-template-generation': '1' },
      owner: newControllerRef({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'kube-proxy', uid: this.uid }),
      templateSpec: {
        ...this.templateSpec,
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.name] }] }],
            },
          },
        },
      },
      nodeName: node.name,
      hostIP: node.internalIP,
      podIP: node.internalIP,
      state: 'Running',
      createdMs,
      qosClass: 'BestEffort',
      priority: 2_000_001_000,
    });
  }
}
