import type { Node, Pod } from '../../../../../src/cluster/objects.js';
import { type ContainerLogContext, containerLogContext } from '../../../../../src/cluster/simulation/kubelet/image-logs/index.js';
import { SeededRandom } from '../../../../../src/cluster/simulation/random.js';

/** The talk cluster's machines, as a container's log sees them. */
const NODES: [string, string, boolean][] = [
  ['node1', '192.168.0.18', true],
  ['node2', '192.168.0.17', true],
  ['node3', '192.168.0.16', false],
];

function node(name: string, ip: string, ready: boolean, index: number): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: { podCIDR: `10.244.${index}.0/24` },
    status: {
      addresses: [{ type: 'InternalIP', address: ip }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      nodeInfo: { kubeletVersion: 'v1.14.2' } as NonNullable<Node['status']>['nodeInfo'],
    },
  } as Node;
}

export interface ContainerUnderTest {
  image: string;
  command?: string[];
  args?: string[];
  pod?: string;
  namespace?: string;
  nodeName?: string;
  restartCount?: number;
  seed?: number | string;
  readinessPath?: string;
}

/** A container of the talk cluster, as the kubelet describes it to image-logs. */
export function contextOf(spec: ContainerUnderTest): ContainerLogContext {
  const nodes = NODES.map(([name, ip, ready], i) => node(name, ip, ready, i));
  const nodeName = spec.nodeName ?? 'node1';
  const container = {
    name: 'main',
    image: spec.image,
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.args ? { args: spec.args } : {}),
    ...(spec.readinessPath ? { readinessProbe: { httpGet: { path: spec.readinessPath, port: 80 }, periodSeconds: 10 } } : {}),
  };
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: spec.pod ?? 'pod-1', namespace: spec.namespace ?? 'kube-system' },
    spec: { nodeName, containers: [container] },
  } as Pod;
  return containerLogContext({
    pod,
    container,
    node: nodes.find((n) => n.metadata.name === nodeName),
    nodes,
    restartCount: spec.restartCount ?? 0,
    random: new SeededRandom(spec.seed ?? 1).fork(`logs/${pod.metadata.name}`),
  });
}
