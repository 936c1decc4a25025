import type { KubeObject, Pod } from '../../objects.js';
import type { SimulationContext } from '../controller.js';
import type { SeededRandom } from '../random.js';
import { rfc3339, withFields } from '../../meta/index.js';
import { copyOf, PODS } from '../types.js';
import { generateName } from './generated-name.js';
import { admitPodSpec, qosClass } from './pod-admission.js';
import { newControllerRef } from '../../meta/index.js';
import type { PodTemplate } from './workload-objects.js';

export interface NewPodOptions {
  /** generateName: the owner's name and a dash for ReplicaSets and DaemonSets. */
  prefix: string;
  /** Labels beyond the template's (a DaemonSet's controller-revision-hash and pod-template-generation). */
  extraLabels?: Record<string, string>;
  /** Changes the controller makes to the spec before creating it (a DaemonSet's node affinity and tolerations). */
  adjustSpec?: (spec: NonNullable<Pod['spec']>) => NonNullable<Pod['spec']>;
  /** When the controller created it; default now (a settled workload's pods were created in its past). */
  createdMs?: number;
  /** The uid the API server gave it; by default the store gives one. */
  uid?: string;
}

/**
 * A pod as a controller creates it from its template (k/k pkg/controller/controller_utils.go GetPodFromTemplate:
 * the template's labels, annotations and spec, generateName `<owner>-`, a controller reference) and as the API
 * server then stores it: named from generateName, admitted (pod-admission.ts), status Pending with its QoS class
 * and nothing else, for the scheduler and the kubelet to fill in.
 */
export function podFromTemplate(
  context: SimulationContext,
  random: SeededRandom,
  owner: Readonly<KubeObject>,
  template: PodTemplate | undefined,
  options: NewPodOptions,
): Pod {
  const namespace = owner.metadata.namespace ?? 'default';
  const name = generateName(context.store, PODS, namespace, options.prefix, random);
  const labels = withFields(template?.metadata?.labels, options.extraLabels ?? {});
  const annotations = template?.metadata?.annotations ?? {};
  // admitPodSpec leaves the template as it is; the pod shares the parts admission does not change.
  const templateSpec = template?.spec ?? { containers: [] };
  const spec = admitPodSpec(options.adjustSpec ? options.adjustSpec(templateSpec) : templateSpec, random);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      generateName: options.prefix,
      namespace,
      creationTimestamp: rfc3339(options.createdMs ?? context.clock.now()),
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
      ownerReferences: [newControllerRef(owner)],
      ...(template?.metadata?.finalizers?.length ? { finalizers: [...template.metadata.finalizers] } : {}),
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
    },
    spec,
    status: { phase: 'Pending', qosClass: qosClass(spec) },
  };
}

/**
 * DELETE of a pod as the API server does it (pkg/registry/core/pod/strategy.go CheckGracefulDeletion): a pod not
 * bound to a node, or already finished, goes at once; a bound one gets deletionTimestamp = now + its grace
 * period and stays Terminating until its kubelet has stopped it and deletes it.
 */
export function deletePod(context: SimulationContext, pod: Pod): void {
  const { store, clock } = context;
  const namespace = pod.metadata.namespace ?? '';
  if (!store.get(PODS, namespace, pod.metadata.name) || pod.metadata.deletionTimestamp) return;
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (!pod.spec?.nodeName || finished) {
    store.delete(PODS, namespace, pod.metadata.name);
    return;
  }
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
  const marked = copyOf(pod);
  marked.metadata = { ...marked.metadata, deletionTimestamp: rfc3339(clock.now() + grace * 1000), deletionGracePeriodSeconds: grace };
  store.update(PODS, marked);
}
