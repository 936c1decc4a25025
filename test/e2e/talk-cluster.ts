/**
 * What the e2e suites know of the default cluster (fixtures/talk-cluster.yaml) and the changes they drive
 * through its store, as a controller or the kubelet would write them.
 */
import type { ClusterStore, KubeObject, Node, Pod } from '../../src/cluster/index.js';

/** kubectl describe's timestamp format (Go time.RFC1123Z): `Tue, 24 Nov 2026 17:24:54 +0000`. */
export function rfc1123z(instant: Date): string {
  return instant.toUTCString().replace(/GMT$/, '+0000');
}

export function secondsBefore(now: Date, seconds: number): Date {
  return new Date(now.getTime() - seconds * 1000);
}

function stored<T extends KubeObject>(store: ClusterStore, resource: '/nodes' | '/pods', namespace: string | undefined, name: string): T {
  const current = store.get(resource, namespace, name);
  if (current === undefined) throw new Error(`the talk cluster has no ${resource.slice(1)} ${namespace ?? ''}/${name}`);
  return structuredClone(current.object) as T;
}

/** The kubelet reports Ready (the network add-on came up on the node). */
export function markNodeReady(store: ClusterStore, name: string, now: Date): Node {
  const node = stored<Node>(store, '/nodes', undefined, name);
  for (const condition of node.status?.conditions ?? []) {
    if (condition.type !== 'Ready') continue;
    condition.status = 'True';
    condition.reason = 'KubeletReady';
    condition.message = 'kubelet is posting ready status';
    condition.lastTransitionTime = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return store.update('/nodes', node).object as Node;
}

/** A copy of an existing pod under a new name, created now (as a ReplicaSet would add a replica). */
export function addPodLike(store: ClusterStore, namespace: string, existing: string, name: string, now: Date): Pod {
  const pod = stored<Pod>(store, '/pods', namespace, existing);
  const { uid: _uid, resourceVersion: _rv, ...metadata } = pod.metadata;
  const created = { ...pod, metadata: { ...metadata, name, creationTimestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z') } };
  return store.create('/pods', created).object as Pod;
}

/** A label added to a pod (any change a watcher sees as MODIFIED). */
export function labelPod(store: ClusterStore, namespace: string, name: string, key: string, value: string): Pod {
  const pod = stored<Pod>(store, '/pods', namespace, name);
  pod.metadata.labels = { ...pod.metadata.labels, [key]: value };
  return store.update('/pods', pod).object as Pod;
}

/**
 * Pods named by role rather than by name: ReplicaSet and DaemonSet pods carry hashes that change whenever the
 * fixture's templates do. `<web-1>` is the first pod (by name) labelled app=web in default, and so on.
 */
const POD_ROLES: Record<string, { namespace: string; label: string; value: string }> = {
  web: { namespace: 'default', label: 'app', value: 'web' },
  db: { namespace: 'default', label: 'app', value: 'db' },
  coredns: { namespace: 'kube-system', label: 'k8s-app', value: 'kube-dns' },
  'kube-proxy': { namespace: 'kube-system', label: 'k8s-app', value: 'kube-proxy' },
  'weave-net': { namespace: 'kube-system', label: 'name', value: 'weave-net' },
};

/** The names of the pods playing `role`, sorted as the API lists them. */
export function podsOf(store: ClusterStore, role: string): string[] {
  const spec = POD_ROLES[role];
  if (spec === undefined) throw new Error(`no pod role "${role}" (known: ${Object.keys(POD_ROLES).join(', ')})`);
  return store
    .list('/pods', { namespace: spec.namespace })
    .items.filter((pod) => pod.object.metadata.labels?.[spec.label] === spec.value)
    .map((pod) => pod.name);
}

/** `<web-1>` → the first web pod's name; any other text is returned as it is. */
export function resolvePodRef(store: ClusterStore, text: string): string {
  return text.replace(/<([a-z-]+)-(\d+)>/g, (whole, role: string, index: string) => {
    const name = podsOf(store, role)[Number(index) - 1];
    if (name === undefined) throw new Error(`${whole}: the cluster has fewer ${role} pods`);
    return name;
  });
}

/** The pod's ReplicaSet (its controller owner). */
export function ownerName(store: ClusterStore, namespace: string, pod: string): string {
  const owner = store.get('/pods', namespace, pod)?.object.metadata.ownerReferences?.find((ref) => ref.controller === true);
  return owner === undefined ? '' : `${owner.kind}/${owner.name}`;
}

/**
 * Rows aligned as kubectl's tabwriter aligns them (cli-runtime printers: cells separated by 3 spaces, every
 * cell but the last padded to its column's width), for tables whose only variable cells are pod names.
 */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3))).join(''));
}
