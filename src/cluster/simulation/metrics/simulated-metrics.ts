import type { Clock } from '../../clock.js';
import { kubeletAnswers } from '../../kubelet-reachability.js';
import type { KubeObject, Node, Pod } from '../../objects.js';
import type { ClusterStore } from '../../store/index.js';
import type { SeededRandom } from '../random.js';
import { formatGoDurationMs, formatQuantity, newNanoQuantity, newQuantity, rfc3339 } from '../../meta/index.js';
import { type Container, containerProfile, systemProfile } from './container-baseline.js';
import { METRICS_API_VERSION, type ContainerMetrics, type MetricsObjectMeta, type MetricsSource, type NodeMetrics, type PodMetrics } from './metrics-types.js';
import { FRESH_CONTAINER_MIN_MS, type Sample, ScrapeTiming } from './scrape-timing.js';
import { cpuAt, memoryAt, type UsageProfile } from './usage-profile.js';

/**
 * Usage as metrics-server builds it (pkg/storage/types.go resourceUsage): cpu as
 * `resource.NewScaledQuantity(nanocores, resource.Nano)`, memory as `resource.NewQuantity(bytes, resource.BinarySI)`.
 */
const cpuUsage = (nanocores: number): string => formatQuantity(newNanoQuantity(Math.max(0, Math.round(nanocores))));
const memoryUsage = (bytes: number): string => formatQuantity(newQuantity(Math.max(0, Math.round(bytes)), 'BinarySI'));

export interface SimulatedMetricsOptions {
  store: ClusterStore;
  /** The cluster's clock: a frozen cluster's metrics are those of its frozen instant. */
  clock: Clock;
  /** The simulation's `random.fork('metrics')`: usage depends only on the seed, the objects and the time. */
  random: SeededRandom;
  /**
   * The instant the cluster started (default: the clock's at construction). Scrapes and usage waves are timed
   * from it, so a seed gives the same metrics at the same elapsed time whatever the wall clock said at start.
   */
  origin?: number;
}

/** Profiles are drawn once per container; past this many the cache starts again (pods come and go). */
const PROFILE_CACHE_LIMIT = 20_000;

/**
 * metrics-server over the simulated cluster, computed when asked: for every running container the usage its
 * profile gives at the node's latest sample, for every node its system daemons plus its running containers.
 * It reads the store and writes nothing, so it needs no controller and works the same for a frozen cluster.
 * Which objects get metrics follows metrics-server (pkg/storage): nodes whose kubelet answers (Ready True or
 * False, not Unknown), pods in phase Running on such a node whose running containers all have two samples.
 */
export class SimulatedMetrics implements MetricsSource {
  private readonly store: ClusterStore;
  private readonly clock: Clock;
  private readonly random: SeededRandom;
  private readonly timing: ScrapeTiming;
  private readonly origin: number;
  private readonly profiles = new Map<string, UsageProfile>();

  constructor(options: SimulatedMetricsOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.random = options.random;
    this.origin = options.origin ?? options.clock.now();
    this.timing = new ScrapeTiming(options.random.fork('scrape'), this.origin);
  }

  nodeMetrics(name: string): NodeMetrics | undefined {
    const node = this.store.get('/nodes', undefined, name)?.object as Node | undefined;
    return node ? this.forNode(node, this.clock.now()) : undefined;
  }

  podMetrics(namespace: string, name: string): PodMetrics | undefined {
    const pod = this.store.get('/pods', namespace, name)?.object as Pod | undefined;
    return pod ? this.forPod(pod, this.clock.now()) : undefined;
  }

  listNodeMetrics(): NodeMetrics[] {
    const now = this.clock.now();
    const items = this.store.list('/nodes').items.flatMap((stored) => this.forNode(stored.object as Node, now) ?? []);
    return items.sort((a, b) => compare(a.metadata.name, b.metadata.name));
  }

  listPodMetrics(namespace?: string): PodMetrics[] {
    const now = this.clock.now();
    const pods = this.store.list('/pods', namespace !== undefined ? { namespace } : {}).items;
    const items = pods.flatMap((stored) => this.forPod(stored.object as Pod, now) ?? []);
    return items.sort((a, b) => compare(a.metadata.namespace, b.metadata.namespace) || compare(a.metadata.name, b.metadata.name));
  }

