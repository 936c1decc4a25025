import { requiredNodeAffinityMatches } from '../scheduler/node-affinity.js';
import type { KubeObject, Node, Pod } from '../../objects.js';
import type { SimulationContext } from '../controller.js';
import type { SeededRandom } from '../random.js';
import { canonicalJson, templateHash } from '../replicaset/generated-name.js';
import { podFromTemplate } from '../replicaset/pod-template.js';
import { labelSetMatches } from '../../selectors/index.js';
import type { DaemonSet } from '../replicaset/workload-objects.js';
import { NOT_READY_TAINT_KEY, tolerated, UNREACHABLE_TAINT_KEY, UNSCHEDULABLE_TAINT_KEY } from '../taints.js';
import type { Toleration } from '../types.js';

type PodSpec = NonNullable<Pod['spec']>;

export const REVISION_HASH = 'controller-revision-hash';
export const TEMPLATE_GENERATION = 'pod-template-generation';
const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** The template generation a DaemonSet's pods are labelled with (its deprecated annotation, else its generation). */
export function templateGeneration(ds: DaemonSet): string {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? String(ds.metadata.generation ?? 1);
}

/** ComputeHash of the template and collision count: the controller-revision-hash of its current revision. */
export function templateRevisionHash(ds: DaemonSet): string {
  return templateHash(canonicalJson(ds.spec?.template ?? {}) + (ds.status?.collisionCount ? String(ds.status.collisionCount) : ''));
}

/** A daemon pod for one node, as the controller creates it: its revision's labels, the node's affinity, the daemon tolerations. */
export function newDaemonPod(
  context: SimulationContext,
  random: SeededRandom,
  ds: DaemonSet,
  facts: { nodeName: string; hash: string; generation: string; createdMs?: number; uid?: string },
): Pod {
  return podFromTemplate(context, random, ds, ds.spec?.template, {
    prefix: `${ds.metadata.name}-`,
    extraLabels: { [REVISION_HASH]: facts.hash, [TEMPLATE_GENERATION]: facts.generation },
    adjustSpec: (spec) => daemonPodSpec(spec, facts.nodeName),
    ...(facts.createdMs !== undefined ? { createdMs: facts.createdMs } : {}),
    ...(facts.uid !== undefined ? { uid: facts.uid } : {}),
  });
}

/**
 * The tolerations every daemon pod gets (k/k pkg/controller/daemon/util/daemonset_util.go
 * AddOrUpdateDaemonPodTolerations): it stays on a node that is not ready or unreachable and ignores the
 * pressure and unschedulable taints; a host-network pod also ignores network-unavailable.
 */
