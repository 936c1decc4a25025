import type { Cluster, Pod } from '../../../cluster/index.js';

/**
 * The pods bound to a node, which its kubelet knows of (its pod manager): the store's pods whose spec.nodeName
 * is the node, read through the index the registry declares for that field, in the store's order.
 */
export function podsOnNode(cluster: Cluster, nodeName: string): Pod[] {
  const listed = cluster.store.hasIndex('/pods', 'spec.nodeName')
    ? cluster.store.list('/pods', { index: { name: 'spec.nodeName', value: nodeName } })
    : cluster.store.list('/pods', { filter: (stored) => (stored.object as Pod).spec?.nodeName === nodeName });
  return listed.items.map((stored) => stored.object as Pod);
}
