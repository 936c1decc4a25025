import { eventV1FromCore } from './conversions/event-v1.js';
import { ALL_VERBS, keyOf, type ResourceKey, type ResourceType, type SubresourceType, type Verb } from './resource-type.js';
import {
  defaultFields,
  eventFields,
  eventsV1Fields,
  namespaceFields,
  nodeFields,
  podFields,
  secretFields,
  serviceFields,
} from './selectable-fields.js';

/**
 * Every resource kubefacade serves: the one source from which routing, discovery, printing and
 * OpenAPI are derived. Values (verbs, short names, categories, storage version hashes) are upstream's,
 * from k/k pkg/registry/<group>/<resource>/storage/storage.go and a real server's discovery documents.
 * Order within a group version is the order discovery lists them in (sorted by name).
 */

const GPU: Verb[] = ['get', 'patch', 'update'];
const status = (kind: string): SubresourceType => ({ name: 'status', kind, verbs: GPU });
const scale: SubresourceType = { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: GPU };
const PROXY_VERBS: Verb[] = ['create', 'delete', 'get', 'patch', 'update'];

type Entry = Omit<ResourceType, 'listKind' | 'shortNames' | 'categories' | 'subresources' | 'storage' | 'fieldSelector'> &
  Partial<Pick<ResourceType, 'shortNames' | 'categories' | 'subresources' | 'storage' | 'fieldSelector' | 'listKind'>>;

function define(entry: Entry): ResourceType {
  return {
    listKind: `${entry.kind}List`,
    shortNames: [],
    categories: [],
    subresources: [],
    storage: 'stored',
    fieldSelector: defaultFields,
    ...entry,
  };
}

const core = (entry: Omit<Entry, 'group' | 'version'>): ResourceType => define({ group: '', version: 'v1', ...entry });

