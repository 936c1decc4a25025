import {
  type Cluster,
  checkFieldSelector,
  type KubeObject,
  listObjects,
  type ListResult,
  loadCluster,
  type ObjectQuery,
  type PageRequest,
  parseFieldSelector,
  parseLabelSelector,
  registry,
  type ResourceType,
  storageKeyOf,
  type StoredObject,
} from '../../../src/cluster/index.js';
import { SeededRandom } from '../../../src/cluster/simulation/random.js';

/**
 * Indexed lists against a full scan: a store of random objects is changed at random (objects moving between label
 * values, nodes, phases, names reused across namespaces, deletions, creations), and random queries, read now or at
 * a past resourceVersion, page by page with writes between the pages, must return exactly what a scan of every
 * object through matchesQuery returns: the same versions, in the same order, with the same continue points and
 * remainingItemCount. Each page must also have examined no more objects than the smallest candidate holds (the
 * namespace, or the objects meeting one indexable requirement), plus the keys changed since the read: a list
 * that walked the whole table would fail it.
 */

type State = Map<string, StoredObject>;

interface KindCase {
  type: ResourceType;
  objects: number;
  queries: number;
  namespaces: readonly string[];
  names: number;
  object(random: SeededRandom, namespace: string | undefined, name: string): KubeObject;
  change(random: SeededRandom, object: KubeObject): KubeObject;
  fieldSelector(random: SeededRandom): string;
  /** The fields a list may read from an index (an equality on one of them is a candidate). */
  indexed: readonly string[];
}

const LABEL_KEYS = ['app', 'tier', 'env', 'x.io/team'] as const;
const LABEL_VALUES = ['a', 'b', 'c', 'd', ''] as const;
const NODES = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'] as const;
const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed'] as const;
const NAMESPACES = ['a', 'a-b', 'b', 'kube-system', 'ns-1'] as const;

function randomLabels(random: SeededRandom): Record<string, string> | undefined {
  if (random.chance(0.1)) return undefined;
  const labels: Record<string, string> = {};
  for (const key of LABEL_KEYS) if (random.chance(0.55)) labels[key] = random.pick(LABEL_VALUES);
  return labels;
}

function relabel(random: SeededRandom, object: KubeObject): KubeObject {
  const labels = random.chance(0.3) ? randomLabels(random) : { ...object.metadata.labels, [random.pick(LABEL_KEYS)]: random.pick(LABEL_VALUES) };
  const metadata = { ...object.metadata };
  if (labels === undefined) delete metadata.labels;
  else metadata.labels = labels;
  return { ...object, metadata };
}

const typeOf = (group: string, version: string, plural: string): ResourceType => {
  const type = registry.find(group, version, plural);
  if (!type) throw new Error(`no ${plural}`);
  return type;
};

const PODS: KindCase = {
  type: typeOf('', 'v1', 'pods'),
  objects: 3000,
  queries: 450,
  namespaces: NAMESPACES,
  names: 700,
  indexed: ['metadata.name', 'spec.nodeName', 'status.phase'],
  object: (random, namespace, name) => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } };
    const labels = randomLabels(random);
    if (labels) pod.metadata.labels = labels;
    if (!random.chance(0.1)) pod['spec'] = random.chance(0.15) ? {} : { nodeName: random.pick(NODES) };
    if (!random.chance(0.1)) pod['status'] = { phase: random.pick(PHASES) };
    return pod;
  },
  change: (random, pod) => {
    switch (random.int(0, 3)) {
      case 0:
        return { ...pod, spec: random.chance(0.2) ? {} : { nodeName: random.pick(NODES) } };
      case 1:
        return { ...pod, status: { phase: random.pick(PHASES) } };
      case 2:
        return { ...pod, status: { ...(pod['status'] as object), podIP: '10.0.0.1' } };
      default:
        return relabel(random, pod);
    }
  },
  fieldSelector: (random) => {
    const terms = [
      () => `spec.nodeName=${random.pick(NODES)}`,
      () => 'spec.nodeName=',
      () => `spec.host=${random.pick(NODES)}`,
      () => `spec.nodeName!=${random.pick(NODES)}`,
      () => `status.phase=${random.pick(PHASES)}`,
      () => `status.phase==${random.pick(PHASES)}`,
      () => 'status.phase=',
      () => `status.phase!=${random.pick(PHASES)}`,
      () => `metadata.name=p${random.int(0, 40)}`,
      () => `metadata.name!=p${random.int(0, 40)}`,
      () => `metadata.namespace=${random.pick(NAMESPACES)}`,
    ];
    return Array.from({ length: random.int(1, 2) }, () => random.pick(terms)()).join(',');
  },
};

