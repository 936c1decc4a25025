import type { IndexFunction } from '../store/resource-table.js';
import type { FieldSelectorSpec } from './resource-type.js';

/**
 * Selectable field sets per resource, as the real API server defines them
 * (k/k pkg/apis/core/v1/conversion.go AddFieldLabelConversionFunc* and pkg/registry/core/<r>/strategy.go).
 */

/**
 * A field as the set reads it: a missing or null value is "" (fields.Set). Each set below is one object literal
 * of fixed keys, read with plain property accesses: a scan of 150,000 pods by an unindexed field builds one per
 * pod, and a set made by spreading another, or read through a path array, cost twenty times as much.
 */
function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** The value under `key` of an object (undefined for anything else). */
const at = (object: unknown, key: string): unknown => (object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[key] : undefined);

/**
 * An index of a selectable field read as the field set reads it (a missing field is ""), so that the keys under
 * a value are exactly the objects a selector on that value selects.
 */
export const fieldIndex =
  (section: string, field: string): IndexFunction =>
  (object) =>
    text(at(at(object, section), field));

/** Everything without its own conversion: metadata.name and metadata.namespace only. */
export const defaultFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace'],
  style: 'default',
  fields: (object) => ({ 'metadata.name': object.metadata.name, 'metadata.namespace': object.metadata.namespace ?? '' }),
};

export const podFields: FieldSelectorSpec = {
  keys: [
    'metadata.name',
    'metadata.namespace',
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  aliases: { 'spec.host': 'spec.nodeName' },
  style: 'converter',
  fields: (pod) => {
    const spec = at(pod, 'spec');
    const status = at(pod, 'status');
    const podIPs = at(status, 'podIPs');
    const firstIP = Array.isArray(podIPs) && podIPs.length > 0 ? text(at(podIPs[0], 'ip')) : text(at(status, 'podIP'));
    return {
      'metadata.name': pod.metadata.name,
      'metadata.namespace': pod.metadata.namespace ?? '',
      'spec.nodeName': text(at(spec, 'nodeName')),
      'spec.restartPolicy': text(at(spec, 'restartPolicy')),
      'spec.schedulerName': text(at(spec, 'schedulerName')),
      'spec.serviceAccountName': text(at(spec, 'serviceAccountName')),
      'spec.hostNetwork': at(spec, 'hostNetwork') === true ? 'true' : 'false',
      'status.phase': text(at(status, 'phase')),
      'status.podIP': firstIP,
      'status.nominatedNodeName': text(at(status, 'nominatedNodeName')),
    };
  },
};

export const nodeFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'spec.unschedulable'],
  style: 'converter',
  fields: (node) => ({
    'metadata.name': node.metadata.name,
    'spec.unschedulable': at(at(node, 'spec'), 'unschedulable') === true ? 'true' : 'false',
  }),
};

const involvedObjectKeys = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] as const;

export const eventFields: FieldSelectorSpec = {
  keys: [...involvedObjectKeys.map((k) => `involvedObject.${k}`), 'reason', 'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name'],
  style: 'converter',
  fields: (event) => {
    const involved = at(event, 'involvedObject');
    return {
      'metadata.name': event.metadata.name,
      'metadata.namespace': event.metadata.namespace ?? '',
      'involvedObject.kind': text(at(involved, 'kind')),
      'involvedObject.namespace': text(at(involved, 'namespace')),
      'involvedObject.name': text(at(involved, 'name')),
      'involvedObject.uid': text(at(involved, 'uid')),
      'involvedObject.apiVersion': text(at(involved, 'apiVersion')),
      'involvedObject.resourceVersion': text(at(involved, 'resourceVersion')),
      'involvedObject.fieldPath': text(at(involved, 'fieldPath')),
      reason: text(at(event, 'reason')),
      reportingComponent: text(at(event, 'reportingComponent')),
      source: text(at(at(event, 'source'), 'component')),
      type: text(at(event, 'type')),
    };
  },
};

/**
 * events.k8s.io/v1 reads the same stored objects (events are stored as core/v1 Events) under other names:
 * `regarding.*` for `involvedObject.*` and `reportingController` for `reportingComponent`.
 */
export const eventsV1Fields: FieldSelectorSpec = {
  ...eventFields,
  keys: [...involvedObjectKeys.map((k) => `regarding.${k}`), 'reason', 'reportingController', 'source', 'type', 'metadata.namespace', 'metadata.name'],
  aliases: {
    ...Object.fromEntries(involvedObjectKeys.map((k) => [`regarding.${k}`, `involvedObject.${k}`])),
    reportingController: 'reportingComponent',
  },
};

export const namespaceFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'status.phase'],
  style: 'converter',
  fields: (ns) => ({ 'metadata.name': ns.metadata.name, 'status.phase': text(at(at(ns, 'status'), 'phase')) }),
};

export const serviceFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'],
  style: 'converter',
  fields: (svc) => ({
    'metadata.name': svc.metadata.name,
    'metadata.namespace': svc.metadata.namespace ?? '',
    'spec.clusterIP': text(at(at(svc, 'spec'), 'clusterIP')),
    'spec.type': text(at(at(svc, 'spec'), 'type')),
  }),
};

export const secretFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace', 'type'],
  style: 'converter',
  fields: (secret) => ({ 'metadata.name': secret.metadata.name, 'metadata.namespace': secret.metadata.namespace ?? '', type: text(at(secret, 'type')) }),
};

/** k/k pkg/apis/core/v1/conversion.go: ReplicationControllers also select on status.replicas. */
export const replicationControllerFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace', 'status.replicas'],
  style: 'converter',
  fields: (rc) => ({
    'metadata.name': rc.metadata.name,
    'metadata.namespace': rc.metadata.namespace ?? '',
    'status.replicas': text(at(at(rc, 'status'), 'replicas')) || '0',
  }),
};

/** k/k pkg/apis/batch/v1/conversion.go: Jobs select on status.successful, and word refusals their own way. */
export const jobFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace', 'status.successful'],
  style: 'kind',
  kind: 'Job',
  fields: (job) => ({
    'metadata.name': job.metadata.name,
    'metadata.namespace': job.metadata.namespace ?? '',
    'status.successful': text(at(at(job, 'status'), 'succeeded')) || '0',
  }),
};

/** k/k pkg/apis/certificates/v1/conversion.go: CSRs select on spec.signerName. */
export const certificateSigningRequestFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'spec.signerName'],
  style: 'converter',
  fields: (csr) => ({ 'metadata.name': csr.metadata.name, 'spec.signerName': text(at(at(csr, 'spec'), 'signerName')) }),
};