export const RESOURCE_TYPES: readonly ResourceType[] = [
  core({
    plural: 'componentstatuses',
    singular: 'componentstatus',
    kind: 'ComponentStatus',
    namespaced: false,
    verbs: ['get', 'list'],
    shortNames: ['cs'],
    deprecationWarning: 'v1 ComponentStatus is deprecated in v1.19+',
    unversioned: true,
    // pkg/registry/core/componentstatus/rest.go sets the name alone; Go writes the zero creationTimestamp as null.
    fromStorage: (object) => ({ ...object, metadata: { name: object.metadata.name, creationTimestamp: null as unknown as undefined } }),
  }),
  core({
    plural: 'configmaps',
    singular: 'configmap',
    kind: 'ConfigMap',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['cm'],
    storageVersionHash: 'qFsyl6wFWjQ=',
  }),
  core({
    plural: 'endpoints',
    singular: 'endpoints',
    kind: 'Endpoints',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['ep'],
    storageVersionHash: 'fWeeMqaN/OA=',
    deprecationWarning: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  }),
  core({
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['ev'],
    storageVersionHash: 'r2yiGXH7wu8=',
    fieldSelector: eventFields,
  }),
  core({
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    shortNames: ['ns'],
    storageVersionHash: 'Q3oi5N2YM8M=',
    fieldSelector: namespaceFields,
    subresources: [
      { name: 'finalize', kind: 'Namespace', verbs: ['update'] },
      status('Namespace'),
    ],
  }),
  core({
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    namespaced: false,
    verbs: [...ALL_VERBS],
    shortNames: ['no'],
    storageVersionHash: 'XwShjMxG9Fs=',
    fieldSelector: nodeFields,
    subresources: [{ name: 'proxy', kind: 'NodeProxyOptions', verbs: PROXY_VERBS }, status('Node')],
  }),
  core({
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['po'],
    categories: ['all'],
    storageVersionHash: 'xPOwRZ+Yhw8=',
    fieldSelector: podFields,
    subresources: [
      { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
      { name: 'binding', kind: 'Binding', verbs: ['create'] },
      { name: 'ephemeralcontainers', kind: 'Pod', verbs: GPU },
      { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
      { name: 'proxy', kind: 'PodProxyOptions', verbs: PROXY_VERBS },
      { name: 'resize', kind: 'Pod', verbs: GPU },
      status('Pod'),
    ],
  }),
  core({
    plural: 'secrets',
    singular: 'secret',
    kind: 'Secret',
    namespaced: true,
    verbs: [...ALL_VERBS],
    storageVersionHash: 'S6u1pOWzb84=',
    fieldSelector: secretFields,
  }),
  core({
    plural: 'services',
    singular: 'service',
    kind: 'Service',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['svc'],
    categories: ['all'],
    storageVersionHash: '0/CO1lhkEBI=',
    fieldSelector: serviceFields,
    subresources: [{ name: 'proxy', kind: 'ServiceProxyOptions', verbs: PROXY_VERBS }, status('Service')],
  }),
  define({
    group: 'apps',
    version: 'v1',
    plural: 'daemonsets',
    singular: 'daemonset',
    kind: 'DaemonSet',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['ds'],
    categories: ['all'],
    storageVersionHash: 'dd7pWHUlMKQ=',
    subresources: [status('DaemonSet')],
  }),
  define({
    group: 'apps',
    version: 'v1',
    plural: 'deployments',
    singular: 'deployment',
    kind: 'Deployment',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['deploy'],
    categories: ['all'],
    storageVersionHash: '8aSe+NMegvE=',
    subresources: [scale, status('Deployment')],
  }),
  define({
    group: 'apps',
    version: 'v1',
    plural: 'replicasets',
    singular: 'replicaset',
    kind: 'ReplicaSet',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['rs'],
    categories: ['all'],
    storageVersionHash: 'P1RzHs8/mWQ=',
    subresources: [scale, status('ReplicaSet')],
  }),
  define({
    group: 'events.k8s.io',
    version: 'v1',
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    namespaced: true,
    verbs: [...ALL_VERBS],
    shortNames: ['ev'],
    storageVersionHash: 'r2yiGXH7wu8=',
    fieldSelector: eventsV1Fields,
    storedAs: '/events',
    fromStorage: eventV1FromCore,
  }),
  define({
    group: 'authorization.k8s.io',
    version: 'v1',
    plural: 'selfsubjectaccessreviews',
    singular: 'selfsubjectaccessreview',
    kind: 'SelfSubjectAccessReview',
    namespaced: false,
    verbs: ['create'],
    storage: 'virtual',
  }),
  define({
    group: 'authorization.k8s.io',
    version: 'v1',
    plural: 'selfsubjectrulesreviews',
    singular: 'selfsubjectrulesreview',
    kind: 'SelfSubjectRulesReview',
    namespaced: false,
    verbs: ['create'],
    storage: 'virtual',
  }),
  define({
    group: 'coordination.k8s.io',
    version: 'v1',
    plural: 'leases',
    singular: 'lease',
    kind: 'Lease',
    namespaced: true,
    verbs: [...ALL_VERBS],
    storageVersionHash: 'gqkMMb/YqFM=',
  }),
  define({
    group: 'discovery.k8s.io',
    version: 'v1',
    plural: 'endpointslices',
    singular: 'endpointslice',
    kind: 'EndpointSlice',
    namespaced: true,
    verbs: [...ALL_VERBS],
    storageVersionHash: 'qgS0xkrxYAI=',
  }),
  // metrics-server's resources (metrics-server pkg/api/install.go): computed on request, get and list only,
  // no singular name, no short names, no storage version hash (an aggregated API).
  define({ group: 'metrics.k8s.io', version: 'v1beta1', plural: 'nodes', singular: '', kind: 'NodeMetrics', namespaced: false, verbs: ['get', 'list'], storage: 'virtual' }),
  define({ group: 'metrics.k8s.io', version: 'v1beta1', plural: 'pods', singular: '', kind: 'PodMetrics', namespaced: true, verbs: ['get', 'list'], storage: 'virtual' }),
];

/**
 * Group order of `/apis`: APIService groupPriorityMinimum, descending
 * (k/k pkg/controlplane/apiserver/aggregator.go); metrics-server registers 100, so it comes last.
 */
export const GROUP_PRIORITY: Readonly<Record<string, number>> = {
  apps: 17800,
  'events.k8s.io': 17750,
  'authentication.k8s.io': 17700,
  'authorization.k8s.io': 17600,
  'coordination.k8s.io': 16500,
  'discovery.k8s.io': 16200,
  'metrics.k8s.io': 100,
};

export class ResourceRegistry {
  private readonly byKey = new Map<ResourceKey, ResourceType>();

  constructor(readonly types: readonly ResourceType[] = RESOURCE_TYPES) {
    for (const type of types) this.byKey.set(keyOf(type), type);
  }

  get(key: ResourceKey): ResourceType | undefined {
    return this.byKey.get(key);
  }

  /** The resource served at /api/v1/<plural> or /apis/<group>/<version>/<plural>. */
  find(group: string, version: string, plural: string): ResourceType | undefined {
    const type = this.byKey.get(`${group}/${plural}`);
    return type && type.version === version ? type : undefined;
  }

  /** Group versions in discovery order: core first, then groups by priority, ties by name. */
  groups(): string[] {
    const names = [...new Set(this.types.filter((t) => t.group !== '').map((t) => t.group))];
    return names.sort((a, b) => (GROUP_PRIORITY[b] ?? 0) - (GROUP_PRIORITY[a] ?? 0) || a.localeCompare(b));
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.types.filter((t) => t.group === group && t.version === version);
  }

  versionsOf(group: string): string[] {
    return [...new Set(this.types.filter((t) => t.group === group).map((t) => t.version))];
  }
}

export const registry = new ResourceRegistry();
