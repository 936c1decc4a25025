import { plainCopy } from '../../meta/index.js';
import { canonicalJson, templateHash } from '../replicaset/generated-name.js';
import type { Deployment, PodTemplate, ReplicaSet } from '../replicaset/workload-objects.js';

export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

/** Templates are never changed in place (every write makes a new object), so their comparable text is kept. */
const comparable = new WeakMap<PodTemplate, string>();

/** A template without the pod-template-hash label, as canonical JSON: what EqualIgnoreHash compares. */
function withoutHash(template: PodTemplate | undefined): string {
  if (!template) return hashless(template);
  let text = comparable.get(template);
  if (text === undefined) {
    text = hashless(template);
    comparable.set(template, text);
  }
  return text;
}

function hashless(template: PodTemplate | undefined): string {
  const copy = plainCopy<PodTemplate>(template ?? {});
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  return canonicalJson(copy);
}

/**
 * The pod-template-hash of a Deployment's template: ComputeHash (k/k pkg/controller/controller_utils.go) over
 * the template and the collision count, here over their canonical JSON, so the same template always gives the
 * same ReplicaSet name.
 */
export function podTemplateHash(deployment: Deployment): string {
  const collisions = deployment.status?.collisionCount;
  return templateHash(withoutHash(deployment.spec?.template) + (collisions ? String(collisions) : ''));
}

/**
 * FindNewReplicaSet (deployment/util/deployment_util.go): the oldest ReplicaSet whose template equals the
 * Deployment's, ignoring the hash label. Comparing templates, not names, is what makes a loaded cluster's
 * ReplicaSet (whatever hash the loader gave it) the Deployment's current one.
 */
export function findNewReplicaSet(deployment: Deployment, owned: readonly ReplicaSet[]): ReplicaSet | undefined {
  const wanted = withoutHash(deployment.spec?.template);
  return byCreation(owned).find((rs) => withoutHash(rs.spec?.template) === wanted);
}

/** Oldest first, the name breaking ties (controller.ReplicaSetsByCreationTimestamp). */
export function byCreation(replicaSets: readonly ReplicaSet[]): ReplicaSet[] {
  const created = (rs: ReplicaSet): number => Date.parse(rs.metadata.creationTimestamp ?? '') || 0;
  return [...replicaSets].sort((a, b) => created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

export function revisionOf(rs: ReplicaSet): number {
  return Number.parseInt(rs.metadata.annotations?.[REVISION] ?? '0', 10) || 0;
}

export const specReplicas = (rs: ReplicaSet): number => rs.spec?.replicas ?? 0;
export const statusReplicas = (rs: ReplicaSet): number => rs.status?.replicas ?? 0;
export const readyReplicas = (rs: ReplicaSet): number => rs.status?.readyReplicas ?? 0;
export const availableReplicas = (rs: ReplicaSet): number => rs.status?.availableReplicas ?? 0;
export const sum = (replicaSets: readonly ReplicaSet[], count: (rs: ReplicaSet) => number): number => replicaSets.reduce((total, rs) => total + count(rs), 0);