const EVENTS: KindCase = {
  type: typeOf('', 'v1', 'events'),
  objects: 1000,
  queries: 150,
  namespaces: NAMESPACES,
  names: 300,
  indexed: ['metadata.name', 'involvedObject.name'],
  object: (random, namespace, name) => {
    const event: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: { namespace, name }, reason: random.pick(['Started', 'Pulled']) };
    const labels = randomLabels(random);
    if (labels) event.metadata.labels = labels;
    if (!random.chance(0.1)) event['involvedObject'] = random.chance(0.1) ? { kind: 'Pod' } : { kind: 'Pod', name: `o${random.int(0, 20)}` };
    return event;
  },
  change: (random, event) => (random.chance(0.5) ? { ...event, involvedObject: { kind: 'Pod', name: `o${random.int(0, 20)}` } } : relabel(random, event)),
  fieldSelector: (random) => {
    const terms = [
      () => `involvedObject.name=o${random.int(0, 20)}`,
      () => 'involvedObject.name=',
      () => `involvedObject.name!=o${random.int(0, 20)}`,
      () => `reason=${random.pick(['Started', 'Pulled'])}`,
      () => `metadata.name=e${random.int(0, 30)}`,
    ];
    return Array.from({ length: random.int(1, 2) }, () => random.pick(terms)()).join(',');
  },
};

const NODE_OBJECTS: KindCase = {
  type: typeOf('', 'v1', 'nodes'),
  objects: 500,
  queries: 150,
  namespaces: [],
  names: 800,
  indexed: ['metadata.name'],
  object: (random, _namespace, name) => {
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name } };
    const labels = randomLabels(random);
    if (labels) node.metadata.labels = labels;
    if (random.chance(0.2)) node['spec'] = { unschedulable: true };
    return node;
  },
  change: (random, node) => (random.chance(0.3) ? { ...node, spec: { unschedulable: random.chance(0.5) } } : relabel(random, node)),
  fieldSelector: (random) =>
    random.pick([`metadata.name=e${random.int(0, 60)}`, `metadata.name!=e${random.int(0, 60)}`, 'spec.unschedulable=true', 'spec.unschedulable!=true']),
};

function randomLabelSelector(random: SeededRandom): string {
  const value = (): string => random.pick([...LABEL_VALUES, 'zz']);
  const values = (): string => Array.from({ length: random.int(1, 3) }, value).join(',');
  const requirement = (): string => {
    const key = random.pick([...LABEL_KEYS, 'absent']);
    return random.pick([
      () => `${key}=${value()}`,
      () => `${key}==${value()}`,
      () => `${key}!=${value()}`,
      () => `${key} in (${values()})`,
      () => `${key} notin (${values()})`,
      () => key,
      () => `!${key}`,
    ])();
  };
  return Array.from({ length: random.int(1, 3) }, requirement).join(',');
}

function randomQuery(random: SeededRandom, kind: KindCase): ObjectQuery {
  const query: ObjectQuery = {};
  if (kind.type.namespaced && random.chance(0.35)) query.namespace = random.pick([...kind.namespaces, 'nowhere']);
  const shape = random.int(0, 9);
  if (shape <= 5) query.labelSelector = parseLabelSelector(randomLabelSelector(random));
  if (shape >= 4 && shape <= 8) query.fieldSelector = checkFieldSelector(parseFieldSelector(kind.fieldSelector(random)), kind.type.fieldSelector);
  return query;
}

const fieldSets = new WeakMap<object, Record<string, string>>();

function fieldsOf(kind: KindCase, object: Readonly<KubeObject>): Record<string, string> {
  let fields = fieldSets.get(object);
  if (!fields) {
    fields = kind.type.fieldSelector.fields(object as KubeObject);
    fieldSets.set(object, fields);
  }
  return fields;
}

/** Whether a query selects an object, by the selectors' own matching: the full scan's filter. */
function selects(kind: KindCase, query: ObjectQuery, object: Readonly<KubeObject>): boolean {
  if (query.namespace !== undefined && object.metadata.namespace !== query.namespace) return false;
  if (query.labelSelector && !query.labelSelector.matches(object.metadata.labels)) return false;
  return !query.fieldSelector || query.fieldSelector.matches(fieldsOf(kind, object));
}