  private forNode(node: Node, now: number): NodeMetrics | undefined {
    if (!kubeletAnswers(node)) return undefined;
    const sample = this.timing.sampleAt(node.metadata.name, now);
    const system = this.profile(`node/${node.metadata.name}`, (random) => systemProfile(random));
    const age = sample.timestamp - Date.parse(node.metadata.creationTimestamp ?? '');
    let cpu = cpuAt(system, sample.timestamp - this.origin, Number.isNaN(age) ? Infinity : age);
    let memory = memoryAt(system, sample.timestamp - this.origin, Number.isNaN(age) ? Infinity : age);
    for (const pod of this.podsOn(node.metadata.name)) {
      for (const usage of this.runningUsage(pod, sample)) {
        cpu += usage.cpu;
        memory += usage.memory;
      }
    }
    return {
      kind: 'NodeMetrics',
      apiVersion: METRICS_API_VERSION,
      metadata: this.meta(node, now),
      timestamp: rfc3339(sample.timestamp),
      window: formatGoDurationMs(sample.windowMs),
      usage: { cpu: cpuUsage(cpu), memory: memoryUsage(memory) },
    };
  }

  private forPod(pod: Pod, now: number): PodMetrics | undefined {
    const nodeName = pod.spec?.nodeName;
    if (pod.status?.phase !== 'Running' || !nodeName) return undefined;
    const node = this.store.get('/nodes', undefined, nodeName)?.object as Node | undefined;
    if (!node || !kubeletAnswers(node)) return undefined;
    const sample = this.timing.sampleAt(nodeName, now);
    const running = this.runningUsage(pod, sample);
    // A container without two samples yet keeps the whole pod out (pkg/storage/pod.go allContainersPresent).
    if (running.length === 0 || running.some((c) => sample.timestamp - c.startedAt < FRESH_CONTAINER_MIN_MS)) return undefined;
    const containers: ContainerMetrics[] = running.map((c) => ({ name: c.name, usage: { cpu: cpuUsage(c.cpu), memory: memoryUsage(c.memory) } }));
    return {
      kind: 'PodMetrics',
      apiVersion: METRICS_API_VERSION,
      metadata: this.meta(pod, now) as PodMetrics['metadata'],
      timestamp: rfc3339(sample.timestamp),
      window: formatGoDurationMs(sample.windowMs),
      containers,
    };
  }

  /** Usage of the pod's containers that were running at the sample; 0 for the rest, which are left out. */
  private runningUsage(pod: Pod, sample: Sample): { name: string; startedAt: number; cpu: number; memory: number }[] {
    const statuses = pod.status?.containerStatuses ?? [];
    return (pod.spec?.containers ?? []).flatMap((container) => {
      const startedText = statuses.find((s) => s.name === container.name)?.state?.running?.startedAt;
      const startedAt = startedText === undefined ? NaN : Date.parse(startedText);
      if (Number.isNaN(startedAt) || startedAt > sample.timestamp) return [];
      const key = `container/${pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`}/${container.name}/${container.image ?? ''}`;
      const profile = this.profile(key, (random) => containerProfile(container as Container, random));
      const age = sample.timestamp - startedAt;
      return [
        {
          name: container.name,
          startedAt,
          cpu: cpuAt(profile, sample.timestamp - this.origin, age),
          memory: memoryAt(profile, sample.timestamp - this.origin, age),
        },
      ];
    });
  }

  private podsOn(nodeName: string): Pod[] {
    const listed = this.store.hasIndex('/pods', 'spec.nodeName')
      ? this.store.list('/pods', { index: { name: 'spec.nodeName', value: nodeName } })
      : this.store.list('/pods', { filter: (stored) => (stored.object as Pod).spec?.nodeName === nodeName });
    return listed.items.map((stored) => stored.object as Pod);
  }

  private profile(key: string, draw: (random: SeededRandom) => UsageProfile): UsageProfile {
    let profile = this.profiles.get(key);
    if (!profile) {
      if (this.profiles.size >= PROFILE_CACHE_LIMIT) this.profiles.clear();
      profile = draw(this.random.fork(key));
      this.profiles.set(key, profile);
    }
    return profile;
  }

  /** metrics-server's ObjectMeta, in ObjectMeta's field order: name, namespace, creationTimestamp (now), labels (copied). */
  private meta(object: Readonly<KubeObject>, now: number): MetricsObjectMeta {
    const { labels, namespace } = object.metadata;
    return {
      name: object.metadata.name,
      ...(namespace !== undefined ? { namespace } : {}),
      creationTimestamp: rfc3339(now),
      ...(labels && Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
    };
  }
}

/** Go's string order (bytes), as sort.Slice over names compares them. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
