import { coredns } from './families/coredns.js';
import { etcd } from './families/etcd.js';
import { generic } from './families/generic.js';
import { kubeApiserver } from './families/kube-apiserver.js';
import { kubeControllerManager } from './families/kube-controller-manager.js';
import { kubeProxy } from './families/kube-proxy.js';
import { kubeScheduler } from './families/kube-scheduler.js';
import { mysql } from './families/mysql.js';
import { nginx } from './families/nginx.js';
import { redis } from './families/redis.js';
import { weaveKube, weaveNpc } from './families/weave.js';
import type { ContainerLogContext } from './log-context.js';
import { type LogPattern, type ProcessLogs, scheduledPattern } from './log-pattern.js';

/** Image name (the last path segment, without tag) → what it prints. The one table of image logs. */
const FAMILIES: Record<string, (context: ContainerLogContext) => ProcessLogs> = {
  'kube-apiserver': kubeApiserver,
  'kube-apiserver-amd64': kubeApiserver,
  'kube-controller-manager': kubeControllerManager,
  'kube-controller-manager-amd64': kubeControllerManager,
  'kube-scheduler': kubeScheduler,
  'kube-scheduler-amd64': kubeScheduler,
  'kube-proxy': kubeProxy,
  'kube-proxy-amd64': kubeProxy,
  etcd,
  'etcd-amd64': etcd,
  coredns,
  'weave-kube': weaveKube,
  'weave-npc': weaveNpc,
  nginx,
  mysql,
  mariadb: mysql,
  redis,
};

/** What the process of this container image prints. */
export function processLogsOf(context: ContainerLogContext): ProcessLogs {
  return (FAMILIES[context.imageName] ?? generic)(context);
}

/** The container's output from `startMs` on: its image's banner, then its steady streams, drawn from its own random. */
export function imageLogPattern(context: ContainerLogContext, startMs: number): LogPattern {
  return scheduledPattern(processLogsOf(context), context.random, startMs);
}