/** The requirements a list can read from a key set, each as a test on one object (the test's own statement). */
function candidateTests(kind: KindCase, query: ObjectQuery): ((object: Readonly<KubeObject>) => boolean)[] {
  const tests: ((object: Readonly<KubeObject>) => boolean)[] = [];
  for (const r of query.fieldSelector?.requirements ?? []) {
    if (r.operator !== 'NotEquals' && kind.indexed.includes(r.field)) tests.push((o) => fieldsOf(kind, o)[r.field] === r.value);
  }
  for (const r of query.labelSelector?.requirements ?? []) {
    const label = (o: Readonly<KubeObject>): string | undefined =>
      o.metadata.labels && Object.hasOwn(o.metadata.labels, r.key) ? o.metadata.labels[r.key] : undefined;
    if (r.operator === 'Equals' || r.operator === 'DoubleEquals' || r.operator === 'In') tests.push((o) => r.values.includes(label(o) as string));
    if (r.operator === 'Exists') tests.push((o) => label(o) !== undefined);
  }
  return tests;
}

class Harness {
  readonly cluster: Cluster;
  /** Every version the store returned, by key: the current state. */
  readonly current: State = new Map();
  /** The state at some past resourceVersions, to read at. */
  readonly past = new Map<number, State>();
  /** Which key each write changed, by resourceVersion. */
  readonly writes: { resourceVersion: number; key: string }[] = [];
  readonly resource;
  private created = 0;

  constructor(
    readonly kind: KindCase,
    readonly random: SeededRandom,
  ) {
    this.resource = storageKeyOf(kind.type);
    const objects: KubeObject[] = [];
    const taken = new Set<string>();
    while (objects.length < kind.objects) {
      const object = this.newObject(taken);
      if (object) objects.push(object);
    }
    this.cluster = loadCluster({ objects }, { historyCapacity: 1_000_000 });
    for (const result of this.cluster.store.list(this.resource).items) this.current.set(result.key, result);
  }

  private newObject(taken: Set<string>): KubeObject | undefined {
    const namespace = this.kind.type.namespaced ? this.random.pick(this.kind.namespaces) : undefined;
    const name = `${this.kind.type.kind === 'Node' ? 'e' : this.kind.type.kind[0]?.toLowerCase()}${this.random.int(0, this.kind.names)}`;
    const key = namespace ? `${namespace}/${name}` : name;
    if (taken.has(key)) return undefined;
    taken.add(key);
    return this.kind.object(this.random, namespace, name);
  }

  write(): void {
    const store = this.cluster.store;
    const keys = [...this.current.keys()];
    const roll = this.random.next();
    let stored: StoredObject;
    if (roll < 0.15 || keys.length === 0) {
      const taken = new Set(this.current.keys());
      let object: KubeObject | undefined;
      while (!object) object = this.newObject(taken);
      stored = store.create(this.resource, object);
      this.current.set(stored.key, stored);
      this.created++;
    } else if (roll < 0.3) {
      const victim = this.current.get(this.random.pick(keys)) as StoredObject;
      stored = store.delete(this.resource, victim.object.metadata.namespace, victim.name);
      this.current.delete(stored.key);
    } else {
      const target = this.current.get(this.random.pick(keys)) as StoredObject;
      stored = store.update(this.resource, this.kind.change(this.random, target.object as KubeObject));
      this.current.set(stored.key, stored);
    }
    this.writes.push({ resourceVersion: stored.resourceVersion, key: stored.key });
    if (this.random.chance(0.1)) this.past.set(store.resourceVersion, new Map(this.current));
  }

  changedSince(resourceVersion: number): number {
    const keys = new Set<string>();
    for (let i = this.writes.length - 1; i >= 0 && (this.writes[i]?.resourceVersion ?? 0) > resourceVersion; i--) keys.add(this.writes[i]?.key ?? '');
    return keys.size;
  }
}

interface Expected {
  keys: string[];
  items: StoredObject[];
  lastKey: string | undefined;
  remaining: number | undefined;
}

