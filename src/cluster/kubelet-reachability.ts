import type { Node } from './objects.js';

/**
 * Whether a node's kubelet answers the API server and metrics-server: it does while it posts status (Ready True
 * or False); once the node lifecycle controller has set Ready to Unknown ("Kubelet stopped posting node status")
 * it does not. What depends on reaching the kubelet (container logs, metrics) fails for such a node.
 */
export function kubeletAnswers(node: Readonly<Node>): boolean {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return ready === 'True' || ready === 'False';
}

/** The port the kubelet serves on, as the Node reports it (status.daemonEndpoints), 10250 by default. */
export function kubeletPort(node: Readonly<Node>): number {
  return node.status?.daemonEndpoints?.kubeletEndpoint?.Port ?? 10250;
}

/** kubeadm's --kubelet-preferred-address-types: the order in which the API server picks the address it dials. */
const PREFERRED_ADDRESS_TYPES = ['InternalIP', 'ExternalIP', 'Hostname'];

/** The address the API server dials for the node's kubelet (pkg/util/node GetPreferredNodeAddress). */
export function kubeletAddress(node: Readonly<Node>): string {
  const addresses = node.status?.addresses ?? [];
  for (const type of PREFERRED_ADDRESS_TYPES) {
    const address = addresses.find((a) => a.type === type)?.address;
    if (address) return address;
  }
  return node.metadata.name;
}
