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
  /**
   * Lines written in order, one every `logIntervalMs` (with jitter), then the list starts over. Without these or a
   * `logScript`, the container writes what its image prints (image-logs/).
   */
  logLines?: readonly string[];
  logIntervalMs?: number;
  crash?: ContainerCrash;
  /** With a readinessProbe: how long until it first succeeds (default: initialDelaySeconds + one period). */
  readyAfterMs?: number;
  /** The container's whole output, as a cluster file gives it: each line written this long after every start. */
  logScript?: readonly { afterMs: number; text: string }[];
}

/** Where a kubelet learns each container's behaviour (the cluster file's per-container config, or a scenario). */
export type BehaviourSource = (namespace: string, pod: string, container: string, image: string) => ContainerBehaviour | undefined;
