import type { KubeObject } from '../../src/cluster/index.js';

/** A small, hand-written cluster for API tests: every object spelled out, nothing expanded by a loader. */
export const START = Date.parse('2026-01-01T12:00:00Z');

const ago = (seconds: number): string => new Date(START - seconds * 1000).toISOString().replace('.000Z', 'Z');

export function node(name: string, ip: string, ready: boolean, ageSeconds: number, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-node-${name}`, creationTimestamp: ago(ageSeconds), labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: {},
    status: {
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          reason: ready ? 'KubeletReady' : 'KubeletNotReady',
          lastHeartbeatTime: ago(1),
          lastTransitionTime: ago(ageSeconds),
        },
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: name },
      ],
      capacity: { cpu: '2', memory: '4028852Ki', pods: '110' },
      allocatable: { cpu: '2', memory: '3926452Ki', pods: '110' },
      nodeInfo: {
        machineID: 'm',
        systemUUID: 's',
        bootID: 'b',
        kernelVersion: '4.4.0-141-generic',
        osImage: 'CentOS Linux 7 (Core)',
        containerRuntimeVersion: 'docker://18.9.6',
        kubeletVersion: 'v1.14.2',
        kubeProxyVersion: 'v1.14.2',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

export function pod(namespace: string, name: string, nodeName: string, labels: Record<string, string>, ip: string, phase = 'Running'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-pod-${namespace}-${name}`, creationTimestamp: ago(60), labels },
    spec: { nodeName, containers: [{ name: 'main', image: 'nginx:1.17' }], restartPolicy: 'Always', schedulerName: 'default-scheduler' },
    status: {
      phase,
      podIP: ip,
      podIPs: [{ ip }],
      hostIP: '192.168.0.17',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        { name: 'main', ready: true, restartCount: 0, image: 'nginx:1.17', imageID: '', started: true, state: { running: { startedAt: ago(50) } } },
      ],
    },
  };
}

export function namespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, uid: `uid-ns-${name}`, creationTimestamp: ago(100) },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export function componentStatus(name: string, message: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name }, conditions: [{ type: 'Healthy', status: 'True', message }] };
}

export function sampleObjects(): KubeObject[] {
  return [
    namespace('default'),
    namespace('kube-system'),
    node('node1', '192.168.0.18', true, 92, { 'node-role.kubernetes.io/master': '' }),
    node('node2', '192.168.0.17', true, 57),
    node('node3', '192.168.0.16', false, 39),
    pod('default', 'web-1', 'node2', { app: 'web', tier: 'frontend' }, '10.244.1.2'),
    pod('default', 'web-2', 'node3', { app: 'web', tier: 'frontend' }, '10.244.2.2', 'Pending'),
    pod('default', 'db-1', 'node2', { app: 'db', tier: 'backend' }, '10.244.1.3'),
    pod('kube-system', 'etcd-node1', 'node1', { component: 'etcd', tier: 'control-plane' }, '192.168.0.18'),
    componentStatus('scheduler', 'ok'),
    componentStatus('controller-manager', 'ok'),
    componentStatus('etcd-0', '{"health":"true"}'),
  ];
}
