import { coreEventFromEventsV1, eventV1FromCore, hpaV1ToV2, hpaV2ToV1 } from './conversions/index.js';
import { ALL_VERBS, type FieldSelectorSpec, type ResourceType, type SubresourceType, type Verb } from './resource-type.js';
import {
  certificateSigningRequestFields,
  defaultFields,
  eventFields,
  eventsV1Fields,
  fieldIndex,
  jobFields,
  namespaceFields,
  nodeFields,
  podFields,
  replicationControllerFields,
  secretFields,
  serviceFields,
} from './selectable-fields.js';
import { storageVersionHash } from './storage-version-hash.js';

/**
 * Every resource a default v1.33 kube-apiserver serves (with its embedded aggregator and apiextensions server), plus
 * metrics-server's: the one source from which routing, discovery, printing, OpenAPI and the loader derive. Values
 * (verbs, short names, categories, subresources) are upstream's, from k/k api/discovery/aggregated_v2.json and
 * pkg/registry/<group>/<resource>/storage/storage.go; the storage version hash is computed from the storage kind.
 */

const GPU: Verb[] = ['get', 'patch', 'update'];
const NO_COLLECTION: Verb[] = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const PROXY_VERBS: Verb[] = ['create', 'delete', 'get', 'patch', 'update'];
const status = (kind: string): SubresourceType => ({ name: 'status', kind, verbs: GPU });
const scale: SubresourceType = { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: GPU };

interface Definition {
  /** `v1`, `apps/v1`. */
  gv: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  verbs?: Verb[];
  shortNames?: string[];
  categories?: string[];
  subresources?: SubresourceType[];
  fieldSelector?: FieldSelectorSpec;
  /** The group/version/kind objects are stored as, when not this one (events.k8s.io events: core/v1 Event). */
  storedAs?: { gv: string; kind: string; plural: string };
  more?: Partial<ResourceType>;
}

function define(d: Definition): ResourceType {
  const slash = d.gv.indexOf('/');
  const group = slash < 0 ? '' : d.gv.slice(0, slash);
  const version = slash < 0 ? d.gv : d.gv.slice(slash + 1);
  const verbs = d.verbs ?? [...ALL_VERBS];
  const stored = d.more?.storage !== 'virtual';
  const storage = d.storedAs ?? { gv: d.gv, kind: d.kind, plural: d.plural };
  const storageSlash = storage.gv.indexOf('/');
  const storageGroup = storageSlash < 0 ? '' : storage.gv.slice(0, storageSlash);
  const storageVersion = storageSlash < 0 ? storage.gv : storage.gv.slice(storageSlash + 1);
  const type: ResourceType = {
    group,
    version,
    kind: d.kind,
    listKind: `${d.kind}List`,
    plural: d.plural,
    singular: d.kind.toLowerCase(),
    namespaced: d.namespaced,
    verbs,
    shortNames: d.shortNames ?? [],
    categories: d.categories ?? [],
    subresources: d.subresources ?? [],
    fieldSelector: d.fieldSelector ?? defaultFields,
    storage: 'stored',
    origin: 'builtin',
    ...(stored && verbs.includes('list') ? { storageVersionHash: storageVersionHash(storageGroup, storageVersion, storage.kind) } : {}),
    ...(d.storedAs && (storageGroup !== group || storage.plural !== d.plural) ? { storedAs: `${storageGroup}/${storage.plural}` as const } : {}),
    ...d.more,
  };
  return type;
}

const v1 = (plural: string, kind: string, namespaced: boolean, rest: Omit<Definition, 'gv' | 'plural' | 'kind' | 'namespaced'> = {}): ResourceType =>
  define({ gv: 'v1', plural, kind, namespaced, ...rest });

const createOnly = (gv: string, plural: string, kind: string, namespaced: boolean): ResourceType =>
  define({ gv, plural, kind, namespaced, verbs: ['create'], more: { storage: 'virtual' } });

