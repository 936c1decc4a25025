import type { Request, Response } from 'express';
import { kubeletAddress, kubeletAnswers, kubeletPort, type LogLine, type Node, type Pod, rfc3339 } from '../../cluster/index.js';
import { ApiError, badRequest, notFound } from '../errors/api-error.js';
import type { ResourceRequest } from '../resources/resource-request.js';
import { type PodLogOptions, parsePodLogOptions } from './log-options.js';

/**
 * GET pods/log: the container's lines as text/plain, with tailLines, sinceSeconds/sinceTime, timestamps and
 * limitBytes applied, and `follow` keeping the stream open for new lines (k/k pkg/registry/core/pod/rest/log.go,
 * with the kubelet's answers for containers that cannot give logs).
 */
export function podLogs(request: ResourceRequest, req: Request, res: Response): void {
  const { cluster, info } = request;
  const namespace = info.namespace ?? '';
  const podName = info.name as string;
  // The options are decoded and validated before the pod is looked up (registry/core/pod/rest/log.go Get).
  const options = parsePodLogOptions(podName, request.query);
  const stored = cluster.store.get('/pods', namespace, podName);
  if (!stored) throw notFound('', 'pods', podName);
  const pod = stored.object as Pod;
  const container = pickContainer(pod, podName, options.container);

  if (!pod.spec?.nodeName) {
    res.status(200).setHeader('Content-Type', 'text/plain').end();
    return;
  }
  const node = cluster.store.get('/nodes', undefined, pod.spec.nodeName)?.object as Node | undefined;
  if (node && !kubeletAnswers(node)) throw kubeletUnreachable(node, namespace, podName, container, options);
  res.status(200).setHeader('Content-Type', 'text/plain');
  const status = checkContainerState(pod, podName, container, options.previous);
  // The kubelet reads the instance the status names (kubelet.go validateContainerLogStatus): the running or just
  // ended one; with `previous`, lastState's, which is the current one while a restart is still waiting.
  const instance = options.previous && !status.state?.waiting ? 'previous' : 'current';

  const render = (line: LogLine): string => (options.timestamps ? `${line.time} ${line.text}\n` : `${line.text}\n`);
  let budget = options.limitBytes ?? Infinity;
  const write = (text: string): boolean => {
    if (budget <= 0) return false;
    const chunk = Buffer.byteLength(text) > budget ? Buffer.from(text).subarray(0, budget) : Buffer.from(text);
    budget -= chunk.length;
    res.write(chunk);
    return budget > 0;
  };
  const since = sinceInstant(options, cluster.clock.now());
  let lines = cluster.logs.read(namespace, podName, container, instance).filter((l) => since === undefined || Date.parse(l.time) >= since);
  if (options.tailLines !== undefined) lines = options.tailLines === 0 ? [] : lines.slice(-options.tailLines);
  let open = true;
  for (const line of lines) {
    if (!write(render(line))) {
      open = false;
      break;
    }
  }
  // Only a running instance has lines to come: a follow of an ended one (or of `previous`) ends at its last line.
  if (!options.follow || !open || instance === 'previous' || !status.state?.running) {
    res.end();
    return;
  }
  res.flushHeaders();
  const stop = cluster.logs.follow(namespace, podName, container, {
    line: (line) => {
      if (!write(render(line))) finish();
    },
    end: () => finish(),
  });
  const finish = (): void => {
    stop();
    if (!res.writableEnded) res.end();
  };
  req.on('close', finish);
}

function sinceInstant(options: PodLogOptions, now: number): number | undefined {
  if (options.sinceTime !== undefined) return options.sinceTime;
  if (options.sinceSeconds !== undefined) return now - options.sinceSeconds * 1000;
  return undefined;
}

function pickContainer(pod: Pod, podName: string, requested: string | undefined): string {
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  const inits = (pod.spec?.initContainers ?? []).map((c) => c.name);
  const ephemeral = (pod.spec?.ephemeralContainers ?? []).map((c) => c.name);
  if (requested === undefined) {
    if (containers.length === 1 && containers[0] !== undefined) return containers[0];
    throw badRequest(`a container name must be specified for pod ${podName}, choose one of: [${[...containers, ...inits, ...ephemeral].join(' ')}]`);
  }
  if (![...containers, ...inits, ...ephemeral].includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${podName}`);
  return requested;
}

/** The kubelet refuses logs of containers that never ran; the API server relays its message as BadRequest. */
function checkContainerState(pod: Pod, podName: string, container: string, previous: boolean): ContainerStatus {
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const status = statuses.find((s) => s.name === container);
  if (!status) throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`);
  if (previous) {
    if (!status.lastState?.terminated) throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    return status;
  }
  const waiting = status.state?.waiting;
  if (waiting && !status.lastState?.terminated) {
    const reason = waiting.reason ?? '';
    const detail = reason === 'ErrImagePull' ? "image can't be pulled" : reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${detail}`);
  }
  return status;
}

type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number];

/**
 * The API server streams logs from the node's kubelet (pkg/registry/core/pod/strategy.go LogLocation); a kubelet
 * that stopped answering fails the dial, and the Go error reaches the client as a Status with code 500 and no
 * reason (`Error from server: Get "https://…": dial tcp …`). The URL carries the options the API server forwards.
 */
function kubeletUnreachable(node: Node, namespace: string, pod: string, container: string, options: PodLogOptions): ApiError {
  const host = `${kubeletAddress(node)}:${kubeletPort(node)}`;
  const forwarded: [string, string | undefined][] = [
    ['follow', options.follow ? 'true' : undefined],
    ['limitBytes', options.limitBytes?.toString()],
    ['previous', options.previous ? 'true' : undefined],
    ['sinceSeconds', options.sinceSeconds?.toString()],
    ['sinceTime', options.sinceTime === undefined ? undefined : rfc3339(options.sinceTime)],
    ['tailLines', options.tailLines?.toString()],
    ['timestamps', options.timestamps ? 'true' : undefined],
  ];
  const query = new URLSearchParams(forwarded.filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  const url = `https://${host}/containerLogs/${namespace}/${pod}/${container}${query ? `?${query}` : ''}`;
  return new ApiError(500, '', `Get "${url}": dial tcp ${host}: connect: no route to host`);
}