export function daemonTolerations(spec: Readonly<PodSpec>): Toleration[] {
  const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });
  const added = [
    exists(NOT_READY_TAINT_KEY, 'NoExecute'),
    exists(UNREACHABLE_TAINT_KEY, 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists(UNSCHEDULABLE_TAINT_KEY, 'NoSchedule'),
    ...(spec.hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
  const own = spec.tolerations ?? [];
  return [...own, ...added.filter((t) => !own.some((o) => o.key === t.key && o.effect === t.effect && (o.operator ?? 'Equal') === t.operator))];
}

/**
 * A daemon pod's spec for one node: the template's, the daemon tolerations, and a required node affinity for
 * exactly that node (util.ReplaceDaemonSetPodNodeNameNodeAffinity), as upstream since 1.12: the pod is created
 * unbound and the default scheduler binds it there (ScheduleDaemonSetPods), recording `Scheduled`.
 */
export function daemonPodSpec(template: PodSpec, nodeName: string): PodSpec {
  const { affinity, ...rest } = template;
  return {
    ...rest,
    affinity: {
      ...(affinity ?? {}),
      nodeAffinity: {
        ...(affinity?.nodeAffinity ?? {}),
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
        },
      },
    },
    tolerations: daemonTolerations(template),
  };
}

/** A node as the DaemonSet controller weighs it for one DaemonSet. */
export interface DaemonNode {
  name: string;
  /** A new daemon pod may go there. */
  shouldRun: boolean;
  /** A daemon pod already there may stay. */
  shouldContinueRunning: boolean;
}

/**
 * NodeShouldRunDaemonPod (pkg/controller/daemon/daemon_controller.go) for each node: the node must match the
 * template's nodeSelector and required node affinity; a NoSchedule/NoExecute taint the daemon pod does not
 * tolerate keeps a new pod off (shouldRun false), and only an untolerated NoExecute one evicts a running pod
 * (shouldContinueRunning false). The daemon tolerations are made once for all the nodes.
 */
export function daemonNodes(ds: DaemonSet, nodes: readonly Node[]): DaemonNode[] {
  const spec = ds.spec?.template?.spec;
  const tolerations = daemonTolerations(spec ?? { containers: [] });
  return nodes.map((node) => daemonNode(spec, tolerations, node));
}

function daemonNode(spec: Readonly<PodSpec> | undefined, tolerations: readonly Toleration[], node: Node): DaemonNode {
  const name = node.metadata.name;
  if (!labelSetMatches(spec?.nodeSelector, node.metadata.labels) || !requiredNodeAffinityMatches(spec, node)) {
    return { name, shouldRun: false, shouldContinueRunning: false };
  }
  const untolerated = (effect: string): boolean => (node.spec?.taints ?? []).some((t) => t.effect === effect && !tolerated(tolerations, t));
  if (untolerated('NoExecute')) return { name, shouldRun: false, shouldContinueRunning: false };
  if (untolerated('NoSchedule')) return { name, shouldRun: false, shouldContinueRunning: true };
  return { name, shouldRun: true, shouldContinueRunning: true };
}

/** Every node's verdict for one DaemonSet, in the nodes' order, and by name. */
export interface DaemonNodeVerdicts {
  readonly list: readonly DaemonNode[];
  readonly byName: ReadonlyMap<string, DaemonNode>;
}

interface KeptVerdicts {
  list: readonly DaemonNode[];
  byName: ReadonlyMap<string, DaemonNode>;
  spec: Readonly<PodSpec> | undefined;
  tolerations: Toleration[];
  /** Each node version's verdict: a node that changes is a new object, and only it is weighed again. */
  byNode: WeakMap<Node, DaemonNode>;
  nodes: readonly { readonly object: Readonly<KubeObject> }[];
}

/**
 * daemonNodes kept between syncs, per DaemonSet: stored objects never change in place, so while its template is
 * the same object and the node list the same array, a sync reads the verdicts it read last time; when nodes
 * change, only the new versions are weighed. A sync of a DaemonSet on 5,000 nodes then weighs none.
 */
export class DaemonVerdicts {
  private readonly kept = new Map<string, KeptVerdicts>();

  /** The verdicts for `ds` (kept under `key`) on the nodes of the store's list `nodes`. */
  of(key: string, ds: DaemonSet, nodes: readonly { readonly object: Readonly<KubeObject> }[]): DaemonNodeVerdicts {
    const spec = ds.spec?.template?.spec;
    let kept = this.kept.get(key);
    if (!kept || kept.spec !== spec) {
      kept = { spec, tolerations: daemonTolerations(spec ?? { containers: [] }), byNode: new WeakMap(), nodes: [], list: [], byName: new Map() };
      this.kept.set(key, kept);
    }
    if (kept.nodes !== nodes) {
      const list: DaemonNode[] = [];
      const byName = new Map<string, DaemonNode>();
      for (const stored of nodes) {
        const node = stored.object as Node;
        let verdict = kept.byNode.get(node);
        if (!verdict) {
          verdict = daemonNode(kept.spec, kept.tolerations, node);
          kept.byNode.set(node, verdict);
        }
        list.push(verdict);
        byName.set(verdict.name, verdict);
      }
      kept.nodes = nodes;
      kept.list = list;
      kept.byName = byName;
    }
    return kept;
  }

  /** The DaemonSet is gone. */
  forget(key: string): void {
    this.kept.delete(key);
  }
}

/** The node a daemon pod is for: its spec.nodeName once bound, else its node affinity's (util.GetTargetNodeName). */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const field = terms.flatMap((term) => term.matchFields ?? []).find((r) => r.key === 'metadata.name' && r.operator === 'In' && r.values?.length === 1);
  return field?.values?.[0];
}
