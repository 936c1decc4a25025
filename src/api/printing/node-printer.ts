import type { KubeObject, Node } from '../../cluster/index.js';
import { ageColumn, nameColumn, text } from './columns.js';
import { translateTimestampSince } from './human-duration.js';
import type { Printer } from './types.js';

/** nodes, as k/k pkg/printers/internalversion/printers.go printNode prints them. */

const ADDRESSES =
  "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** Only the Ready condition speaks for the node; then cordoning is appended. */
export function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.filter((c) => c.type === 'Ready').at(-1);
  const status = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted and unique. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX)) {
      const role = key.slice(ROLE_LABEL_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === ROLE_LABEL && value) {
      roles.add(value);
    }
  }
  return [...roles].sort().join(',') || '<none>';
}

function firstAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

export const nodePrinter: Printer = {
  columns: [
    nameColumn,
    text('Status', 'The status of the node'),
    text('Roles', 'The roles of the node'),
    ageColumn,
    text('Version', 'Kubelet Version reported by the node.'),
    text('Internal-IP', ADDRESSES, { priority: 1 }),
    text('External-IP', ADDRESSES, { priority: 1 }),
    text('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', { priority: 1 }),
    text('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { priority: 1 }),
    text('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', {
      priority: 1,
    }),
  ],
  cells(object: KubeObject, now: number): unknown[] {
    const node = object as Node;
    const info = node.status?.nodeInfo;
    return [
      node.metadata.name,
      nodeStatus(node),
      nodeRoles(node),
      translateTimestampSince(node.metadata.creationTimestamp, now),
      info?.kubeletVersion ?? '',
      firstAddress(node, 'InternalIP'),
      firstAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};
