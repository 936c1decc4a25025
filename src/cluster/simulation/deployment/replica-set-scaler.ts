import type { SimulationContext } from '../controller.js';
import type { ComponentRecorder } from '../event-recorder.js';
import { newControllerRef, rfc3339, samePlainValue } from '../../meta/index.js';
import { type Deployment, nextGeneration, REPLICASETS, type ReplicaSet } from '../replicaset/workload-objects.js';
import { copyOf } from '../types.js';
import { conditionOf, newCondition, setCondition } from './deployment-status.js';
import { DESIRED_REPLICAS, MAX_REPLICAS, POD_TEMPLATE_HASH, podTemplateHash, REVISION, revisionOf, specReplicas, sum } from './replica-sets.js';
import { rollingParameters } from './rollout-parameters.js';

/** One sync's view of a Deployment: a working copy of it (annotations, status) and its ReplicaSets as updated so far. */
export interface DeploymentSync {
  deployment: Deployment;
  newRS: ReplicaSet | undefined;
  /** Oldest first. */
  oldRSs: ReplicaSet[];
  now: number;
}

/** Annotations a Deployment does not pass on to its ReplicaSets (deployment_util.go skipCopyAnnotation). */
const NOT_COPIED = new Set([
  REVISION,
  'deployment.kubernetes.io/revision-history',
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'kubectl.kubernetes.io/last-applied-configuration',
]);

function copiedAnnotations(deployment: Deployment): Record<string, string> {
  return Object.fromEntries(Object.entries(deployment.metadata.annotations ?? {}).filter(([key]) => !NOT_COPIED.has(key)));
}

/**
 * The ReplicaSet writes of the Deployment controller (pkg/controller/deployment/sync.go): scaling one with its
 * replicas annotations and a `ScalingReplicaSet` event, and getNewReplicaSet (creating the new ReplicaSet
 * `<deployment>-<pod-template-hash>`, bringing revision annotations up to date).
 */
export class ReplicaSetScaler {
  constructor(
    private readonly context: SimulationContext,
    private readonly recorder: ComponentRecorder | undefined,
    private readonly state: DeploymentSync,
  ) {}

  get all(): ReplicaSet[] {
    return [...this.state.oldRSs, ...(this.state.newRS ? [this.state.newRS] : [])];
  }

