import type { Cluster } from '../../../cluster/index.js';
import { figure, usageCoreNanoSeconds } from './summary-figures.js';
import type { CpuStats, FsStats, MemoryStats, NetworkStats } from './summary-types.js';

/**
 * The per-object statistics the Summary repeats at every level (node, system container, pod, container),
 * built from the simulated usage and stable figures (summary-figures.ts). cadvisor's memory: the working set is
 * what metrics-server reports; usage adds the reclaimable page cache; rss is the anonymous part of the set.
 */
export interface SampleContext {
  cluster: Cluster;
  /** The instant of the kubelet's latest statistics (the metrics sample) and its metav1.Time. */
  at: number;
  time: string;
  /** The node's root filesystem: what container rootfs, logs and ephemeral storage share. */
  rootFs: FsStats;
}

const seconds = (context: SampleContext, startedAt: number): number => Math.max(1, (context.at - startedAt) / 1000);

export function cpuStats(context: SampleContext, key: string, usageNanoCores: number, startedAt: number): CpuStats {
  return {
    time: context.time,
    usageNanoCores: Math.round(usageNanoCores),
    usageCoreNanoSeconds: usageCoreNanoSeconds(context.cluster, key, context.at, startedAt, usageNanoCores),
  };
}

export function memoryStats(context: SampleContext, key: string, workingSet: number, startedAt: number, limit?: number): MemoryStats {
  const page = 4096;
  const set = Math.round(workingSet / page) * page;
  const usage = Math.round((set * (1.05 + 0.3 * figure(`${key}/cache`))) / page) * page;
  const rss = Math.round((set * (0.6 + 0.3 * figure(`${key}/rss`))) / page) * page;
  const uptime = seconds(context, startedAt);
  return {
    time: context.time,
    ...(limit !== undefined && limit > 0 ? { availableBytes: Math.max(0, Math.round(limit - set)) } : {}),
    usageBytes: usage,
    workingSetBytes: set,
    rssBytes: rss,
    pageFaults: Math.round(uptime * (20 + 400 * figure(`${key}/faults`))),
    majorPageFaults: Math.round(uptime * 0.02 * figure(`${key}/major`)),
  };
}

/** eth0 of the node or of the pod's network namespace: bytes grow at a steady rate since it started. */
export function networkStats(context: SampleContext, key: string, startedAt: number): NetworkStats {
  const uptime = seconds(context, startedAt);
  const eth0 = {
    name: 'eth0',
    rxBytes: Math.round(uptime * (200 + 20_000 * figure(`${key}/rx`))),
    rxErrors: 0,
    txBytes: Math.round(uptime * (150 + 15_000 * figure(`${key}/tx`))),
    txErrors: 0,
  };
  return { time: context.time, ...eth0, interfaces: [eth0] };
}

/** A share of the root filesystem: its capacity and free space, with this object's own use. */
export function sharedFs(context: SampleContext, usedBytes: number, inodesUsed: number): FsStats {
  const { availableBytes, capacityBytes, inodesFree, inodes } = context.rootFs;
  return { time: context.time, availableBytes, capacityBytes, usedBytes, inodesFree, inodes, inodesUsed };
}
