import type { KubeObject } from '../../../src/cluster/objects.js';
import type { FieldSelectorSpec } from '../../../src/cluster/resources/resource-type.js';
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
} from '../../../src/cluster/resources/selectable-fields.js';
import { checkFieldSelector, matchesFields, parseFieldSelector, SelectorError } from '../../../src/cluster/selectors/index.js';

function checkError(text: string, spec: FieldSelectorSpec): string {
  try {
    checkFieldSelector(parseFieldSelector(text), spec);
  } catch (error) {
    if (error instanceof SelectorError) return error.message;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

const DEFAULT_MESSAGE = (key: string): string => `"${key}" is not a known field selector: only "metadata.name", "metadata.namespace"`;

describe('checkFieldSelector', () => {
  test.each<[string, FieldSelectorSpec, string]>([
    ['pods', podFields, 'spec.nodeName=n1,status.phase!=Failed,metadata.namespace=default'],
    ['pods', podFields, 'spec.hostNetwork=true,status.podIP=10.0.0.1,status.podIPs=,status.nominatedNodeName='],
    ['nodes', nodeFields, 'metadata.name=n1,spec.unschedulable=false'],
    ['events', eventFields, 'involvedObject.kind=Node,involvedObject.name=n1,involvedObject.namespace=,involvedObject.uid=u'],
    ['configmaps', defaultFields, 'metadata.name=a,metadata.namespace=b'],
  ])('accepts the keys %s support: %j', (_resource, spec, text) => {
    expect(checkFieldSelector(parseFieldSelector(text), spec).toString()).toBe(parseFieldSelector(text).toString());
  });

  test.each<[string, FieldSelectorSpec, string, string]>([
    ['pods', podFields, 'foo=bar', 'field label not supported: foo'],
    ['pods', podFields, 'status.hostIP=10.0.0.1', 'field label not supported: status.hostIP'],
    ['nodes', nodeFields, 'metadata.namespace=default', 'field label not supported: metadata.namespace'],
    ['events', eventFields, 'regarding.name=web', 'field label not supported: regarding.name'],
    ['events.k8s.io', eventsV1Fields, 'involvedObject.name=web', 'field label not supported: involvedObject.name'],
    ['configmaps', defaultFields, 'data.key=x', DEFAULT_MESSAGE('data.key')],
    ['configmaps', defaultFields, '=x', DEFAULT_MESSAGE('')],
    ['configmaps', defaultFields, 'a"b=x', DEFAULT_MESSAGE('a\\"b')],
    // The terms are checked in sorted order, so "aaa" is reported although it comes second.
    ['pods', podFields, 'zzz=1,aaa=2', 'field label not supported: aaa'],
  ])('refuses on %s %j with %j', (_resource, spec, text, message) => {
    expect(checkError(text, spec)).toBe(message);
  });

  test('reads events.k8s.io keys as the stored core fields they name', () => {
    const checked = checkFieldSelector(parseFieldSelector('regarding.name=web,reportingController=kubelet'), eventsV1Fields);
    expect(checked.toString()).toBe('involvedObject.name=web,reportingComponent=kubelet');
  });

  test('rewrites the legacy pod key spec.host to spec.nodeName, keeping operator and value', () => {
    const checked = checkFieldSelector(parseFieldSelector('spec.host!=n1,metadata.name=web'), podFields);
    expect(checked.requirements).toEqual([
      { field: 'metadata.name', operator: 'Equals', value: 'web' },
      { field: 'spec.nodeName', operator: 'NotEquals', value: 'n1' },
    ]);
    expect(checked.toString()).toBe('metadata.name=web,spec.nodeName!=n1');
  });

  test('lets a rewritten key be used to pick an index', () => {
    expect(checkFieldSelector(parseFieldSelector('spec.host=n1'), podFields).requiredValue('spec.nodeName')).toBe('n1');
  });

  test('does not treat inherited object properties as aliases', () => {
    expect(checkError('constructor=x', podFields)).toBe('field label not supported: constructor');
  });
});

describe('matchesFields', () => {
  const pod = (name: string, nodeName: string, phase: string): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName },
    status: { phase, podIPs: [{ ip: '10.0.0.7' }] },
  });

  test.each<[string, KubeObject, boolean]>([
    ['spec.host=n1', pod('a', 'n1', 'Running'), true],
    ['spec.host=n1', pod('a', 'n2', 'Running'), false],
    ['spec.nodeName=n1,status.phase!=Succeeded,status.phase!=Failed', pod('a', 'n1', 'Running'), true],
    ['spec.nodeName=n1,status.phase!=Succeeded,status.phase!=Failed', pod('a', 'n1', 'Failed'), false],
    ['status.podIP=10.0.0.7', pod('a', 'n1', 'Running'), true],
    ['status.podIPs=', pod('a', 'n1', 'Running'), true],
    ['', pod('a', 'n1', 'Running'), true],
  ])('pods %j on %j is %s', (text, object, expected) => {
    const selector = checkFieldSelector(parseFieldSelector(text), podFields);
    expect(matchesFields(selector, podFields, object)).toBe(expected);
  });
});

