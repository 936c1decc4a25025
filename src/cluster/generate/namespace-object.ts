import type { KubeObject } from '../objects.js';
import type { GenerationContext } from './generation-context.js';

export function namespaceObject(context: GenerationContext, name: string, createdMs: number, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: context.uid(),
      resourceVersion: context.nextResourceVersion(),
      creationTimestamp: context.time(createdMs),
      labels: { ...labels, 'kubernetes.io/metadata.name': name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}
