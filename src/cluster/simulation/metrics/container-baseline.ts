import { quantityMilliValue, quantityValue } from '../../meta/index.js';
import type { SeededRandom } from '../random.js';
import { drawProfile, MI, type UsageProfile } from './usage-profile.js';

/**
 * A container's usage profile from what its spec says: requests (a container uses a fraction of what it asks
 * for), else what its image typically uses idle in a small cluster. Limits cap the result.
 */

export type Container = { name: string; image?: string; resources?: { requests?: Record<string, string>; limits?: Record<string, string> } };

/** Typical idle usage by image (millicores, MiB), first match wins. */
const IMAGE_HINTS: readonly (readonly [RegExp, number, number])[] = [
  [/kube-apiserver/, 60, 280],
  [/etcd/, 30, 60],
  [/kube-controller-manager/, 20, 55],
  [/kube-scheduler/, 5, 22],
  [/kube-proxy/, 2, 18],
  [/coredns|kube-dns/, 3, 16],
  [/flannel|calico|weave|cilium|kindnet/, 6, 35],
  [/metrics-server/, 4, 20],
  [/mysql|mariadb/, 8, 360],
  [/postgres/, 5, 40],
  [/mongo/, 10, 150],
  [/redis/, 3, 8],
  [/nginx|httpd|caddy/, 1, 4],
  [/busybox|alpine|pause/, 0.1, 0.5],
];
const DEFAULT_HINT = [2, 16] as const;

export function containerProfile(container: Container, random: SeededRandom): UsageProfile {
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  const hint = IMAGE_HINTS.find(([pattern]) => pattern.test(container.image ?? ''));
  const hintMilli = hint?.[1] ?? DEFAULT_HINT[0];
  const hintMi = hint?.[2] ?? DEFAULT_HINT[1];
  const cpuRequest = requests['cpu'] ?? limits['cpu'];
  const memoryRequest = requests['memory'] ?? limits['memory'];
  // Draw every number whatever the branch, so a changed request does not shift the waves.
  const cpuShare = 0.05 + random.next() * 0.45;
  const memoryShare = 0.3 + random.next() * 0.6;
  const hintSpread = 0.6 + random.next();
  const cpuBase = cpuRequest !== undefined ? quantityMilliValue(cpuRequest) * 1e6 * cpuShare : hintMilli * 1e6 * hintSpread;
  const memoryBase = memoryRequest !== undefined ? quantityValue(memoryRequest) * memoryShare : hintMi * MI * hintSpread;
  return drawProfile(random, cpuBase, memoryBase, {
    ...(limits['cpu'] !== undefined ? { cpu: quantityMilliValue(limits['cpu']) * 1e6 } : {}),
    ...(limits['memory'] !== undefined ? { memory: quantityValue(limits['memory']) } : {}),
  });
}

/** The kubelet, the container runtime and the OS: what a node uses beyond its pods. */
export function systemProfile(random: SeededRandom): UsageProfile {
  const cpuBase = (60 + random.next() * 80) * 1e6;
  const memoryBase = (350 + random.next() * 350) * MI;
  return drawProfile(random, cpuBase, memoryBase);
}
