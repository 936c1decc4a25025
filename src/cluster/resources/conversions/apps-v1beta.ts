import type { KubeObject } from '../../objects.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet, type WorkloadVersion } from './apps-beta-defaults.js';
import { annotationsOf, deleteAnnotations, ensureFields, fieldsAt, retyped, setAnnotation, type Fields } from './json-fields.js';

/**
 * Workloads captured at extensions/v1beta1, apps/v1beta1 or apps/v1beta2 → apps/v1. The old version's
 * defaults are applied first; then the two fields apps/v1 lacks travel as annotations, as k/k
 * pkg/apis/apps/v1/conversion.go does (constants in k8s.io/api apps/v1/types.go).
 */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
export const DEPRECATED_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

const APPS_V1 = 'apps/v1';

export function deploymentToAppsV1(object: Fields, version: WorkloadVersion): KubeObject {
  defaultDeployment(object, version);
  const spec = ensureFields(object, 'spec');
  if (version !== 'apps/v1beta2') {
    // The internal rollbackTo becomes the annotation, and a stale annotation without it is dropped.
    const rollbackTo = fieldsAt(spec, 'rollbackTo');
    delete spec['rollbackTo'];
    if (rollbackTo) setAnnotation(object, DEPRECATED_ROLLBACK_TO, String(Number(rollbackTo['revision'] ?? 0)));
    else deleteAnnotations(object, [DEPRECATED_ROLLBACK_TO]);
  }
  // apps/v1beta2 carried rollbackTo in the same annotation, read into the internal field and written back.
  return retyped(object, APPS_V1, 'Deployment');
}

export function daemonSetToAppsV1(object: Fields, version: WorkloadVersion): KubeObject {
  defaultDaemonSet(object, version);
  const spec = ensureFields(object, 'spec');
  let generation: string;
  if (version === 'extensions/v1beta1') {
    generation = String(Number(spec['templateGeneration'] ?? 0));
    delete spec['templateGeneration'];
  } else {
    generation = annotationsOf(object)[DEPRECATED_TEMPLATE_GENERATION] ?? '0';
  }
  // Internal → apps/v1 always writes the annotation, "0" included.
  setAnnotation(object, DEPRECATED_TEMPLATE_GENERATION, generation);
  return retyped(object, APPS_V1, 'DaemonSet');
}

export function replicaSetToAppsV1(object: Fields, version: WorkloadVersion): KubeObject {
  defaultReplicaSet(object, version);
  return retyped(object, APPS_V1, 'ReplicaSet');
}

export function statefulSetToAppsV1(object: Fields, version: WorkloadVersion): KubeObject {
  defaultStatefulSet(object, version);
  return retyped(object, APPS_V1, 'StatefulSet');
}

export function controllerRevisionToAppsV1(object: Fields): KubeObject {
  return retyped(object, APPS_V1, 'ControllerRevision');
}
