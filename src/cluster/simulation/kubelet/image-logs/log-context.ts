import type { Node, Pod } from '../../../objects.js';
import type { SeededRandom } from '../../random.js';
import type { Container } from '../container-runtime.js';

/** A node as the processes of a container see the cluster: its name, address and pod range. */
export interface PeerNode {
  name: string;
  ip: string;
  podCIDR: string | undefined;
  /** Whether its Ready condition is True when the container starts (a network add-on's agent runs there). */
  ready: boolean;
}

/** An HTTP probe the kubelet sends to the container, which its access log shows. */
export interface HttpProbe {
  path: string;
  periodSeconds: number;
}

/** Everything a container's log may mention, fixed when the container instance starts. */
export interface ContainerLogContext {
  image: string;
  /** The image's last path segment without tag or digest: `kube-apiserver`, `nginx`, `weave-kube`. */
  imageName: string;
  /** The tag, without a leading `v`; '' when none. */
  tag: string;
  command: readonly string[];
  args: readonly string[];
  namespace: string;
  pod: string;
  container: string;
  nodeName: string;
  nodeIP: string;
  podCIDR: string | undefined;
  /** The node's kubelet version (`v1.14.2`): what kube-probe's User-Agent carries. */
  kubeletVersion: string;
  /** Every node the cluster has when the container starts, in name order. */
  nodes: readonly PeerNode[];
  probes: readonly HttpProbe[];
  /** 0 for the first instance of the container; a restarted process finds its data already there. */
  restartCount: number;
  /** The container's own stream of chance: derived from the seed and the container, never shared. */
  random: SeededRandom;
}

const internalIp = (node: Node): string => node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';

export interface ContainerLogSource {
  pod: Pod;
  container: Container;
  node: Node | undefined;
  /** Every node of the cluster, or the peers they make (peerNodes) when the caller keeps them. */
  nodes: readonly Node[] | { peers: readonly PeerNode[] };
  restartCount: number;
  random: SeededRandom;
}

/** The nodes as a container's processes see them, in name order. */
export function peerNodes(nodes: readonly Node[]): PeerNode[] {
  return nodes
    .map((n) => ({
      name: n.metadata.name,
      ip: internalIp(n),
      podCIDR: n.spec?.podCIDR,
      ready: n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function containerLogContext(source: ContainerLogSource): ContainerLogContext {
  const { pod, container, node } = source;
  const image = container.image ?? '';
  const reference = image.replace(/@.*$/, '');
  const lastSegment = reference.split('/').at(-1) ?? '';
  const [imageName = '', tag = ''] = lastSegment.split(':');
  const probes = [container.readinessProbe, container.livenessProbe]
    .filter((probe) => probe?.httpGet)
    .map((probe) => ({ path: probe?.httpGet?.path ?? '/', periodSeconds: probe?.periodSeconds ?? 10 }));
  return {
    image,
    imageName,
    tag: tag.replace(/^v/, ''),
    command: container.command ?? [],
    args: container.args ?? [],
    namespace: pod.metadata.namespace ?? 'default',
    pod: pod.metadata.name,
    container: container.name,
    nodeName: node?.metadata.name ?? pod.spec?.nodeName ?? '',
    nodeIP: node ? internalIp(node) : '',
    podCIDR: node?.spec?.podCIDR,
    kubeletVersion: node?.status?.nodeInfo?.kubeletVersion ?? 'v1.33.0',
    nodes: 'peers' in source.nodes ? source.nodes.peers : peerNodes(source.nodes),
    probes,
    restartCount: source.restartCount,
    random: source.random,
  };
}

/** The value of `--name=value` (or `--name value`) in the container's command and args. */
export function flag(context: ContainerLogContext, name: string): string | undefined {
  const words = [...context.command, ...context.args];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word.startsWith(`--${name}=`)) return word.slice(name.length + 3);
    if (word === `--${name}` || word === `-${name}`) return words[i + 1];
  }
  return undefined;
}

/** `1.14.2` → [1, 14, 2]; missing parts are 0. */
export function versionParts(version: string): [number, number, number] {
  const [major = 0, minor = 0, patch = 0] = version
    .replace(/^v/, '')
    .split(/[.-]/)
    .map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor, patch];
}

/** The `.1` of a /24 pod range: the bridge address traffic from the node itself comes from. */
export function gatewayOf(podCIDR: string | undefined): string {
  const base = podCIDR?.split('/')[0]?.split('.').slice(0, 3).join('.');
  return base ? `${base}.1` : '10.244.0.1';
}
