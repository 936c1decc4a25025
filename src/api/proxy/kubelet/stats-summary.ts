import { type Cluster, type Node, type Pod, rfc3339 } from '../../../cluster/index.js';
import type { BackendAnswer } from '../backend-answer.js';
import { podsOnNode } from './node-pods.js';
import { podStats } from './pod-stats.js';
import { figure, nanoCores, quantityValue } from './summary-figures.js';
import type { ContainerStats, FsStats, NodeStats, PodStats, Summary } from './summary-types.js';
import { cpuStats, memoryStats, networkStats, type SampleContext } from './usage-stats.js';

/**
 * The kubelet's /stats/summary (k/k pkg/kubelet/server/stats/handler.go handleSummary, summary.go): the node,
 * its system containers (the kubelet, the runtime, and all pods together) and every pod running on it, at the
 * instant of the latest statistics, which is the sample metrics-server reads (cluster.metrics). Usage is the
 * simulated one, so `kubectl top` and the Summary agree; where the simulation has no usage (no metrics-server,
 * or a pod whose containers are too fresh) cpu and memory are left out, as the kubelet leaves out what cadvisor
 * has not sampled yet. `?only_cpu_and_memory=true` keeps cpu and memory alone (GetCPUAndMemoryStats).
 * Written as go-restful writes it: indented by one space, no final newline.
 */
const GI = 1024 ** 3;
const MI = 1024 ** 2;

export function statsSummary(cluster: Cluster, node: Node, onlyCpuAndMemory: boolean): BackendAnswer {
  const summary = buildSummary(cluster, node, onlyCpuAndMemory);
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(summary, null, 1) };
}

const epoch = (time: string | undefined, fallback: number): number => {
  const parsed = time === undefined ? NaN : Date.parse(time);
  return Number.isNaN(parsed) ? fallback : parsed;
};

/** Pods with a running container have cgroups the kubelet measures; the others are not in the Summary. */
const isRunning = (pod: Pod): boolean =>
  [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].some((s) => s.state?.running !== undefined);

export function buildSummary(cluster: Cluster, node: Node, onlyCpuAndMemory: boolean): Summary {
  const name = node.metadata.name;
  const nodeMetrics = cluster.metrics?.nodeMetrics(name);
  const at = nodeMetrics ? Date.parse(nodeMetrics.timestamp) : cluster.clock.now();
  const started = epoch(node.metadata.creationTimestamp, at);
  const memoryCapacity = quantityValue(node.status?.capacity?.['memory']);
  const rootFs = rootFilesystem(node, rfc3339(at));
  const context: SampleContext = { cluster, at, time: rfc3339(at), rootFs };
  const running = podsOnNode(cluster, name).filter(isRunning);
  const pods = running.map((pod) =>
    podStats(context, pod, cluster.metrics?.podMetrics(pod.metadata.namespace ?? '', pod.metadata.name), memoryCapacity, onlyCpuAndMemory),
  );
  const usage = nodeMetrics ? { cpu: nanoCores(nodeMetrics.usage.cpu), workingSet: quantityValue(nodeMetrics.usage.memory) } : undefined;
  const stats: NodeStats = {
    nodeName: name,
    ...(usage ? { systemContainers: systemContainers(context, node, started, usage.cpu, usage.workingSet, pods) } : {}),
    startTime: rfc3339(started),
    ...(usage
      ? {
          cpu: cpuStats(context, `node/${name}`, usage.cpu, started),
          memory: memoryStats(context, `node/${name}`, usage.workingSet, started, memoryCapacity),
        }
      : {}),
  };
  if (!onlyCpuAndMemory) {
    stats.network = networkStats(context, `node/${name}`, started);
    stats.fs = rootFs;
    const imageFs = imageFilesystem(rootFs, running);
    stats.runtime = { imageFs, containerFs: imageFs };
    const containers = running.reduce((sum, pod) => sum + (pod.spec?.containers?.length ?? 0), 0);
    stats.rlimit = { time: context.time, maxpid: 4194304, curproc: 120 + 3 * containers + Math.floor(40 * figure(`node/${name}/procs`)) };
  }
  return { node: stats, pods };
}

/** The kubelet's own cgroup, the runtime's, and `pods` (the kubepods cgroup, bounded by allocatable memory). */
function systemContainers(context: SampleContext, node: Node, started: number, cpu: number, workingSet: number, pods: PodStats[]): ContainerStats[] {
  const name = node.metadata.name;
  const podsCpu = pods.reduce((sum, pod) => sum + (pod.cpu?.usageNanoCores ?? 0), 0);
  const podsMemory = pods.reduce((sum, pod) => sum + (pod.memory?.workingSetBytes ?? 0), 0);
  const systemCpu = Math.max(0, cpu - podsCpu);
  const systemMemory = Math.max(0, workingSet - podsMemory);
  const allocatable = quantityValue(node.status?.allocatable?.['memory']);
  const container = (id: string, share: number, memoryShare: number, limit?: number): ContainerStats => ({
    name: id,
    startTime: rfc3339(started),
    cpu: cpuStats(context, `node/${name}/${id}`, id === 'pods' ? podsCpu : systemCpu * share, started),
    memory: memoryStats(context, `node/${name}/${id}`, id === 'pods' ? podsMemory : systemMemory * memoryShare, started, limit),
  });
  return [container('kubelet', 0.45, 0.35), container('runtime', 0.3, 0.3), container('pods', 1, 1, allocatable)];
}

/** The node's root filesystem, sized by its ephemeral-storage capacity: part used, 5% reserved for root. */
function rootFilesystem(node: Node, time: string): FsStats {
  const name = node.metadata.name;
  const capacityBytes = quantityValue(node.status?.capacity?.['ephemeral-storage']) || 100 * GI;
  const usedBytes = Math.round(capacityBytes * (0.2 + 0.35 * figure(`node/${name}/fs`)));
  const inodes = Math.floor(capacityBytes / 16384);
  const inodesUsed = Math.floor(inodes * (0.04 + 0.08 * figure(`node/${name}/inodes`)));
  return {
    time,
    availableBytes: Math.max(0, Math.round(capacityBytes * 0.95) - usedBytes),
    capacityBytes,
    usedBytes,
    inodesFree: inodes - inodesUsed,
    inodes,
    inodesUsed,
  };
}

/** Where the runtime keeps images and container layers: the root filesystem, used by the images the node has pulled. */
function imageFilesystem(rootFs: FsStats, pods: Pod[]): FsStats {
  const images = new Set(pods.flatMap((pod) => (pod.spec?.containers ?? []).map((c) => c.image ?? '')));
  const usedBytes = [...images].reduce((sum, image) => sum + Math.round(20 * MI + 300 * MI * figure(`image/${image}`)), 0);
  return { ...rootFs, usedBytes, inodesUsed: 2000 * images.size };
}
