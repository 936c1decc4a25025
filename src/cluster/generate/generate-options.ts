/** What `kubefacade generate` is asked for: exact counts, a seed and the instant the capture was taken. */
export interface GenerateOptions {
  /** Nodes, control-plane nodes included. */
  nodes: number;
  /** Pods in all, kube-proxy's one per node included. */
  pods: number;
  /** Namespaces of applications, besides default, kube-node-lease, kube-public and kube-system. */
  namespaces: number;
  /** Every choice (sizes, states, names, uids) follows from it: one seed, one cluster, byte for byte. */
  seed: number;
  /** When the capture was taken: every timestamp is counted back from it, never from the clock. */
  capturedAt: Date;
}

/** The fixed instant captures are taken at unless told: any instant would do, as long as it never moves. */
export const DEFAULT_CAPTURED_AT = new Date('2026-01-01T00:00:00Z');

/** The same number of namespaces as the 5,000-node cluster has at 100: one per 50 nodes, at least 3. */
export function defaultNamespaces(nodes: number): number {
  return Math.max(3, Math.round(nodes / 50));
}

/** Why the options cannot make a cluster, or undefined. */
export function invalidGenerateOptions(options: GenerateOptions): string | undefined {
  if (!Number.isSafeInteger(options.nodes) || options.nodes < 1) return '--nodes must be a whole number of at least 1';
  if (!Number.isSafeInteger(options.pods) || options.pods < options.nodes) return '--pods must be at least --nodes: every node runs a kube-proxy pod';
  if (!Number.isSafeInteger(options.namespaces) || options.namespaces < 1) return '--namespaces must be a whole number of at least 1';
  // 10.0.0.0/8 holds 65,536 node subnets of /24, and 172.16.0.0/12 as many node addresses.
  if (options.nodes > 65_000) return '--nodes must be at most 65000';
  if (Number.isNaN(options.capturedAt.getTime())) return '--captured-at must be an RFC 3339 instant such as 2026-01-01T00:00:00Z';
  return undefined;
}
