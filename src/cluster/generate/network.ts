import { ipToNumber, numberToIp } from '../fixtures/compact/network.js';

/** Addresses of a generated cluster: node subnets in 10.0.0.0/8, node addresses in 172.16.0.0/12, services in 10.96.0.0/12. */

const POD_NETWORK = ipToNumber('10.0.0.0');
const NODE_NETWORK = ipToNumber('172.16.0.0');
const SERVICE_NETWORK = ipToNumber('10.96.0.0');
/** The /24 subnets of a /8 and the addresses of a /12: an index past them wraps around. */
const SUBNETS = 2 ** 16;
const ADDRESSES_12 = 2 ** 20;

const subnet = (index: number): number => POD_NETWORK + (index % SUBNETS) * 256;

/** The /24 of node `index`, as the node IPAM controller hands them out in order. */
export function podCIDR(index: number): string {
  return `${numberToIp(subnet(index))}/24`;
}

/** The n-th pod IP in the subnet of node `index` (.0 is the network, .1 the bridge). */
export function podIP(nodeIndex: number, n: number): string {
  return numberToIp(subnet(nodeIndex) + 2 + (n % 252));
}

export function nodeIP(index: number): string {
  return numberToIp(NODE_NETWORK + ((index + 10) % ADDRESSES_12));
}

/** The n-th cluster IP: 10.96.0.1 is the `kubernetes` service, 10.96.0.10 kube-dns, then the applications'. */
export function clusterIP(n: number): string {
  return numberToIp(SERVICE_NETWORK + (n % ADDRESSES_12));
}
