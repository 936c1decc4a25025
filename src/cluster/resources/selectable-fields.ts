import type { KubeObject } from '../objects.js';
import type { IndexFunction } from '../store/resource-table.js';
import type { FieldSelectorSpec } from './resource-type.js';

/**
 * Selectable field sets per resource, as the real API server defines them
 * (k/k pkg/apis/core/v1/conversion.go AddFieldLabelConversionFunc* and pkg/registry/core/<r>/strategy.go).
 */

type Fields = Record<string, string>;

function get(object: unknown, path: readonly string[]): unknown {
  let current: unknown = object;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function text(object: unknown, ...path: string[]): string {
  const value = get(object, path);
  if (value === undefined || value === null) return '';
  return String(value);
}

/**
 * An index of a selectable field read as the field set reads it (a missing field is ""), so that the keys under
 * a value are exactly the objects a selector on that value selects.
 */
export const fieldIndex =
  (...path: string[]): IndexFunction =>
  (object) =>
    text(object, ...path);

function metaFields(object: KubeObject, namespaced: boolean): Fields {
  const fields: Fields = { 'metadata.name': object.metadata.name };
  if (namespaced) fields['metadata.namespace'] = object.metadata.namespace ?? '';
  return fields;
}

/** Everything without its own conversion: metadata.name and metadata.namespace only. */
export const defaultFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace'],
  style: 'default',
  fields: (object) => metaFields(object, true),
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
    const podIPs = get(pod, ['status', 'podIPs']);
    const firstIP = Array.isArray(podIPs) && podIPs.length > 0 ? text(podIPs[0], 'ip') : text(pod, 'status', 'podIP');
    return {
      ...metaFields(pod, true),
      'spec.nodeName': text(pod, 'spec', 'nodeName'),
      'spec.restartPolicy': text(pod, 'spec', 'restartPolicy'),
      'spec.schedulerName': text(pod, 'spec', 'schedulerName'),
      'spec.serviceAccountName': text(pod, 'spec', 'serviceAccountName'),
      'spec.hostNetwork': get(pod, ['spec', 'hostNetwork']) === true ? 'true' : 'false',
      'status.phase': text(pod, 'status', 'phase'),
      'status.podIP': firstIP,
      'status.nominatedNodeName': text(pod, 'status', 'nominatedNodeName'),
    };
  },
};

export const nodeFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'spec.unschedulable'],
  style: 'converter',
  fields: (node) => ({
    'metadata.name': node.metadata.name,
    'spec.unschedulable': get(node, ['spec', 'unschedulable']) === true ? 'true' : 'false',
  }),
};

const involvedObjectKeys = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] as const;

export const eventFields: FieldSelectorSpec = {
  keys: [...involvedObjectKeys.map((k) => `involvedObject.${k}`), 'reason', 'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name'],
  style: 'converter',
  fields: (event) => {
    const fields: Fields = { ...metaFields(event, true) };
    for (const k of involvedObjectKeys) fields[`involvedObject.${k}`] = text(event, 'involvedObject', k);
    fields['reason'] = text(event, 'reason');
    fields['reportingComponent'] = text(event, 'reportingComponent');
    fields['source'] = text(event, 'source', 'component');
    fields['type'] = text(event, 'type');
    return fields;
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
  fields: (ns) => ({ 'metadata.name': ns.metadata.name, 'status.phase': text(ns, 'status', 'phase') }),
};

export const serviceFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'],
  style: 'converter',
  fields: (svc) => ({
    ...metaFields(svc, true),
    'spec.clusterIP': text(svc, 'spec', 'clusterIP'),
    'spec.type': text(svc, 'spec', 'type'),
  }),
};

export const secretFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace', 'type'],
  style: 'converter',
  fields: (secret) => ({ ...metaFields(secret, true), type: text(secret, 'type') }),
};

/** k/k pkg/apis/core/v1/conversion.go: ReplicationControllers also select on status.replicas. */
export const replicationControllerFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace', 'status.replicas'],
  style: 'converter',
  fields: (rc) => ({ ...metaFields(rc, true), 'status.replicas': text(rc, 'status', 'replicas') || '0' }),
};

/** k/k pkg/apis/batch/v1/conversion.go: Jobs select on status.successful, and word refusals their own way. */
export const jobFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'metadata.namespace', 'status.successful'],
  style: 'kind',
  kind: 'Job',
  fields: (job) => ({ ...metaFields(job, true), 'status.successful': text(job, 'status', 'succeeded') || '0' }),
};

/** k/k pkg/apis/certificates/v1/conversion.go: CSRs select on spec.signerName. */
export const certificateSigningRequestFields: FieldSelectorSpec = {
  keys: ['metadata.name', 'spec.signerName'],
  style: 'converter',
  fields: (csr) => ({ 'metadata.name': csr.metadata.name, 'spec.signerName': text(csr, 'spec', 'signerName') }),
};
