import type { Cluster, Node } from '../../../cluster/index.js';
import type { BackendAnswer } from '../backend-answer.js';
import { podsOnNode } from './node-pods.js';

/**
 * The kubelet's /pods: a v1 PodList of the pods bound to it, as the API server sent them (k/k
 * pkg/kubelet/server/server.go getPods, encodePods). Items of a typed list carry no kind or apiVersion; the
 * list has empty metadata; a node without pods has `"items":null` (a nil slice); Go's encoder ends the body
 * with a newline.
 */
export function kubeletPods(cluster: Cluster, node: Node): BackendAnswer {
  const items = podsOnNode(cluster, node.metadata.name).map(({ kind: _kind, apiVersion: _apiVersion, ...pod }) => pod);
  const body = `${JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: {}, items: items.length === 0 ? null : items })}\n`;
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body };
}
