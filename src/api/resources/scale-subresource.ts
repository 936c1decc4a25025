import type { KubeObject } from '../../cluster/index.js';
import { labelSelectorString } from '../printing/labels-format.js';

type Scalable = KubeObject & {
  spec?: { replicas?: number; selector?: Parameters<typeof labelSelectorString>[0] };
  status?: { replicas?: number };
};

/**
 * The autoscaling/v1 Scale a GET of `deployments/<name>/scale` or `replicasets/<name>/scale` answers
 * (k/k pkg/registry/apps/deployment/storage/storage.go scaleFromDeployment, and the ReplicaSet's twin): the
 * owner's identity, its desired replicas, its observed replicas and its selector in query-parameter syntax.
 */
export function scaleOf(object: Readonly<KubeObject>): KubeObject {
  const owner = object as Readonly<Scalable>;
  const { name, namespace, uid, resourceVersion, creationTimestamp } = owner.metadata;
  const selector = labelSelectorString(owner.spec?.selector) ?? '';
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { ...(owner.spec?.replicas ? { replicas: owner.spec.replicas } : {}) },
    status: { replicas: owner.status?.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}
