import type { KubeObject } from '../../../src/cluster/objects.js';
import type { FieldSelectorSpec } from '../../../src/cluster/resources/resource-type.js';
import { defaultFields, eventFields, eventsV1Fields, nodeFields, podFields } from '../../../src/cluster/resources/selectable-fields.js';
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
