import type { Node, Pod } from '../../objects.js';
import { rfc3339 } from '../../meta/index.js';
import type { SeededRandom } from '../random.js';
import { ContainerRun } from '../kubelet/container-run.js';
import { allocatePodIp, imageId, internalIp, pullPolicy, reportedImage, runtimeScheme } from '../kubelet/container-runtime.js';
import { podStatus } from '../kubelet/pod-status.js';
import { readinessDelayMs, reportsSandbox } from '../kubelet/pod-worker.js';

/** What a node's kubelet knew when it started a settled pod: the images already there, the pod IPs in use. */
export interface SettledNode {
  readonly node: Node;
  /** Read once from the node: its runtime's scheme, its InternalIP, whether its kubelet reports the sandbox condition. */
  readonly scheme: string;
  readonly hostIP: string;
  readonly sandbox: boolean;
  /** When the node registered, and when it last turned Ready. */
  readonly registeredMs: number;
  readonly readyMs: number;
  readonly pulledImages: Set<string>;
  readonly usedPodIps: Set<string>;
  /** Every pod IP below this host number is taken. */
  lowestFreeHost: number;
}

/** The facts of `node` a settled pod's kubelet reads, with nothing bound to it yet. */
export function settledNode(node: Node, registeredMs: number, readyMs: number, pulledImages: Set<string>, usedPodIps: Set<string>): SettledNode {
  return {
    node,
    scheme: runtimeScheme(node),
    hostIP: internalIp(node),
    sandbox: reportsSandbox(node),
    registeredMs,
    readyMs,
    pulledImages,
    usedPodIps,
    lowestFreeHost: 2,
  };
}

/**
 * A pod bound at `startMs` (its kubelet's first sync) as its kubelet has left it since: the pod worker's steps
 * (pod-worker.ts) taken at instants drawn as it draws them — a wait before the first container, each image pulled
 * unless the node has it, created, started — and the status it posted at the first sync and once all ran, by the
 * same `podStatus`. A readiness probe's container turns ready one period after its start, as the worker's does.
 * A pod whose network waits for the node starts its containers at `networkReadyMs`.
 */
export function settledRunningPod(bound: Pod, at: SettledNode, facts: { startMs: number; networkReadyMs: number; random: SeededRandom }): Pod {
  const { node, pulledImages, scheme, hostIP, sandbox } = at;
  const { random } = facts;
  const startTime = rfc3339(facts.startMs);
  const containers = (bound.spec?.containers ?? []).map((spec) => {
    const image = spec.image ?? '';
    return new ContainerRun(spec, {}, imageId(image, scheme), undefined, reportedImage(image, scheme));
  });
  const first = {
    ...bound,
    status: podStatus(bound, containers, { now: startTime, hostIP, podIP: undefined, startTime, ...(sandbox ? { sandboxReady: false } : {}) }),
  };
  const hostNetwork = bound.spec?.hostNetwork === true;
  let t = (hostNetwork ? facts.startMs : Math.max(facts.startMs, facts.networkReadyMs)) + random.between(300, 1500);
  let readyMs = 0;
  for (const container of containers) {
    if (pullPolicy(container.spec) === 'Always' || !pulledImages.has(container.image)) {
      t += random.between(500, 4000);
      pulledImages.add(container.image);
    }
    t += random.between(50, 300) + random.between(50, 300);
    container.containerID = `${scheme}://${random.hex(64)}`;
    container.state = { running: { startedAt: rfc3339(t) } };
    container.started = true;
    const probe = container.spec.readinessProbe;
    container.ready = !probe;
    if (probe) readyMs = Math.max(readyMs, t + readinessDelayMs(probe));
  }
  const podIP = hostNetwork ? hostIP : allocatePodIp(node, node.metadata.name, at.usedPodIps, at.lowestFreeHost);
  if (!hostNetwork) {
    at.usedPodIps.add(podIP);
    at.lowestFreeHost = Number(podIP.slice(podIP.lastIndexOf('.') + 1)) + 1;
  }
  const posted = { hostIP, podIP, startTime, ...(sandbox ? { sandboxReady: true } : {}) };
  const running = { ...first, status: podStatus(first, containers, { now: rfc3339(t), ...posted }) };
  if (readyMs === 0) return running;
  for (const container of containers) container.ready = true;
  return { ...running, status: podStatus(running, containers, { now: rfc3339(readyMs), ...posted }) };
}
