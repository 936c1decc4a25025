import type { V1Container } from '@kubernetes/client-node';
import { boundedMemo } from '../../meta/index.js';
import type { Node, Pod, Wire } from '../../objects.js';
import { SeededRandom } from '../random.js';

export type Container = Wire<V1Container>;

/** `docker://`, `containerd://`, `cri-o://`: the runtime part of status.nodeInfo.containerRuntimeVersion. */
export function runtimeScheme(node: Node | undefined): string {
  const version = node?.status?.nodeInfo?.containerRuntimeVersion ?? 'containerd://1.7.0';
  return version.split('://')[0] || 'containerd';
}

/** Image digests and sizes are properties of the image, the same on every node and every run; a digest is drawn once per image. */
export const imageDigest = boundedMemo((image: string): string => new SeededRandom(`image-digest/${image}`).hex(64));

export function imageSizeBytes(image: string): number {
  return new SeededRandom(`image-size/${image}`).int(20_000_000, 200_000_000);
}

/** status.containerStatuses[].imageID as each runtime reports it: one string per image and runtime, shared by every container that runs it. */
export function imageId(image: string, scheme: string): string {
  let idOf = imageIdsByScheme.get(scheme);
  if (!idOf) {
    idOf = boundedMemo((of: string) => runtimeImageId(of, scheme));
    imageIdsByScheme.set(scheme, idOf);
  }
  return idOf(image);
}

/** Image IDs already made, by runtime scheme (docker, containerd, cri-o) and image. */
const imageIdsByScheme = new Map<string, (image: string) => string>();

function runtimeImageId(image: string, scheme: string): string {
  const repository = image.replace(/[:@].*$/, '');
  const digest = `sha256:${imageDigest(image)}`;
  if (scheme === 'docker') return `docker-pullable://${repository}@${digest}`;
  const qualified = repository.includes('/') ? repository : `library/${repository}`;
  return `${qualified.split('/')[0]?.includes('.') ? qualified : `docker.io/${qualified}`}@${digest}`;
}

/** `nginx:1.17` → `docker.io/library/nginx:1.17`: the fully qualified reference containerd and CRI-O report. */
export function qualifiedImage(image: string): string {
  const first = image.split('/')[0] ?? '';
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = hasRegistry ? image : `docker.io/${image.includes('/') ? '' : 'library/'}${image}`;
  const last = path.split('/').at(-1) ?? '';
  return last.includes(':') || last.includes('@') ? path : `${path}:latest`;
}

/** status.containerStatuses[].image: dockershim reports the name as written, CRI runtimes the qualified one. */
export function reportedImage(image: string, scheme: string): string {
  return scheme === 'docker' ? image : qualifiedOnce(image);
}

/** Qualified references made once: one string per image, shared by every container that runs it. */
const qualifiedOnce = boundedMemo(qualifiedImage);

/** The apiserver's default (pkg/apis/core/v1/defaults.go): Always for `:latest` or no tag, else IfNotPresent. */
export function pullPolicy(container: Container): string {
  if (container.imagePullPolicy) return container.imagePullPolicy;
  const image = container.image ?? '';
  if (image.includes('@')) return 'IfNotPresent';
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** The kubelet's `Created` message: 1.33 added a colon (pkg/kubelet/kuberuntime/kuberuntime_container.go). */
export function createdMessage(node: Node | undefined, container: string): string {
  const match = /^v?(\d+)\.(\d+)/.exec(node?.status?.nodeInfo?.kubeletVersion ?? '');
  const colon = !match || Number(match[1]) > 1 || Number(match[2]) >= 33;
  return colon ? `Created container: ${container}` : `Created container ${container}`;
}

/** format.Pod in the kubelet: `name_namespace(uid)`. */
export function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? ''}(${pod.metadata.uid ?? ''})`;
}

export function internalIp(node: Node | undefined): string {
  return node?.status?.addresses?.find((address) => address.type === 'InternalIP')?.address ?? '';
}

/**
 * The node's pod network: spec.podCIDR when set (a /24 as kubeadm's node IPAM gives), else a /24 under
 * 10.244.0.0/16 chosen by the node's name. .0 is the network and .1 the bridge, so pods start at .2.
 * `lowestFree`: a host number below which the caller knows every address is taken (it allocated them itself).
 */
export function allocatePodIp(node: Node | undefined, nodeName: string, used: ReadonlySet<string>, lowestFree = 2): string {
  const base = podNetworkPrefix(node, nodeName);
  for (let host = Math.max(2, lowestFree); host < 255; host++) {
    const ip = `${base}.${host}`;
    if (!used.has(ip)) return ip;
  }
  throw new Error(`node ${nodeName} has no free pod IP in ${base}.0/24`);
}

/** The first three octets of the node's pod network; kept per Node version (stored objects never change). */
function podNetworkPrefix(node: Node | undefined, nodeName: string): string {
  const kept = node && prefixes.get(node);
  if (kept !== undefined) return kept;
  const cidr = node?.spec?.podCIDR;
  const prefix = cidr ? (cidr.split('/')[0]?.split('.').slice(0, 3).join('.') ?? '') : `10.244.${1 + new SeededRandom(`pod-cidr/${nodeName}`).int(0, 250)}`;
  if (node) prefixes.set(node, prefix);
  return prefix;
}

const prefixes = new WeakMap<Node, string>();
