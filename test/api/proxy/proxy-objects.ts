/**
 * Objects for the proxy suites, beside the sample cluster: a node whose kubelet stopped posting status, a pod
 * that restarted (two log files), a service with endpoints on pods and one without any.
 */
import type { KubeObject } from '../../../src/cluster/index.js';
import { node, pod, sampleObjects, START } from '../../support/sample-objects.js';

const ago = (seconds: number): string => new Date(START - seconds * 1000).toISOString().replace('.000Z', 'Z');

/** node4: Ready Unknown, as the node lifecycle controller leaves a node whose kubelet went silent. */
function silentNode(): KubeObject {
  const silent = node('node4', '192.168.0.15', true, 300);
  (silent.status as { conditions: Record<string, string>[] }).conditions[0] = { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown' };
  return silent;
}

/** api-1 on node1: its container restarted once, listens on 8080, has a memory limit and three volumes. */
function restartedPod(): KubeObject {
  const api = pod('default', 'api-1', 'node1', { app: 'api' }, '10.244.0.7');
  const spec = api.spec as Record<string, unknown>;
  spec['containers'] = [{ name: 'main', image: 'nginx:1.17', ports: [{ containerPort: 8080 }], resources: { limits: { memory: '256Mi' } } }];
  spec['volumes'] = [
    { name: 'cache', emptyDir: {} },
    { name: 'config', configMap: { name: 'api' } },
    { name: 'kube-api-access-x7k2p', projected: { sources: [] } },
  ];
  (api.status as Record<string, unknown>)['containerStatuses'] = [
    {
      name: 'main',
      ready: true,
      restartCount: 1,
      image: 'nginx:1.17',
      imageID: '',
      containerID: 'containerd://4b1c0ffee0',
      started: true,
      state: { running: { startedAt: ago(40) } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(58), finishedAt: ago(41) } },
    },
  ];
  return api;
}

function service(name: string, port: { name?: string; port: number }): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: `uid-svc-${name}`, creationTimestamp: ago(90) },
    spec: { clusterIP: '10.96.0.20', ports: [{ ...port, protocol: 'TCP', targetPort: port.port }] },
  };
}

function endpoints(name: string, subsets: unknown[]): KubeObject {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default', uid: `uid-ep-${name}`, creationTimestamp: ago(90) }, subsets };
}

export function proxyObjects(): KubeObject[] {
  return [
    ...sampleObjects(),
    silentNode(),
    restartedPod(),
    service('web', { name: 'http', port: 80 }),
    endpoints('web', [
      {
        addresses: [{ ip: '10.244.1.2', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-1' } }],
        notReadyAddresses: [{ ip: '10.244.2.2', targetRef: { kind: 'Pod', namespace: 'default', name: 'web-2' } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]),
    service('empty', { port: 80 }),
    endpoints('empty', []),
    service('outside', { port: 443 }),
    endpoints('outside', [{ addresses: [{ ip: '192.168.0.18' }], ports: [{ port: 6443, protocol: 'TCP' }] }]),
  ];
}
