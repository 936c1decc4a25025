import {
  checkFieldSelector,
  type KubeObject,
  listObjects,
  loadCluster,
  parseFieldSelector,
  parseLabelSelector,
  registry,
  type ResourceType,
} from '../../../src/cluster/index.js';

/**
 * An index stands in for a field selector only if it puts every object under the value the selector reads: a
 * missing field is "", not left out. Checked for every index the registry declares, on objects that do not honour
 * their types.
 */

const find = (group: string, version: string, plural: string): ResourceType => {
  const type = registry.find(group, version, plural);
  if (!type) throw new Error(`no ${plural}`);
  return type;
};

const meta = { name: 'x', namespace: 'ns' };
const ODD_OBJECTS: Record<string, KubeObject[]> = {
  Pod: [
    { apiVersion: 'v1', kind: 'Pod', metadata: meta },
    { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { nodeName: 'n1' }, status: { phase: 'Running' } },
    { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { nodeName: '' }, status: { phase: '' } },
    { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: { nodeName: null }, status: null },
    { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: 'none', status: { phase: 7 } },
  ],
  Event: [
    { apiVersion: 'v1', kind: 'Event', metadata: meta },
    { apiVersion: 'v1', kind: 'Event', metadata: meta, involvedObject: { kind: 'Pod' } },
    { apiVersion: 'v1', kind: 'Event', metadata: meta, involvedObject: { kind: 'Pod', name: '' } },
    { apiVersion: 'v1', kind: 'Event', metadata: meta, involvedObject: { kind: 'Node', name: 'n1' } },
  ],
};

const declared = registry.types.flatMap((type) => Object.entries(type.indexes ?? {}).map(([field, index]) => ({ type, field, index })));

describe('indexes the registry declares', () => {
  test('are the ones this suite knows objects for', () => {
    expect(declared.map(({ type, field }) => `${type.kind} ${field}`).sort()).toEqual(['Event involvedObject.name', 'Pod spec.nodeName', 'Pod status.phase']);
  });

  test.each(declared.map(({ type, field, index }) => [`${type.kind} ${field}`, type, field, index] as const))(
    '%s indexes every object under the value its field selector reads',
    (_name, type, field, index) => {
      for (const object of ODD_OBJECTS[type.kind] ?? []) expect([object, index(object)]).toEqual([object, type.fieldSelector.fields(object)[field]]);
    },
  );
});

describe('a selector on an indexed field reads only its keys', () => {
  const pods = Array.from({ length: 200 }, (_, i): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: `ns${i % 10}`, name: `p${i}`, labels: { app: `app${i % 50}` } },
    spec: i % 20 === 0 ? {} : { nodeName: `n${i % 40}` },
    status: { phase: i % 25 === 0 ? 'Failed' : 'Running' },
  }));
  const events = Array.from({ length: 200 }, (_, i): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { namespace: `ns${i % 10}`, name: `e${i}` },
    involvedObject: { kind: 'Pod', name: `p${i % 30}` },
  }));
  const cluster = loadCluster({ objects: [...pods, ...events] });

  test.each([
    ['', 'v1', 'pods', 'spec.nodeName=n3', '', 5],
    ['', 'v1', 'pods', 'spec.host=n3', '', 5],
    ['', 'v1', 'pods', 'spec.nodeName=', '', 10],
    ['', 'v1', 'pods', 'status.phase=Failed', '', 8],
    ['', 'v1', 'pods', 'metadata.name=p7', '', 1],
    ['', 'v1', 'pods', 'status.phase=Running', 'app=app7', 4],
    ['', 'v1', 'pods', 'status.phase!=Failed', 'app in (app7,app8)', 8],
    ['', 'v1', 'pods', '', 'app', 200],
    ['', 'v1', 'events', 'involvedObject.name=p3', '', 7],
    ['events.k8s.io', 'v1', 'events', 'regarding.name=p3', '', 7],
  ])('%s/%s %s ?fieldSelector=%s&labelSelector=%s', (group, version, plural, fields, labels, matches) => {
    const type = find(group, version, plural);
    const query = {
      ...(fields ? { fieldSelector: checkFieldSelector(parseFieldSelector(fields), type.fieldSelector) } : {}),
      ...(labels ? { labelSelector: parseLabelSelector(labels) } : {}),
    };
    const result = listObjects(cluster.store, type, query);
    expect(result.items).toHaveLength(matches);
    // What the smallest candidate holds: no more than twice what it returns here, never the 200 of a scan.
    expect(result.examined).toBeLessThanOrEqual(labels === 'app' ? 200 : 2 * matches);
  });
});
