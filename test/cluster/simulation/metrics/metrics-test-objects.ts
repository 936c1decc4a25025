import type { KubeObject } from '../../../../src/cluster/objects.js';
import type { ResourceKey } from '../../../../src/cluster/resources/resource-type.js';
import { iso, node, type NodeSpec, pod, type PodSpec, START } from '../simulation-test-cluster.js';

/** A pod as the kubelet leaves it once its containers run: Running, each container started `startedAgoMs` before START. */
export function runningPod(spec: PodSpec & { labels?: Record<string, string>; startedAgoMs?: number; waiting?: string[] }): KubeObject {
  const base = pod({ nodeName: 'node1', ...spec });
  const containers = (base.spec as { containers: { name: string; image: string }[] }).containers;
  const startedAt = iso(START - (spec.startedAgoMs ?? 600_000));
  return {
    ...base,
    metadata: { ...base.metadata, ...(spec.labels ? { labels: spec.labels } : {}) },
    status: {
      phase: 'Running',
      containerStatuses: containers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: !spec.waiting?.includes(c.name),
        restartCount: 0,
        state: spec.waiting?.includes(c.name) ? { waiting: { reason: 'CrashLoopBackOff' } } : { running: { startedAt } },
      })),
    },
  };
}

export const nodeEntries = (...specs: NodeSpec[]) => specs.map((s) => ({ resource: '/nodes' as ResourceKey, object: node(s) }));
export const podEntries = (...objects: KubeObject[]) => objects.map((object) => ({ resource: '/pods' as ResourceKey, object }));
