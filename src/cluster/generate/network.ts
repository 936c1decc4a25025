/** Addresses of a generated cluster: node subnets in 10.0.0.0/8, node addresses in 172.16.0.0/12, services in 10.96.0.0/12. */

/** The /24 of node `index`, as the node IPAM controller hands them out in order. */
export function podCIDR(index: number): string {
  return `10.${(index >> 8) & 255}.${index & 255}.0/24`;
}

/** The n-th pod IP in the subnet of node `index` (.0 is the network, .1 the bridge). */
export function podIP(nodeIndex: number, n: number): string {
  return `10.${(nodeIndex >> 8) & 255}.${nodeIndex & 255}.${2 + (n % 252)}`;
}

export function nodeIP(index: number): string {
  const host = index + 10;
  return `172.${16 + ((host >> 16) & 15)}.${(host >> 8) & 255}.${host & 255}`;
}

/** The n-th cluster IP: 10.96.0.1 is the `kubernetes` service, 10.96.0.10 kube-dns, then the applications'. */
export function clusterIP(n: number): string {
  return `10.${96 + ((n >> 16) & 15)}.${(n >> 8) & 255}.${n & 255}`;
}
