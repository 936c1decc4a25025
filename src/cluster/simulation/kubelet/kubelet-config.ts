/** Timings of the real kubelet (pkg/kubelet/apis/config defaults; kuberuntime back-off in pkg/kubelet/kubelet.go). */
export const KUBELET_TIMINGS = {
  /** Lease renewal: NodeLeaseDurationSeconds 40 × renewIntervalFraction 0.25. */
  leaseRenewIntervalMs: 10_000,
  leaseDurationSeconds: 40,
  /** nodeStatusUpdateFrequency: how often the kubelet computes node status. */
  nodeStatusUpdateMs: 10_000,
  /** nodeStatusReportFrequency: a status that did not change is still posted this often. */
  nodeStatusReportMs: 5 * 60_000,
  /** CrashLoopBackOff: 10 s, doubling, at most 5 min (MaxContainerBackOff); forgotten after 2 × max of calm. */
  backOffInitialMs: 10_000,
  backOffMaxMs: 300_000,
} as const;

/** How a scenario makes a container end: every run of the container exits this way after `afterMs`. */
export interface ContainerCrash {
  afterMs: number;
  exitCode?: number;
  /** The terminated reason: `Error` by default, `OOMKilled` for exit code 137 unless given. */
  reason?: string;
}

/** What one container does once started; everything optional, defaults come from its image. */
export interface ContainerBehaviour {
  /** Lines written in order, one every `logIntervalMs` (with jitter), then the list starts over. */
  logLines?: readonly string[];
  logIntervalMs?: number;
  crash?: ContainerCrash;
  /** With a readinessProbe: how long until it first succeeds (default: initialDelaySeconds + one period). */
  readyAfterMs?: number;
}

/** Where a kubelet learns each container's behaviour (the cluster file's per-container config, or a scenario). */
export type BehaviourSource = (namespace: string, pod: string, container: string, image: string) => ContainerBehaviour | undefined;

/** A small generic log per image family when the cluster file gives none: startup lines, then repeating ones. */
const IMAGE_LOGS: { match: RegExp; startup: string[]; repeating: string[] }[] = [
  {
    match: /(^|\/)nginx(:|@|$)/,
    startup: ['/docker-entrypoint.sh: Configuration complete; ready for start up'],
    repeating: [
      '10.244.0.1 - - "GET / HTTP/1.1" 200 612 "-" "kube-probe/1.14"',
      '10.244.1.5 - - "GET /index.html HTTP/1.1" 200 612 "-" "curl/7.64.0"',
      '10.244.2.7 - - "GET /favicon.ico HTTP/1.1" 404 153 "-" "Mozilla/5.0"',
    ],
  },
  {
    match: /(^|\/)redis(:|@|$)/,
    startup: ['1:C oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:M Server initialized', '1:M Ready to accept connections'],
    repeating: ['1:M 1 changes in 3600 seconds. Saving...', '1:M Background saving started', '1:M Background saving terminated with success'],
  },
  {
    match: /(^|\/)(mysql|mariadb)(:|@|$)/,
    startup: ['[Note] mysqld: ready for connections.', "Version: '5.7'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306"],
    repeating: ["[Note] Aborted connection 12 to db: 'unconnected' user: 'root' host: '10.244.1.5' (Got an error reading communication packets)"],
  },
];

const GENERIC = { startup: ['starting'], repeating: ['heartbeat: ok'] };

export function defaultLogs(image: string): { startup: readonly string[]; repeating: readonly string[] } {
  return IMAGE_LOGS.find((entry) => entry.match.test(image)) ?? GENERIC;
}
