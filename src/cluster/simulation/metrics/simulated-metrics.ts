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

/** A node's latest sample, and its timestamp and window as metrics-server writes them. */
interface Scrape {
  sample: Sample;
  timestamp: string;
  window: string;
}

/** What every object of one answer shares: its instant (written as each object's creationTimestamp) and the nodes' scrapes. */
interface Answer {
  created: string;
  /** The node's scrape, or undefined when the node is gone or its kubelet does not answer. */
  scrapeOf(nodeName: string, node?: Node): Scrape | undefined;
}

/** A container of a pod as its usage is read: when it started running, and its usage profile. */
interface MeasuredContainer {
  name: string;
  startedAt: number;
  profile: UsageProfile;
}

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
  /** Each node's system daemons' profile, by node name. */
  private readonly systemProfiles = new Map<string, UsageProfile>();
  /**
   * Each pod version's running containers, read once: a stored pod never changes in place, so its containers' start
   * instants and profiles go with it (a cluster-wide list at 150,000 pods reads them, not 150,000 statuses again).
   */
  private readonly measured = new WeakMap<Readonly<Pod>, readonly MeasuredContainer[]>();

  constructor(options: SimulatedMetricsOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.random = options.random;
    this.origin = options.origin ?? options.clock.now();
    this.timing = new ScrapeTiming(options.random.fork('scrape'), this.origin);
  }

  nodeMetrics(name: string): NodeMetrics | undefined {
    const node = this.store.get('/nodes', undefined, name)?.object as Node | undefined;
    return node ? this.forNode(node, this.answer()) : undefined;
  }

  podMetrics(namespace: string, name: string): PodMetrics | undefined {
    const pod = this.store.get('/pods', namespace, name)?.object as Pod | undefined;
    return pod ? this.forPod(pod, this.answer()) : undefined;
  }

  listNodeMetrics(): NodeMetrics[] {
    const answer = this.answer();
    const items = this.store.list('/nodes').items.flatMap((stored) => this.forNode(stored.object as Node, answer) ?? []);
    return items.sort((a, b) => compare(a.metadata.name, b.metadata.name));
  }

  listPodMetrics(namespace?: string): PodMetrics[] {
    const answer = this.answer();
    const pods = this.store.list('/pods', namespace !== undefined ? { namespace } : {}).items;
    const items = pods.flatMap((stored) => this.forPod(stored.object as Pod, answer) ?? []);
    return items.sort((a, b) => compare(a.metadata.namespace, b.metadata.namespace) || compare(a.metadata.name, b.metadata.name));
  }

  /**
   * One answer's instant, and each node's latest scrape as every object of the answer reads it: found once per
   * node, however many of its pods the answer holds.
   */
  private answer(): Answer {
    const now = this.clock.now();
    const scrapes = new Map<string, Scrape | undefined>();
    const scrapeOf = (nodeName: string, known?: Node): Scrape | undefined => {
      if (scrapes.has(nodeName)) return scrapes.get(nodeName);
      const node = known ?? (this.store.get('/nodes', undefined, nodeName)?.object as Node | undefined);
      let scrape: Scrape | undefined;
      if (node && kubeletAnswers(node)) {
        const sample = this.timing.sampleAt(nodeName, now);
        scrape = { sample, timestamp: rfc3339(sample.timestamp), window: formatGoDurationMs(sample.windowMs) };
      }
      scrapes.set(nodeName, scrape);
      return scrape;
    };
    return { created: rfc3339(now), scrapeOf };
  }

  private forNode(node: Node, answer: Answer): NodeMetrics | undefined {
    const scrape = answer.scrapeOf(node.metadata.name, node);
    if (!scrape) return undefined;
    const { sample } = scrape;
    const system = this.systemProfile(node.metadata.name);
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
      metadata: this.meta(node, answer.created),
      timestamp: scrape.timestamp,
      window: scrape.window,
      usage: { cpu: cpuUsage(cpu), memory: memoryUsage(memory) },
    };
  }

  private forPod(pod: Pod, answer: Answer): PodMetrics | undefined {
    const nodeName = pod.spec?.nodeName;
    if (pod.status?.phase !== 'Running' || !nodeName) return undefined;
    const scrape = answer.scrapeOf(nodeName);
    if (!scrape) return undefined;
    const { sample } = scrape;
    const running = this.runningUsage(pod, sample);
    // A container without two samples yet keeps the whole pod out (pkg/storage/pod.go allContainersPresent).
    if (running.length === 0 || running.some((c) => sample.timestamp - c.startedAt < FRESH_CONTAINER_MIN_MS)) return undefined;
    const containers: ContainerMetrics[] = running.map((c) => ({ name: c.name, usage: { cpu: cpuUsage(c.cpu), memory: memoryUsage(c.memory) } }));
    return {
      kind: 'PodMetrics',
      apiVersion: METRICS_API_VERSION,
      metadata: this.meta(pod, answer.created) as PodMetrics['metadata'],
      timestamp: scrape.timestamp,
      window: scrape.window,
      containers,
    };
  }

  /** Usage of the pod's containers that were running at the sample; 0 for the rest, which are left out. */
  private runningUsage(pod: Pod, sample: Sample): { name: string; startedAt: number; cpu: number; memory: number }[] {
    const running: { name: string; startedAt: number; cpu: number; memory: number }[] = [];
    for (const { name, startedAt, profile } of this.containersOf(pod)) {
      if (startedAt > sample.timestamp) continue;
      const age = sample.timestamp - startedAt;
      running.push({
        name,
        startedAt,
        cpu: cpuAt(profile, sample.timestamp - this.origin, age),
        memory: memoryAt(profile, sample.timestamp - this.origin, age),
      });
    }
    return running;
  }

  /**
   * The pod's containers that have a running state: their start and their profile, drawn from a random of the
   * container's own (its pod's uid, its name and image), so a profile is the same whenever it is drawn.
   */
  private containersOf(pod: Pod): readonly MeasuredContainer[] {
    let containers = this.measured.get(pod);
    if (containers) return containers;
    const statuses = pod.status?.containerStatuses ?? [];
    containers = (pod.spec?.containers ?? []).flatMap((container) => {
      const startedText = statuses.find((s) => s.name === container.name)?.state?.running?.startedAt;
      const startedAt = startedText === undefined ? NaN : Date.parse(startedText);
      if (Number.isNaN(startedAt)) return [];
      const key = `container/${pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`}/${container.name}/${container.image ?? ''}`;
      return [{ name: container.name, startedAt, profile: containerProfile(container as Container, this.random.fork(key)) }];
    });
    this.measured.set(pod, containers);
    return containers;
  }

  private podsOn(nodeName: string): Pod[] {
    const listed = this.store.hasIndex('/pods', 'spec.nodeName')
      ? this.store.list('/pods', { index: { name: 'spec.nodeName', value: nodeName } })
      : this.store.list('/pods', { filter: (stored) => (stored.object as Pod).spec?.nodeName === nodeName });
    return listed.items.map((stored) => stored.object as Pod);
  }

  private systemProfile(nodeName: string): UsageProfile {
    let profile = this.systemProfiles.get(nodeName);
    if (!profile) {
      profile = systemProfile(this.random.fork(`node/${nodeName}`));
      this.systemProfiles.set(nodeName, profile);
    }
    return profile;
  }

  /** metrics-server's ObjectMeta, in ObjectMeta's field order: name, namespace, creationTimestamp (now), labels (copied). */
  private meta(object: Readonly<KubeObject>, created: string): MetricsObjectMeta {
    const { labels, namespace } = object.metadata;
    return {
      name: object.metadata.name,
      ...(namespace !== undefined ? { namespace } : {}),
      creationTimestamp: created,
      ...(labels && Object.keys(labels).length > 0 ? { labels: { ...labels } } : {}),
    };
  }
}

/** Go's string order (bytes), as sort.Slice over names compares them. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