/** Every object of `state` the query selects, in key order: a full scan. */
function fullScan(kind: KindCase, state: State, query: ObjectQuery): StoredObject[] {
  return [...state.values()].filter((s) => selects(kind, query, s.object)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One page of a full scan's answer. */
function expectedPage(all: readonly StoredObject[], query: ObjectQuery, page: PageRequest): Expected {
  const rest = all.filter((s) => page.after === undefined || s.key > page.after);
  const items = page.limit !== undefined ? rest.slice(0, page.limit) : rest;
  const more = page.limit !== undefined && rest.length > page.limit;
  const filtered =
    (query.labelSelector !== undefined && !query.labelSelector.isEmpty()) || (query.fieldSelector !== undefined && !query.fieldSelector.isEmpty());
  return {
    keys: items.map((s) => s.key),
    items,
    lastKey: more ? items[items.length - 1]?.key : undefined,
    remaining: more && !filtered ? rest.length - items.length : undefined,
  };
}

/**
 * The most objects the page may examine: the size of the smallest candidate now (the namespace's objects, or the
 * table's; or the objects meeting one indexable requirement, across namespaces), plus every key changed since the
 * read, whose old versions a past read looks at too.
 */
function examinedBound(h: Harness, query: ObjectQuery, page: PageRequest): { bound: number; scope: number } {
  const namespace = h.kind.type.namespaced ? (query.namespace ?? query.fieldSelector?.requiredValue('metadata.namespace')) : undefined;
  const tests = candidateTests(h.kind, query);
  const counts = tests.map(() => 0);
  let scope = 0;
  for (const { key, object } of h.current.values()) {
    if (namespace === undefined || key.startsWith(`${namespace}/`)) scope++;
    tests.forEach((test, i) => {
      if (test(object)) counts[i] = (counts[i] ?? 0) + 1;
    });
  }
  const smallest = counts.reduce((least, count) => Math.min(least, count), scope);
  const changed = page.atResourceVersion !== undefined ? h.changedSince(page.atResourceVersion) : 0;
  // A name in a namespace is one key, read as such whether or not another requirement would have ruled it out.
  const named = query.fieldSelector?.requiredValue('metadata.name') !== undefined && (namespace !== undefined || !h.kind.type.namespaced);
  return { bound: Math.max(smallest + changed, named ? 1 : 0), scope };
}

const describePage = (query: ObjectQuery, page: PageRequest): string =>
  `namespace=${query.namespace ?? '-'} labels="${query.labelSelector?.toString() ?? ''}" fields="${query.fieldSelector?.toString() ?? ''}" ` +
  `limit=${page.limit ?? '-'} after=${page.after ?? '-'} at=${page.atResourceVersion ?? 'now'}`;

function checkPage(h: Harness, all: readonly StoredObject[], query: ObjectQuery, page: PageRequest, stats: { pages: number; narrow: number }): ListResult {
  const { bound, scope } = examinedBound(h, query, page);
  const result = listObjects(h.cluster.store, h.kind.type, query, page);
  const { items, ...expected } = expectedPage(all, query, page);
  const context = describePage(query, page);
  expect({
    context,
    keys: result.items.map((s) => s.key),
    lastKey: result.lastKey,
    remaining: result.remaining,
    // The very versions of that moment, not today's versions of the same keys.
    sameVersions: result.items.every((item, i) => item === items[i]),
    examined: result.examined <= bound ? 'within bound' : `${result.examined} > ${bound}`,
  }).toEqual({ context, ...expected, sameVersions: true, examined: 'within bound' });
  stats.pages++;
  if (bound * 2 < scope) stats.narrow++;
  return result;
}

const LIMITS = [undefined, 1, 2, 5, 17, 100, 1000] as const;
const MAX_PAGES = 8;

describe.each([
  ['pods', PODS],
  ['events', EVENTS],
  ['nodes (cluster-scoped)', NODE_OBJECTS],
])('indexed lists of %s return what a full scan returns', (_name, kind) => {
  test('for random selectors, namespaces, pages and past resourceVersions, while objects change', () => {
    const random = new SeededRandom(`indexed-lists/${kind.type.plural}`);
    const h = new Harness(kind, random);
    for (let i = 0; i < kind.objects / 5; i++) h.write();
    const stats = { pages: 0, narrow: 0 };
    for (let q = 0; q < kind.queries; q++) {
      const query = randomQuery(random, kind);
      const limit = random.pick(LIMITS);
      const pastVersions = [...h.past.keys()];
      const at = random.chance(0.3) && pastVersions.length > 0 ? random.pick(pastVersions) : undefined;
      const all = fullScan(kind, at !== undefined ? (h.past.get(at) as State) : h.current, query);
      let page: PageRequest = { ...(limit !== undefined ? { limit } : {}), ...(at !== undefined ? { atResourceVersion: at } : {}) };
      let result = checkPage(h, all, query, page, stats);
      const readAt = result.resourceVersion;
      expect(readAt).toBe(at ?? h.cluster.store.resourceVersion);
      for (let pages = 1; result.lastKey !== undefined && pages < MAX_PAGES; pages++) {
        // A continue token reads the list's resourceVersion, whatever was written since the first page.
        if (random.chance(0.4)) h.write();
        page = { ...page, after: result.lastKey, atResourceVersion: readAt };
        result = checkPage(h, all, query, page, stats);
        expect(result.resourceVersion).toBe(readAt);
      }
      h.write();
      if (random.chance(0.05)) h.past.set(h.cluster.store.resourceVersion, new Map(h.current));
    }
    // The run must have asked what only an index answers cheaply, or the examined bound proved nothing.
    expect(stats.narrow).toBeGreaterThan(stats.pages / 8);
  });
});
