import { ownerReference, rfc3339Micro as microTimestamp } from '../meta/index.js';
import type { KubeObject } from '../objects.js';
import type { GenerationContext } from './generation-context.js';
import { nodeIP, podCIDR } from './network.js';

export const KUBERNETES_VERSION = 'v1.33.1';

/** A node as a v1.33 kubelet on a cloud VM registers and reports it: what `kubectl get node -o json` prints. */
export interface GeneratedNode {
  name: string;
  index: number;
  ready: boolean;
  controlPlane: boolean;
  zone: string;
  internalIP: string;
}

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] as const;

export function planNode(index: number, name: string, controlPlane: boolean, ready: boolean): GeneratedNode {
  return { name, index, ready, controlPlane, zone: ZONES[index % ZONES.length] as string, internalIP: nodeIP(index) };
}

export function nodeObject(context: GenerationContext, node: GeneratedNode): KubeObject {
  const created = context.between(context.clusterCreatedMs, context.clusterCreatedMs + (node.controlPlane ? 600_000 : 30 * 86_400_000));
  const heartbeat = context.time(context.capturedAtMs - context.int(0, 9) * 1000);
  const readySince = context.time(created + 20_000);
  const pressure = (type: string, reason: string, message: string): Record<string, string> => ({
    type,
    status: 'False',
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: context.time(created),
    reason,
    message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      uid: context.uid(),
      resourceVersion: context.nextResourceVersion(),
      creationTimestamp: context.time(created),
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': node.controlPlane ? 'm6i.xlarge' : 'm6i.2xlarge',
        'beta.kubernetes.io/os': 'linux',
        'failure-domain.beta.kubernetes.io/region': 'eu-west-1',
        'failure-domain.beta.kubernetes.io/zone': node.zone,
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': node.controlPlane ? 'm6i.xlarge' : 'm6i.2xlarge',
        'topology.kubernetes.io/region': 'eu-west-1',
        'topology.kubernetes.io/zone': node.zone,
        ...(node.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: podCIDR(node.index),
      podCIDRs: [podCIDR(node.index)],
      providerID: `aws:///${node.zone}/i-0${context.hex(16)}`,
      ...(node.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
      ...(node.ready ? {} : { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: heartbeat }] }),
    },
    status: {
      capacity: {
        cpu: node.controlPlane ? '4' : '8',
        'ephemeral-storage': '104845292Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: node.controlPlane ? '16005168Ki' : '32347972Ki',
        pods: '110',
      },
      allocatable: {
        cpu: node.controlPlane ? '4' : '8',
        'ephemeral-storage': '96625420948',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: node.controlPlane ? '15902768Ki' : '32245572Ki',
        pods: '110',
      },
      conditions: [
        pressure('MemoryPressure', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        pressure('DiskPressure', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        pressure('PIDPressure', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        node.ready
          ? {
              type: 'Ready',
              status: 'True',
              lastHeartbeatTime: heartbeat,
              lastTransitionTime: readySince,
              reason: 'KubeletReady',
              message: 'kubelet is posting ready status',
            }
          : {
              type: 'Ready',
              status: 'False',
              lastHeartbeatTime: heartbeat,
              lastTransitionTime: context.time(context.capturedAtMs - 300_000),
              reason: 'KubeletNotReady',
              message:
                'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
            },
      ],
      addresses: [
        { type: 'InternalIP', address: node.internalIP },
        { type: 'InternalDNS', address: `ip-${node.internalIP.replaceAll('.', '-')}.eu-west-1.compute.internal` },
        { type: 'Hostname', address: node.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: context.hex(32),
        systemUUID: `ec2${context.hex(5)}-${context.hex(4)}-${context.hex(4)}-${context.hex(4)}-${context.hex(12)}`,
        bootID: context.uid(),
        kernelVersion: '6.8.0-1021-aws',
        osImage: 'Ubuntu 24.04.2 LTS',
        containerRuntimeVersion: 'containerd://1.7.27',
        kubeletVersion: KUBERNETES_VERSION,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [
        { names: [`registry.k8s.io/kube-proxy@sha256:${context.hex(64)}`, `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`], sizeBytes: 30_862_212 },
        { names: [`registry.k8s.io/pause@sha256:${context.hex(64)}`, 'registry.k8s.io/pause:3.10'], sizeBytes: 320_368 },
      ],
      runtimeHandlers: [
        { name: 'runc', features: { recursiveReadOnlyMounts: true, userNamespaces: true } },
        { name: '', features: { recursiveReadOnlyMounts: true, userNamespaces: true } },
      ],
      features: { supplementalGroupsPolicy: true },
    },
  };
}

/** The node's Lease in kube-node-lease, renewed by its kubelet every 10 s (the last renewal before the capture). */
export function leaseObject(context: GenerationContext, node: KubeObject): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: node.metadata.name,
      namespace: 'kube-node-lease',
      uid: context.uid(),
      resourceVersion: context.nextResourceVersion(),
      creationTimestamp: node.metadata.creationTimestamp,
      ownerReferences: [ownerReference(node)],
    },
    spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: microTimestamp(context.capturedAtMs - context.int(0, 9_999)) },
  };
}
