import type { CustomResourceVersion, KubeObject } from '../../cluster/index.js';
import { evaluate, parseJsonPath } from '../../cluster/index.js';
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
export function scaleOf(object: Readonly<KubeObject>, custom?: CustomResourceVersion['scale']): KubeObject {
  if (custom) return customScaleOf(object, custom);
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

/** The value at a CRD's scale path (`.spec.replicas`), or undefined. */
function at(object: Readonly<KubeObject>, path: string | undefined): unknown {
  if (!path) return undefined;
  return evaluate(parseJsonPath(`{${path}}`), object, { allowMissingKeys: true })[0]?.[0];
}

/**
 * A custom resource's Scale, read at the paths its CRD declares (apiextensions pkg/registry/customresource
 * scaleFromCustomResource): spec.replicas, status.replicas and the selector string, each where the CRD says.
 */
function customScaleOf(object: Readonly<KubeObject>, paths: NonNullable<CustomResourceVersion['scale']>): KubeObject {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  const desired = at(object, paths.specReplicasPath);
  const observed = at(object, paths.statusReplicasPath);
  const selector = at(object, paths.labelSelectorPath);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { ...(typeof desired === 'number' && desired !== 0 ? { replicas: desired } : {}) },
    status: { replicas: typeof observed === 'number' ? observed : 0, ...(typeof selector === 'string' && selector ? { selector } : {}) },
  };
}
