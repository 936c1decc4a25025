import type { KubeObject } from '../src/cluster/index.js';

/**
 * A large cluster built directly as objects: `nodes` nodes, `pods` pods spread round-robin over them and over
 * `namespaces` namespaces. Objects are shaped like real ones (about 2.5 KB of JSON per pod) so that sizes and
 * serialization costs are honest.
 */
export function syntheticCluster(nodes: number, pods: number, namespaces: number, now: number): KubeObject[] {
  const created = new Date(now - 3_600_000).toISOString();
  const objects: KubeObject[] = [];
  for (let n = 0; n < namespaces; n++) {
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}`, creationTimestamp: created }, status: { phase: 'Active' } });
  }
  for (let i = 0; i < nodes; i++) {
    const name = `node-${String(i).padStart(5, '0')}`;
    objects.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, creationTimestamp: created, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
      spec: { podCIDR: `10.${(i >> 8) & 255}.${i & 255}.0/24` },
      status: {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: 'kubelet is posting ready status',
            lastHeartbeatTime: created,
            lastTransitionTime: created,
          },
        ],
        addresses: [
          { type: 'InternalIP', address: `172.16.${(i >> 8) & 255}.${i & 255}` },
          { type: 'Hostname', address: name },
        ],
        capacity: { cpu: '8', memory: '32Gi', pods: '110' },
        allocatable: { cpu: '7800m', memory: '31Gi', pods: '110' },
        nodeInfo: {
          machineID: name,
          systemUUID: name,
          bootID: name,
          kernelVersion: '6.1.0',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          containerRuntimeVersion: 'containerd://1.7.0',
          kubeletVersion: 'v1.33.1',
          kubeProxyVersion: 'v1.33.1',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    });
  }
  for (let p = 0; p < pods; p++) {
    const node = `node-${String(p % nodes).padStart(5, '0')}`;
    const namespace = `ns-${p % namespaces}`;
    const app = `app-${Math.floor(p / namespaces) % 50}`;
    const ip = `10.${(p >> 16) & 255}.${(p >> 8) & 255}.${p & 255}`;
    objects.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${app}-${String(p).padStart(7, '0')}`,
        namespace,
        creationTimestamp: created,
        labels: { app, 'pod-template-hash': '5d8f7c9b6d' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-5d8f7c9b6d`, uid: 'owner', controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        nodeName: node,
        containers: [
          {
            name: 'app',
            image: `registry.example/${app}:1.0`,
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            resources: { requests: { cpu: '100m', memory: '128Mi' } },
          },
        ],
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ],
      },
      status: {
        phase: 'Running',
        hostIP: '172.16.0.1',
        podIP: ip,
        podIPs: [{ ip }],
        startTime: created,
        qosClass: 'Burstable',
        conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: created })),
        containerStatuses: [
          {
            name: 'app',
            ready: true,
            started: true,
            restartCount: 0,
            image: `registry.example/${app}:1.0`,
            imageID: `registry.example/${app}@sha256:0`,
            containerID: `containerd://${p.toString(16).padStart(64, '0')}`,
            state: { running: { startedAt: created } },
          },
        ],
      },
    });
  }
  return objects;
}