const CORE: ResourceType[] = [
  createOnly('v1', 'bindings', 'Binding', true),
  v1('componentstatuses', 'ComponentStatus', false, {
    verbs: ['get', 'list'],
    shortNames: ['cs'],
    more: {
      deprecationWarning: 'v1 ComponentStatus is deprecated in v1.19+',
      unversioned: true,
      storageVersionHash: undefined,
      // pkg/registry/core/componentstatus/rest.go sets the name alone; Go writes the zero creationTimestamp as null.
      fromStorage: (object) => ({ ...object, metadata: { name: object.metadata.name, creationTimestamp: null as unknown as undefined } }),
    },
  }),
  v1('configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
  v1('endpoints', 'Endpoints', true, {
    shortNames: ['ep'],
    more: { deprecationWarning: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice' },
  }),
  v1('events', 'Event', true, {
    shortNames: ['ev'],
    fieldSelector: eventFields,
    // `kubectl describe` lists an object's events by involvedObject.name (across namespaces for cluster objects).
    more: { indexes: { 'involvedObject.name': fieldIndex('involvedObject', 'name') } },
  }),
  v1('limitranges', 'LimitRange', true, { shortNames: ['limits'] }),
  v1('namespaces', 'Namespace', false, {
    verbs: NO_COLLECTION,
    shortNames: ['ns'],
    fieldSelector: namespaceFields,
    subresources: [{ name: 'finalize', kind: 'Namespace', verbs: ['update'] }, status('Namespace')],
  }),
  v1('nodes', 'Node', false, {
    shortNames: ['no'],
    fieldSelector: nodeFields,
    subresources: [{ name: 'proxy', kind: 'NodeProxyOptions', verbs: PROXY_VERBS }, status('Node')],
  }),
  v1('persistentvolumeclaims', 'PersistentVolumeClaim', true, { shortNames: ['pvc'], subresources: [status('PersistentVolumeClaim')] }),
  v1('persistentvolumes', 'PersistentVolume', false, { shortNames: ['pv'], subresources: [status('PersistentVolume')] }),
  v1('pods', 'Pod', true, {
    shortNames: ['po'],
    categories: ['all'],
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
    // A node's pods (kubelets, `describe node`), unscheduled ones under "" (`spec.nodeName=`), and pods by phase.
    more: { indexes: { 'spec.nodeName': fieldIndex('spec', 'nodeName'), 'status.phase': fieldIndex('status', 'phase') } },
  }),
  v1('podtemplates', 'PodTemplate', true),
  v1('replicationcontrollers', 'ReplicationController', true, {
    shortNames: ['rc'],
    categories: ['all'],
    fieldSelector: replicationControllerFields,
    subresources: [scale, status('ReplicationController')],
  }),
  v1('resourcequotas', 'ResourceQuota', true, { shortNames: ['quota'], subresources: [status('ResourceQuota')] }),
  v1('secrets', 'Secret', true, { fieldSelector: secretFields }),
  v1('serviceaccounts', 'ServiceAccount', true, {
    shortNames: ['sa'],
    subresources: [{ name: 'token', kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] }],
  }),
  v1('services', 'Service', true, {
    shortNames: ['svc'],
    categories: ['all'],
    fieldSelector: serviceFields,
    subresources: [{ name: 'proxy', kind: 'ServiceProxyOptions', verbs: PROXY_VERBS }, status('Service')],
  }),
];

const cluster = (gv: string, plural: string, kind: string, rest: Omit<Definition, 'gv' | 'plural' | 'kind' | 'namespaced'> = {}): ResourceType =>
  define({ gv, plural, kind, namespaced: false, ...rest });
const namespaced = (gv: string, plural: string, kind: string, rest: Omit<Definition, 'gv' | 'plural' | 'kind' | 'namespaced'> = {}): ResourceType =>
  define({ gv, plural, kind, namespaced: true, ...rest });
const API_EXTENSIONS = ['api-extensions'];

const GROUPS: ResourceType[] = [
  cluster('admissionregistration.k8s.io/v1', 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', { categories: API_EXTENSIONS }),
  cluster('admissionregistration.k8s.io/v1', 'validatingadmissionpolicies', 'ValidatingAdmissionPolicy', {
    categories: API_EXTENSIONS,
    subresources: [status('ValidatingAdmissionPolicy')],
  }),
  cluster('admissionregistration.k8s.io/v1', 'validatingadmissionpolicybindings', 'ValidatingAdmissionPolicyBinding', { categories: API_EXTENSIONS }),
  cluster('admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', { categories: API_EXTENSIONS }),
  cluster('apiextensions.k8s.io/v1', 'customresourcedefinitions', 'CustomResourceDefinition', {
    shortNames: ['crd', 'crds'],
    categories: API_EXTENSIONS,
    subresources: [status('CustomResourceDefinition')],
  }),
  cluster('apiregistration.k8s.io/v1', 'apiservices', 'APIService', { categories: API_EXTENSIONS, subresources: [status('APIService')] }),
  namespaced('apps/v1', 'controllerrevisions', 'ControllerRevision'),
  namespaced('apps/v1', 'daemonsets', 'DaemonSet', { shortNames: ['ds'], categories: ['all'], subresources: [status('DaemonSet')] }),
  namespaced('apps/v1', 'deployments', 'Deployment', { shortNames: ['deploy'], categories: ['all'], subresources: [scale, status('Deployment')] }),
  namespaced('apps/v1', 'replicasets', 'ReplicaSet', { shortNames: ['rs'], categories: ['all'], subresources: [scale, status('ReplicaSet')] }),
  namespaced('apps/v1', 'statefulsets', 'StatefulSet', { shortNames: ['sts'], categories: ['all'], subresources: [scale, status('StatefulSet')] }),
  createOnly('authentication.k8s.io/v1', 'selfsubjectreviews', 'SelfSubjectReview', false),
  createOnly('authentication.k8s.io/v1', 'tokenreviews', 'TokenReview', false),
  createOnly('authorization.k8s.io/v1', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', true),
  createOnly('authorization.k8s.io/v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false),
  createOnly('authorization.k8s.io/v1', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false),
  createOnly('authorization.k8s.io/v1', 'subjectaccessreviews', 'SubjectAccessReview', false),
  // HorizontalPodAutoscalers are stored as autoscaling/v2 (its preferred version); v1 reads them converted.
  namespaced('autoscaling/v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', {
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: [status('HorizontalPodAutoscaler')],
  }),
  namespaced('autoscaling/v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', {
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: [status('HorizontalPodAutoscaler')],
    storedAs: { gv: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers' },
    more: { fromStorage: hpaV2ToV1, toStorage: hpaV1ToV2 },
  }),
  namespaced('batch/v1', 'cronjobs', 'CronJob', { shortNames: ['cj'], categories: ['all'], subresources: [status('CronJob')] }),
  namespaced('batch/v1', 'jobs', 'Job', { categories: ['all'], fieldSelector: jobFields, subresources: [status('Job')] }),
  cluster('certificates.k8s.io/v1', 'certificatesigningrequests', 'CertificateSigningRequest', {
    shortNames: ['csr'],
    fieldSelector: certificateSigningRequestFields,
    subresources: [{ name: 'approval', kind: 'CertificateSigningRequest', verbs: GPU }, status('CertificateSigningRequest')],
  }),
  namespaced('coordination.k8s.io/v1', 'leases', 'Lease'),
  namespaced('discovery.k8s.io/v1', 'endpointslices', 'EndpointSlice'),
  namespaced('events.k8s.io/v1', 'events', 'Event', {
    shortNames: ['ev'],
    fieldSelector: eventsV1Fields,
    storedAs: { gv: 'v1', kind: 'Event', plural: 'events' },
    more: { fromStorage: eventV1FromCore, toStorage: coreEventFromEventsV1 },
  }),
  cluster('flowcontrol.apiserver.k8s.io/v1', 'flowschemas', 'FlowSchema', { subresources: [status('FlowSchema')] }),
  cluster('flowcontrol.apiserver.k8s.io/v1', 'prioritylevelconfigurations', 'PriorityLevelConfiguration', {
    subresources: [status('PriorityLevelConfiguration')],
  }),
  cluster('networking.k8s.io/v1', 'ingressclasses', 'IngressClass'),
  namespaced('networking.k8s.io/v1', 'ingresses', 'Ingress', { shortNames: ['ing'], subresources: [status('Ingress')] }),
  cluster('networking.k8s.io/v1', 'ipaddresses', 'IPAddress', { shortNames: ['ip'] }),
  namespaced('networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy', { shortNames: ['netpol'] }),
  cluster('networking.k8s.io/v1', 'servicecidrs', 'ServiceCIDR', { subresources: [status('ServiceCIDR')] }),
  cluster('node.k8s.io/v1', 'runtimeclasses', 'RuntimeClass'),
  namespaced('policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget', { shortNames: ['pdb'], subresources: [status('PodDisruptionBudget')] }),
  cluster('rbac.authorization.k8s.io/v1', 'clusterrolebindings', 'ClusterRoleBinding'),
  cluster('rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole'),
  namespaced('rbac.authorization.k8s.io/v1', 'rolebindings', 'RoleBinding'),
  namespaced('rbac.authorization.k8s.io/v1', 'roles', 'Role'),
  cluster('scheduling.k8s.io/v1', 'priorityclasses', 'PriorityClass', { shortNames: ['pc'] }),
  cluster('storage.k8s.io/v1', 'csidrivers', 'CSIDriver'),
  cluster('storage.k8s.io/v1', 'csinodes', 'CSINode'),
  namespaced('storage.k8s.io/v1', 'csistoragecapacities', 'CSIStorageCapacity'),
  cluster('storage.k8s.io/v1', 'storageclasses', 'StorageClass', { shortNames: ['sc'] }),
  cluster('storage.k8s.io/v1', 'volumeattachments', 'VolumeAttachment', { subresources: [status('VolumeAttachment')] }),
];

// metrics-server's resources (metrics-server pkg/api/install.go): computed on request, get and list only, no singular
// name, no short names, no storage version hash (an aggregated API).
const METRICS: ResourceType[] = [
  define({
    gv: 'metrics.k8s.io/v1beta1',
    plural: 'nodes',
    kind: 'NodeMetrics',
    namespaced: false,
    verbs: ['get', 'list'],
    more: { storage: 'virtual', singular: '' },
  }),
  define({
    gv: 'metrics.k8s.io/v1beta1',
    plural: 'pods',
    kind: 'PodMetrics',
    namespaced: true,
    verbs: ['get', 'list'],
    more: { storage: 'virtual', singular: '' },
  }),
];

export const BUILTIN_RESOURCES: readonly ResourceType[] = [...CORE, ...GROUPS, ...METRICS];
