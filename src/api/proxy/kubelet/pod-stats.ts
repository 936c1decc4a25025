import { type Pod, type PodMetrics, rfc3339 } from '../../../cluster/index.js';
import { figure, nanoCores, quantityValue } from './summary-figures.js';
import type { ContainerStats, FsStats, PodStats, VolumeStats } from './summary-types.js';
import { cpuStats, memoryStats, networkStats, type SampleContext, sharedFs } from './usage-stats.js';

/**
 * One pod of the Summary (k/k pkg/kubelet/stats cadvisor_stats_provider.go ListPodStats): its running
 * containers with their usage (from the simulated metrics, when metrics-server would have them), rootfs and
 * log files; the pod's totals; its network; the volumes the kubelet measures itself (emptyDir, configMap,
 * secret, projected, downwardAPI); its ephemeral storage and process count.
 */
type Volume = NonNullable<NonNullable<Pod['spec']>['volumes']>[number];

const BLOCK = 4096;
const blocks = (bytes: number): number => Math.ceil(bytes / BLOCK) * BLOCK;
const epoch = (time: string | undefined, fallback: number): number => {
  const parsed = time === undefined ? NaN : Date.parse(time);
  return Number.isNaN(parsed) ? fallback : parsed;
};

export function podStats(context: SampleContext, pod: Pod, metrics: PodMetrics | undefined, memoryCapacity: number, onlyCpuAndMemory: boolean): PodStats {
  const { namespace = '', name, uid = '' } = pod.metadata;
  const podStart = epoch(pod.status?.startTime ?? pod.metadata.creationTimestamp, context.at);
  const running = (pod.status?.containerStatuses ?? []).filter((s) => s.state?.running !== undefined);
  const containers: ContainerStats[] = [];
  let cpu = 0;
  let workingSet = 0;
  let measured = false;
  let storage = 0;
  let storageInodes = 0;
  for (const status of running) {
    const started = epoch(status.state?.running?.startedAt, podStart);
    const key = `${uid}/${status.name}/${started}`;
    const usage = metrics?.containers.find((c) => c.name === status.name)?.usage;
    const limit = quantityValue(pod.spec?.containers?.find((c) => c.name === status.name)?.resources?.limits?.['memory']);
    const rootfsUsed = BLOCK * (1 + Math.floor(60 * figure(`${key}/rootfs`)));
    const logText = context.cluster.logs.read(namespace, name, status.name).reduce((sum, line) => sum + line.time.length + line.text.length + 11, 0);
    const logsUsed = blocks(logText);
    storage += rootfsUsed + logsUsed;
    storageInodes += 2 + Math.floor(20 * figure(`${key}/inodes`));
    const stats: ContainerStats = { name: status.name, startTime: rfc3339(started) };
    if (usage) {
      const containerCpu = nanoCores(usage.cpu);
      const containerMemory = quantityValue(usage.memory);
      cpu += containerCpu;
      workingSet += containerMemory;
      measured = true;
      stats.cpu = cpuStats(context, key, containerCpu, started);
      stats.memory = memoryStats(context, key, containerMemory, started, limit || undefined);
    }
    if (!onlyCpuAndMemory) {
      stats.rootfs = sharedFs(context, rootfsUsed, 1 + Math.floor(20 * figure(`${key}/inodes`)));
      stats.logs = sharedFs(context, logsUsed, 1);
    }
    containers.push(stats);
  }
  const result: PodStats = {
    podRef: { name, namespace, uid },
    startTime: rfc3339(podStart),
    containers,
  };
  if (measured) {
    result.cpu = cpuStats(context, `${uid}/pod`, cpu, podStart);
    result.memory = memoryStats(context, `${uid}/pod`, workingSet, podStart);
  }
  if (onlyCpuAndMemory) return result;
  result.network = networkStats(context, `${uid}/pod`, podStart);
  const volumes = (pod.spec?.volumes ?? []).flatMap((volume) => volumeStats(context, uid, volume, memoryCapacity) ?? []);
  if (volumes.length > 0) result.volume = volumes;
  for (const volume of volumes.filter((v) => v.name !== undefined && onDisk(pod, v.name))) {
    storage += volume.usedBytes ?? 0;
    storageInodes += volume.inodesUsed ?? 0;
  }
  result['ephemeral-storage'] = sharedFs(context, storage, storageInodes);
  result.process_stats = { process_count: running.length + Math.floor(4 * figure(`${uid}/processes`)) };
  return result;
}

/** Volumes on tmpfs (secrets, projected tokens, memory-backed emptyDirs) are sized by the node's memory. */
function inMemory(volume: Volume): boolean {
  return volume.secret !== undefined || volume.projected !== undefined || volume.emptyDir?.medium === 'Memory';
}

function onDisk(pod: Pod, name: string): boolean {
  const volume = pod.spec?.volumes?.find((v) => v.name === name);
  return volume !== undefined && !inMemory(volume);
}

function volumeStats(context: SampleContext, uid: string, volume: Volume, memoryCapacity: number): VolumeStats | undefined {
  const measured = volume.emptyDir ?? volume.configMap ?? volume.secret ?? volume.projected ?? volume.downwardAPI;
  if (measured === undefined) return undefined;
  const key = `${uid}/volume/${volume.name}`;
  const files = volume.emptyDir ? Math.floor(40 * figure(key)) : 3;
  const usedBytes = BLOCK * (files + 1) + (volume.emptyDir ? blocks(5_000_000 * figure(`${key}/bytes`)) : 0);
  const inodesUsed = files + 3;
  if (!inMemory(volume)) return { ...sharedFs(context, usedBytes, inodesUsed), name: volume.name };
  const inodes = Math.floor(memoryCapacity / (2 * BLOCK));
  return {
    time: context.time,
    availableBytes: Math.max(0, memoryCapacity - usedBytes),
    capacityBytes: memoryCapacity,
    usedBytes,
    inodesFree: inodes - inodesUsed,
    inodes,
    inodesUsed,
    name: volume.name,
  } satisfies FsStats & { name: string };
}
