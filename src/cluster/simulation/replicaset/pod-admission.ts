import type { V1Container, V1PodSpec } from '@kubernetes/client-node';
import { setField, withFields } from '../../meta/index.js';
import type { Wire } from '../../objects.js';
import { DEFAULT_TOLERATION_SECONDS, PRIORITY_CLASSES, serviceAccountTokenVolume, TOKEN_MOUNT_PATH } from '../../pod-admission-defaults.js';
import type { SeededRandom } from '../random.js';
import { NOT_READY_TAINT_KEY, tolerated, UNREACHABLE_TAINT_KEY } from '../taints.js';
import type { Toleration } from '../types.js';
import { randomSuffix } from './generated-name.js';

type PodSpec = Wire<V1PodSpec>;
type Container = Wire<V1Container>;

/**
 * What the API server adds to a pod a controller creates, so a simulated pod looks like one a real cluster
 * stores (and like the pods the cluster file loader writes): the ServiceAccount admission plugin's projected
 * token volume `kube-api-access-<5>` mounted in every container (plugin/pkg/admission/serviceaccount), the
 * DefaultTolerationSeconds plugin's 300 s for not-ready and unreachable, the Priority plugin's resolved priority,
 * and the defaults enableServiceLinks and preemptionPolicy (pkg/apis/core/v1/defaults.go).
 */
export function admitPodSpec(template: Readonly<PodSpec>, random: SeededRandom): PodSpec {
  const admitted = admittedTemplate(template);
  const volume = admitted.automount ? `kube-api-access-${randomSuffix(random)}` : undefined;
  if (!volume) return admitted.volumes.length ? withFields({ volumes: admitted.volumes }, admitted.spec) : { ...admitted.spec };
  const withMount = (container: Container): Container => mountToken(container, volume);
  return {
    volumes: [...admitted.volumes, serviceAccountTokenVolume(volume)],
    ...admitted.spec,
    containers: admitted.spec.containers.map(withMount),
    ...(admitted.spec.initContainers ? { initContainers: admitted.spec.initContainers.map(withMount) } : {}),
  };
}

interface AdmittedTemplate {
  /** The template's own volumes; the token's goes after them. */
  volumes: NonNullable<PodSpec['volumes']>;
  /** The spec as admitted, but for the token volume and its mounts. */
  spec: PodSpec;
  automount: boolean;
}

/**
 * What admission makes of a template is the same for every pod made from it but for the token volume's random
 * name: it is worked out once per template. Templates are stored objects, never changed in place, and so are the
 * pods that share their parts.
 */
const admittedTemplates = new WeakMap<Readonly<PodSpec>, AdmittedTemplate>();

function admittedTemplate(template: Readonly<PodSpec>): AdmittedTemplate {
  let admitted = admittedTemplates.get(template);
  if (admitted) return admitted;
  const { volumes, ...rest } = template;
  const serviceAccount = rest.serviceAccountName ?? rest.serviceAccount ?? 'default';
  admitted = {
    volumes: volumes ?? [],
    automount: rest.automountServiceAccountToken !== false,
    spec: {
      ...rest,
      serviceAccountName: serviceAccount,
      serviceAccount,
      tolerations: withDefaultTolerationSeconds(rest.tolerations ?? []),
      priority: rest.priority ?? PRIORITY_CLASSES[rest.priorityClassName ?? ''] ?? 0,
      enableServiceLinks: rest.enableServiceLinks ?? true,
      preemptionPolicy: rest.preemptionPolicy ?? 'PreemptLowerPriority',
    },
  };
  admittedTemplates.set(template, admitted);
  return admitted;
}

/** DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): added only when not already tolerated. */
function withDefaultTolerationSeconds(tolerations: readonly Toleration[]): Toleration[] {
  const added = [NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY]
    .filter((key) => !tolerated(tolerations, { key, effect: 'NoExecute' }))
    .map((key): Toleration => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));
  return [...tolerations, ...added];
}

/** The mount goes where the API server's struct order puts volumeMounts: after resources. */
function mountToken(container: Container, volume: string): Container {
  const split = splitAtMounts(container);
  if (!split) return container;
  // Copied field by field in the order worked out once: faster than spreading or rebuilding entries per pod.
  const source = container as Record<string, unknown>;
  const mounted: Record<string, unknown> = {};
  for (const key of split.before) setField(mounted, key, source[key]);
  mounted.volumeMounts = [...split.mounts, { name: volume, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
  for (const key of split.after) setField(mounted, key, source[key]);
  return mounted as Container;
}

/** A template's container cut where its volumeMounts go (before terminationMessagePath): the fields before and after, and the mounts it has. */
interface MountSplit {
  before: readonly string[];
  mounts: NonNullable<Container['volumeMounts']>;
  after: readonly string[];
}

/** Worked out once per template container (null: it mounts the token itself): every pod made from it mounts its token at the same place. */
const mountSplits = new WeakMap<Container, MountSplit | null>();

function splitAtMounts(container: Container): MountSplit | undefined {
  let split = mountSplits.get(container);
  if (split === undefined) {
    if (container.volumeMounts?.some((m) => m.mountPath === TOKEN_MOUNT_PATH)) split = null;
    else {
      const keys = Object.keys(container).filter((key) => key !== 'volumeMounts');
      const at = keys.indexOf('terminationMessagePath');
      const cut = at < 0 ? keys.length : at;
      split = { before: keys.slice(0, cut), mounts: container.volumeMounts ?? [], after: keys.slice(cut) };
    }
    mountSplits.set(container, split);
  }
  return split ?? undefined;
}

/** pkg/apis/core/v1/helper/qos GetPodQOS, for the cpu and memory of the regular containers. */
export function qosClass(spec: Readonly<PodSpec>): string {
  const containers = spec.containers.map((c) => ({ limits: c.resources?.limits ?? {}, requests: { ...c.resources?.limits, ...c.resources?.requests } }));
  const nothing = containers.every((c) => Object.keys(c.requests).length === 0 && Object.keys(c.limits).length === 0);
  if (nothing) return 'BestEffort';
  const guaranteed = containers.every((c) => ['cpu', 'memory'].every((r) => c.limits[r] !== undefined && c.limits[r] === c.requests[r]));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
