import type { Cluster, LogLine, Node, Pod } from '../../../cluster/index.js';
import { podsOnNode } from './node-pods.js';

/**
 * The node's /var/log as far as the simulation knows it: the container logs the kubelet keeps. Under `pods/`
 * one folder per pod, `<namespace>_<pod>_<uid>/`, holding a folder per container with `<restartCount>.log`
 * (the instance running now, or that ended last) and the one before it, as the kubelet lays them out (k/k
 * pkg/kubelet/kuberuntime/helpers.go BuildContainerLogsDirectory, BuildPodLogsDirectory); under `containers/`
 * the links the runtime adds for log collectors, `<pod>_<namespace>_<container>-<containerID>.log`. Each line is
 * in the CRI log format the runtime writes: `<RFC 3339 time> stdout F <text>`.
 */
export type LogEntry = { kind: 'dir'; entries(): Map<string, LogEntry> } | { kind: 'file'; content(): string; modified: string | undefined };

type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number];

const dir = (entries: () => Map<string, LogEntry>): LogEntry => ({ kind: 'dir', entries });

function logFile(lines: () => readonly LogLine[]): LogEntry {
  return {
    kind: 'file',
    content: () =>
      lines()
        .map((line) => `${line.time} stdout F ${line.text}\n`)
        .join(''),
    get modified() {
      return lines().at(-1)?.time;
    },
  };
}

/** Statuses of every container the pod has started, init and ephemeral ones included. */
function startedContainers(pod: Pod): ContainerStatus[] {
  const status = pod.status ?? {};
  const all = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? []), ...(status.ephemeralContainerStatuses ?? [])];
  return all.filter((s) => s.state?.running !== undefined || s.state?.terminated !== undefined || s.lastState?.terminated !== undefined);
}

function containerFiles(cluster: Cluster, pod: Pod, status: ContainerStatus): Map<string, LogEntry> {
  const { namespace = '', name } = pod.metadata;
  const files = new Map<string, LogEntry>();
  const restarts = status.restartCount ?? 0;
  if (restarts > 0 && status.lastState?.terminated !== undefined) {
    files.set(
      `${restarts - 1}.log`,
      logFile(() => cluster.logs.read(namespace, name, status.name, 'previous')),
    );
  }
  files.set(
    `${restarts}.log`,
    logFile(() => cluster.logs.read(namespace, name, status.name, 'current')),
  );
  return files;
}

function podFolders(cluster: Cluster, node: Node): Map<string, LogEntry> {
  const folders = new Map<string, LogEntry>();
  for (const pod of podsOnNode(cluster, node.metadata.name)) {
    const started = startedContainers(pod);
    if (started.length === 0) continue;
    const folder = `${pod.metadata.namespace ?? ''}_${pod.metadata.name}_${pod.metadata.uid ?? ''}`;
    folders.set(
      folder,
      dir(() => new Map(started.map((status) => [status.name, dir(() => containerFiles(cluster, pod, status))]))),
    );
  }
  return folders;
}

function containerLinks(cluster: Cluster, node: Node): Map<string, LogEntry> {
  const links = new Map<string, LogEntry>();
  for (const pod of podsOnNode(cluster, node.metadata.name)) {
    const { namespace = '', name } = pod.metadata;
    for (const status of startedContainers(pod)) {
      const id = status.containerID?.replace(/^[a-z]+:\/\//, '');
      if (!id) continue;
      links.set(
        `${name}_${namespace}_${status.name}-${id}.log`,
        logFile(() => cluster.logs.read(namespace, name, status.name, 'current')),
      );
    }
  }
  return links;
}

export function varLog(cluster: Cluster, node: Node): LogEntry {
  return dir(
    () =>
      new Map([
        ['containers', dir(() => containerLinks(cluster, node))],
        ['pods', dir(() => podFolders(cluster, node))],
      ]),
  );
}
