import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A compact cluster file (`kind: Cluster`, fixtures/README.md) of `nodes` nodes and `pods` pods, a month old: three
 * control-plane nodes, kube-proxy as a DaemonSet on every node, and Deployments of 50 to 250 replicas over twenty
 * namespaces making up the rest. Opening it replays that month through the controllers (the nodes lived through,
 * the workloads, quiet for a month, written as settled), which is what its start time measures. Deterministic: the same sizes give the same file.
 */
export function compactClusterText(nodes: number, pods: number): string {
  const lines = ['apiVersion: kubefacade.dev/v1alpha1', 'kind: Cluster', 'metadata:', '  name: bench', 'spec:', '  age: 30d', '  networkPlugin: calico'];
  // A /24 per node, as kube-controller-manager's default node-cidr-mask-size: 5,000 nodes need a /11.
  lines.push('  podCIDR: 10.128.0.0/11');
  lines.push('  nodeDefaults:', '    capacity: { cpu: 32, memory: 128Gi, pods: 110, ephemeralStorage: 200Gi }', '  nodes:');
  for (let i = 0; i < nodes; i++) {
    const roles = i < 3 ? ', roles: [control-plane]' : '';
    lines.push(`    - { name: node-${String(i).padStart(5, '0')}, internalIP: 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}, age: 29d${roles} }`);
  }
  const namespaces = Array.from({ length: 20 }, (_, i) => `team-${String(i).padStart(2, '0')}`);
  lines.push('  namespaces:', ...namespaces.map((name) => `    - { name: ${name}, age: 29d }`));
  lines.push('  workloads:');
  lines.push(
    '    - { name: kube-proxy, namespace: kube-system, kind: DaemonSet, image: registry.k8s.io/kube-proxy:v1.33.1, labels: { k8s-app: kube-proxy }, tolerations: [{ operator: Exists }] }',
  );
  let remaining = pods - nodes;
  let seed = 11;
  for (let d = 0; remaining > 0; d++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const replicas = Math.min(remaining, 50 + (seed % 201));
    remaining -= replicas;
    const name = `app-${String(d).padStart(4, '0')}`;
    lines.push(
      `    - { name: ${name}, namespace: ${namespaces[d % namespaces.length]}, replicas: ${replicas}, image: registry.example.com/${name}:1.${d % 7}.0, labels: { app: ${name} } }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The compact cluster file for these sizes, written once into `cacheDir`. */
export function compactClusterFile(cacheDir: string, nodes: number, pods: number): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `compact-${nodes}n-${pods}p-v2.yaml`);
  if (!existsSync(file)) writeFileSync(file, compactClusterText(nodes, pods));
  return file;
}