describe('the field sets objects are selected by', () => {
  const meta = (name: string, namespace?: string): KubeObject['metadata'] => (namespace === undefined ? { name } : { name, namespace });

  test('a pod: every key, the first of status.podIPs as status.podIP, a missing field as ""', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('web-1', 'shop'),
      spec: { nodeName: 'n1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'web', hostNetwork: true },
      status: { phase: 'Running', podIP: '10.9.9.9', podIPs: [{ ip: '10.1.1.1' }, { ip: 'fd00::1' }] },
    };
    expect(podFields.fields(pod)).toEqual({
      'metadata.name': 'web-1',
      'metadata.namespace': 'shop',
      'spec.nodeName': 'n1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'web',
      'spec.hostNetwork': 'true',
      'status.phase': 'Running',
      'status.podIP': '10.1.1.1',
      'status.nominatedNodeName': '',
    });
    const bare: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: meta('new', 'shop'), spec: { nodeName: null }, status: { podIP: '10.2.2.2' } };
    expect(podFields.fields(bare)).toMatchObject({ 'spec.nodeName': '', 'spec.hostNetwork': 'false', 'status.phase': '', 'status.podIP': '10.2.2.2' });
  });

  test('an event: its involved object, reason, reporting component, source component and type', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta('web-1.1', 'shop'),
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'web-1', uid: 'u1', apiVersion: 'v1', resourceVersion: '7', fieldPath: 'spec.containers{web}' },
      reason: 'Started',
      source: { component: 'kubelet', host: 'n1' },
      type: 'Normal',
    };
    expect(eventFields.fields(event)).toEqual({
      'metadata.name': 'web-1.1',
      'metadata.namespace': 'shop',
      'involvedObject.kind': 'Pod',
      'involvedObject.namespace': 'shop',
      'involvedObject.name': 'web-1',
      'involvedObject.uid': 'u1',
      'involvedObject.apiVersion': 'v1',
      'involvedObject.resourceVersion': '7',
      'involvedObject.fieldPath': 'spec.containers{web}',
      reason: 'Started',
      reportingComponent: '',
      source: 'kubelet',
      type: 'Normal',
    });
  });

  test('the other kinds with fields of their own', () => {
    expect(nodeFields.fields({ apiVersion: 'v1', kind: 'Node', metadata: meta('n1'), spec: { unschedulable: true } })).toEqual({
      'metadata.name': 'n1',
      'spec.unschedulable': 'true',
    });
    expect(namespaceFields.fields({ apiVersion: 'v1', kind: 'Namespace', metadata: meta('shop'), status: { phase: 'Active' } })).toEqual({
      'metadata.name': 'shop',
      'status.phase': 'Active',
    });
    expect(serviceFields.fields({ apiVersion: 'v1', kind: 'Service', metadata: meta('web', 'shop'), spec: { clusterIP: 'None', type: 'ClusterIP' } })).toEqual({
      'metadata.name': 'web',
      'metadata.namespace': 'shop',
      'spec.clusterIP': 'None',
      'spec.type': 'ClusterIP',
    });
    expect(secretFields.fields({ apiVersion: 'v1', kind: 'Secret', metadata: meta('tls', 'shop'), type: 'kubernetes.io/tls' })).toEqual({
      'metadata.name': 'tls',
      'metadata.namespace': 'shop',
      type: 'kubernetes.io/tls',
    });
    // A count the status does not hold yet reads as 0, as the conversion functions format the integer.
    expect(replicationControllerFields.fields({ apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('rc', 'shop') })).toMatchObject({
      'status.replicas': '0',
    });
    expect(jobFields.fields({ apiVersion: 'batch/v1', kind: 'Job', metadata: meta('j', 'shop'), status: { succeeded: 2 } })).toMatchObject({
      'status.successful': '2',
    });
    expect(
      certificateSigningRequestFields.fields({
        apiVersion: 'certificates.k8s.io/v1',
        kind: 'CertificateSigningRequest',
        metadata: meta('csr'),
        spec: { signerName: 's' },
      }),
    ).toEqual({ 'metadata.name': 'csr', 'spec.signerName': 's' });
    expect(defaultFields.fields({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('c') })).toEqual({ 'metadata.name': 'c', 'metadata.namespace': '' });
  });

  test('an index reads a field as the set does', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: meta('p', 'shop'), spec: {}, status: { phase: 'Pending' } };
    expect([fieldIndex('spec', 'nodeName')(pod), fieldIndex('status', 'phase')(pod)]).toEqual([podFields.fields(pod)['spec.nodeName'], 'Pending']);
  });
});
