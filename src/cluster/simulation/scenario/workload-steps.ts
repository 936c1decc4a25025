import type { ScenarioAction } from '../../fixtures/compact/scenario-model.js';
import type { KubeObject, Pod } from '../../objects.js';
import { labelSetMatches } from '../../selectors/index.js';
import type { Component, ComponentHealth } from '../component-health/index.js';
import { STATUS_NAME } from '../component-health/index.js';
import type { SimulationContext } from '../controller.js';
import type { KubeletFleet } from '../kubelet/kubelet-fleet.js';
import { copyOf, PODS } from '../types.js';

type Action<T extends ScenarioAction['type']> = Extract<ScenarioAction, { type: T }>;

const DEPLOYMENTS = 'apps/deployments' as const;

interface DeploymentShape extends KubeObject {
  spec?: { replicas?: number; template?: { spec?: { containers?: { name: string; image?: string }[] } } };
}

/**
 * What a user or a failure does to workloads. `kubectl scale` and `kubectl set image` are writes to the
 * Deployment's spec; the API server bumps metadata.generation on every spec change (k/k
 * pkg/registry/apps/deployment/strategy.go PrepareForUpdate), and the Deployment controller does the rest. A
 * crash goes through the kubelet of the pod's node, which sees its container exit.
 */
export class WorkloadSteps {
  constructor(
    private readonly context: SimulationContext,
    private readonly kubelets: KubeletFleet | undefined,
    private readonly components: ComponentHealth | undefined,
  ) {}

  scale(action: Action<'scale'>): boolean {
    return this.updateDeployment(action.namespace, action.deployment, (deployment) => {
      if (deployment.spec?.replicas === action.replicas) return false;
      deployment.spec = { ...deployment.spec, replicas: action.replicas };
      return true;
    });
  }

  setImage(action: Action<'setImage'>): boolean {
    return this.updateDeployment(action.namespace, action.deployment, (deployment) => {
      const container = deployment.spec?.template?.spec?.containers?.find((c) => c.name === action.container);
      if (!container || container.image === action.image) return false;
      container.image = action.image;
      return true;
    });
  }

  /** Ends the container in the first pod (by name) that runs it on a node with a kubelet. */
  crash(action: Action<'crash'>): boolean {
    const crash = { exitCode: action.exitCode, ...(action.reason !== undefined ? { reason: action.reason } : {}) };
    return this.targetPods(action).some((pod) => {
      const kubelet = pod.spec?.nodeName ? this.kubelets?.kubelet(pod.spec.nodeName) : undefined;
      return kubelet?.failContainer(pod.metadata.namespace ?? '', pod.metadata.name, action.container, crash) ?? false;
    });
  }

  componentHealth(action: Action<'componentHealth'>): boolean {
    const component = (Object.keys(STATUS_NAME) as Component[]).find((c) => STATUS_NAME[c] === action.component);
    if (!component || !this.components) return false;
    this.components.setHealthy(component, action.healthy, action.message);
    return true;
  }

  private targetPods(action: Action<'crash'>): Pod[] {
    const { store } = this.context;
    const { target } = action;
    if ('pod' in target) {
      const pod = store.get(PODS, target.namespace, target.pod)?.object as Pod | undefined;
      return pod ? [pod] : [];
    }
    const selects = (pod: Pod): boolean => labelSetMatches(target.selector, pod.metadata.labels);
    return store
      .list(PODS, { namespace: target.namespace })
      .items.map((stored) => stored.object as Pod)
      .filter((pod) => selects(pod) && !pod.metadata.deletionTimestamp)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }

  private updateDeployment(namespace: string, name: string, change: (deployment: DeploymentShape) => boolean): boolean {
    const stored = this.context.store.get(DEPLOYMENTS, namespace, name);
    if (!stored) return false;
    const deployment = copyOf(stored.object as DeploymentShape);
    if (!change(deployment)) return false;
    deployment.metadata = { ...deployment.metadata, generation: (deployment.metadata.generation ?? 1) + 1 };
    this.context.store.update(DEPLOYMENTS, deployment);
    return true;
  }
}
