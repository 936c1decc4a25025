/**
 * The order of groups in `/apis` and aggregated discovery: APIService groupPriorityMinimum, descending, ties by
 * name (k/k pkg/controlplane/apiserver/aggregator.go apiVersionPriorities; kube-aggregator's sort). The version
 * priority orders a group's versions (autoscaling v2 before v1). CRD groups get 1000 / 100
 * (apiextensions-apiserver's crdregistration controller); metrics-server registers 100.
 */
const BUILTIN: Readonly<Record<string, { group: number; versions?: Readonly<Record<string, number>> }>> = {
  'apiregistration.k8s.io': { group: 17800 },
  apps: { group: 17800 },
  'events.k8s.io': { group: 17750 },
  'authentication.k8s.io': { group: 17700 },
  'authorization.k8s.io': { group: 17600 },
  autoscaling: { group: 17500, versions: { v2: 30, v1: 15 } },
  batch: { group: 17400 },
  'certificates.k8s.io': { group: 17300 },
  'networking.k8s.io': { group: 17200 },
  policy: { group: 17100 },
  'rbac.authorization.k8s.io': { group: 17000 },
  'storage.k8s.io': { group: 16800 },
  'admissionregistration.k8s.io': { group: 16700 },
  'apiextensions.k8s.io': { group: 16700 },
  'scheduling.k8s.io': { group: 16600 },
  'coordination.k8s.io': { group: 16500 },
  'node.k8s.io': { group: 16300 },
  'discovery.k8s.io': { group: 16200 },
  'flowcontrol.apiserver.k8s.io': { group: 16100 },
  'metrics.k8s.io': { group: 100 },
};

const CUSTOM_GROUP_PRIORITY = 1000;

export function groupPriority(group: string): number {
  return BUILTIN[group]?.group ?? CUSTOM_GROUP_PRIORITY;
}

/**
 * Versions of one group, preferred first: by declared priority, then Kubernetes-aware version order
 * (apimachinery pkg/version CompareKubeAwareVersionStrings: GA > beta > alpha, higher numbers first, other
 * strings last in alphabetical order).
 */
export function sortVersions(group: string, versions: Iterable<string>): string[] {
  const declared = BUILTIN[group]?.versions ?? {};
  return [...versions].sort((a, b) => (declared[b] ?? 0) - (declared[a] ?? 0) || compareKubeAwareVersions(b, a));
}

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** > 0 when `a` is the newer (more preferred) version. */
export function compareKubeAwareVersions(a: string, b: string): number {
  const ma = KUBE_VERSION.exec(a);
  const mb = KUBE_VERSION.exec(b);
  if (!ma && !mb) return a < b ? 1 : a > b ? -1 : 0;
  if (!ma) return -1;
  if (!mb) return 1;
  const stability = (m: RegExpExecArray): number => (m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0);
  return stability(ma) - stability(mb) || Number(ma[1]) - Number(mb[1]) || Number(ma[3] ?? 0) - Number(mb[3] ?? 0);
}