  /** scaleReplicaSetAndRecordEvent: returns whether the size changed. */
  scale(rs: ReplicaSet, replicas: number): boolean {
    const { deployment } = this.state;
    const desired = deployment.spec?.replicas ?? 1;
    const max = desired + rollingParameters(deployment).maxSurge;
    const before = specReplicas(rs);
    const annotations = { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(max) };
    const sizeChanged = before !== replicas;
    if (!sizeChanged && samePlainValue(annotations, rs.metadata.annotations ?? {})) return false;
    const next = copyOf(rs);
    next.metadata = { ...next.metadata, annotations, ...(sizeChanged ? { generation: nextGeneration(rs) } : {}) };
    next.spec = { ...next.spec, selector: next.spec?.selector ?? {}, replicas };
    this.replace(rs, this.context.store.update(REPLICASETS, next).object as ReplicaSet);
    if (sizeChanged) {
      const direction = replicas > before ? 'up' : 'down';
      this.recorder?.event(deployment, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} from ${before} to ${replicas}`);
    }
    return sizeChanged;
  }

  /**
   * getAllReplicaSetsAndSyncRevision / getNewReplicaSet: the new ReplicaSet's revision becomes one more than the
   * old ones' highest (a rollback brings an old template back to the top) and the Deployment's revision follows
   * it; with `create`, a missing new ReplicaSet is created, sized by NewRSNewReplicas.
   */
  syncRevision(create: boolean): void {
    const { state } = this;
    const revision = Math.max(0, ...state.oldRSs.map(revisionOf)) + 1;
    if (state.newRS) {
      const rs = state.newRS;
      const minReady = state.deployment.spec?.minReadySeconds;
      if (revisionOf(rs) < revision || (rs.spec?.minReadySeconds ?? 0) !== (minReady ?? 0)) {
        const next = copyOf(rs);
        next.metadata = {
          ...next.metadata,
          annotations: { ...copiedAnnotations(state.deployment), ...(rs.metadata.annotations ?? {}), [REVISION]: String(Math.max(revision, revisionOf(rs))) },
        };
        next.spec = { ...next.spec, selector: next.spec?.selector ?? {} };
        if (!minReady) delete next.spec.minReadySeconds;
        else next.spec.minReadySeconds = minReady;
        this.replace(rs, this.context.store.update(REPLICASETS, next).object as ReplicaSet);
      }
      this.setDeploymentRevision(String(revisionOf(state.newRS as ReplicaSet)));
      if (!conditionOf(state.deployment.status, 'Progressing')) {
        this.setProgressing('FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`);
      }
      return;
    }
    if (!create) return;
    this.createNewReplicaSet(revision);
  }

  private createNewReplicaSet(revision: number): void {
    const { state } = this;
    const { deployment } = state;
    const hash = podTemplateHash(deployment);
    const name = `${deployment.metadata.name}-${hash}`;
    const namespace = deployment.metadata.namespace ?? 'default';
    const existing = this.context.store.get(REPLICASETS, namespace, name)?.object as ReplicaSet | undefined;
    if (existing) {
      // A hash collision (sync.go): a different template already holds the name; count it and hash again.
      state.deployment.status = { ...state.deployment.status, collisionCount: (state.deployment.status?.collisionCount ?? 0) + 1 };
      return;
    }
    const replicas = newReplicaSetReplicas(deployment, sum(this.all, specReplicas), 0);
    const rs = newReplicaSet(deployment, { hash, revision, replicas, now: state.now });
    state.newRS = this.context.store.create(REPLICASETS, rs).object as ReplicaSet;
    if (replicas > 0) this.recorder?.event(deployment, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
    this.setDeploymentRevision(String(revision));
    this.setProgressing('NewReplicaSetCreated', `Created new replica set "${name}"`);
  }

  /** cleanupDeployment: beyond revisionHistoryLimit, the oldest scaled-down ReplicaSets are deleted. */
  cleanup(): void {
    const { state } = this;
    const limit = state.deployment.spec?.revisionHistoryLimit ?? 10;
    const cleanable = state.oldRSs.filter(
      (rs) =>
        specReplicas(rs) === 0 &&
        (rs.status?.replicas ?? 0) === 0 &&
        (rs.status?.observedGeneration ?? 0) >= (rs.metadata.generation ?? 1) &&
        !rs.metadata.deletionTimestamp,
    );
    const surplus = cleanable.length - limit;
    if (surplus <= 0) return;
    for (const rs of [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b)).slice(0, surplus)) {
      this.context.store.delete(REPLICASETS, rs.metadata.namespace, rs.metadata.name);
      state.oldRSs = state.oldRSs.filter((old) => old !== rs);
    }
  }

  private setDeploymentRevision(revision: string): void {
    const { deployment } = this.state;
    if (deployment.metadata.annotations?.[REVISION] === revision) return;
    deployment.metadata = { ...deployment.metadata, annotations: { ...(deployment.metadata.annotations ?? {}), [REVISION]: revision } };
  }

  private setProgressing(reason: string, message: string): void {
    const { deployment } = this.state;
    const status = { ...(deployment.status ?? {}) };
    setCondition(status, newCondition('Progressing', true, reason, message, this.state.now));
    deployment.status = status;
  }

  private replace(previous: ReplicaSet, updated: ReplicaSet): void {
    const { state } = this;
    if (state.newRS === previous) state.newRS = updated;
    state.oldRSs = state.oldRSs.map((rs) => (rs === previous ? updated : rs));
  }
}

/**
 * The new ReplicaSet as getNewReplicaSet creates it (sync.go): `<deployment>-<hash>`, the template and selector
 * with the pod-template-hash label, the Deployment's annotations but those it keeps to itself, the replicas
 * annotations and the revision, controlled by the Deployment; status replicas 0.
 */
export function newReplicaSet(deployment: Deployment, facts: { hash: string; revision: number; replicas: number; now: number }): ReplicaSet {
  const { hash } = facts;
  const template = copyOf(deployment.spec?.template ?? {});
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash };
  template.metadata = { ...template.metadata, labels };
  const selector = copyOf(deployment.spec?.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const desired = deployment.spec?.replicas ?? 1;
  const { maxSurge } = rollingParameters(deployment);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace ?? 'default',
      generation: 1,
      creationTimestamp: rfc3339(facts.now),
      labels,
      annotations: {
        ...copiedAnnotations(deployment),
        [DESIRED_REPLICAS]: String(desired),
        [MAX_REPLICAS]: String(desired + maxSurge),
        [REVISION]: String(facts.revision),
      },
      ownerReferences: [newControllerRef(deployment)],
    },
    spec: {
      replicas: facts.replicas,
      ...(deployment.spec?.minReadySeconds ? { minReadySeconds: deployment.spec.minReadySeconds } : {}),
      selector,
      template,
    },
    status: { replicas: 0 },
  };
}

/**
 * NewRSNewReplicas (deployment_util.go): Recreate wants every replica at once; RollingUpdate grows the new
 * ReplicaSet by what maxSurge leaves room for above spec.replicas, never past spec.replicas.
 */
export function newReplicaSetReplicas(deployment: Deployment, allSpecReplicas: number, newSpecReplicas: number): number {
  const desired = deployment.spec?.replicas ?? 1;
  if (deployment.spec?.strategy?.type === 'Recreate') return desired;
  const maxTotal = desired + rollingParameters(deployment).maxSurge;
  if (allSpecReplicas >= maxTotal) return newSpecReplicas;
  return newSpecReplicas + Math.max(0, Math.min(maxTotal - allSpecReplicas, desired - newSpecReplicas));
}
