import { EventAggregation, type EventKey } from '../../../src/cluster/simulation/event-aggregation.js';

const base: EventKey = {
  component: 'kubelet',
  host: 'node1',
  kind: 'Pod',
  namespace: 'default',
  name: 'web-1',
  fieldPath: 'spec.containers{web}',
  uid: 'uid-web-1',
  apiVersion: 'v1',
  type: 'Normal',
  reason: 'Pulled',
  message: 'Successfully pulled image "nginx"',
};

interface Entry {
  key: EventKey;
  id: number;
}

describe('EventAggregation', () => {
  test('finds an entry by an equal key built anew, and by no key that differs in any one field', () => {
    const aggregation = new EventAggregation<Entry>();
    const entry = { key: base, id: 1 };
    aggregation.set(entry);
    expect(aggregation.get({ ...base, message: `Successfully pulled image ${JSON.stringify('nginx')}` })).toBe(entry);
    for (const field of Object.keys(base) as (keyof EventKey)[]) expect(aggregation.get({ ...base, [field]: `${base[field]}-other` })).toBeUndefined();
  });

  test('keeps apart the keys of one object, and of objects without a uid by kind, namespace and name', () => {
    const aggregation = new EventAggregation<Entry>();
    const pulled = { key: base, id: 1 };
    const started = { key: { ...base, reason: 'Started', message: 'Started container web' }, id: 2 };
    const node = { key: { ...base, kind: 'Node', namespace: '', name: 'node1', uid: '' }, id: 3 };
    const otherNode = { key: { ...node.key, name: 'node2' }, id: 4 };
    for (const entry of [pulled, started, node, otherNode]) aggregation.set(entry);
    expect([pulled, started, node, otherNode].map((entry) => aggregation.get({ ...entry.key })?.id)).toEqual([1, 2, 3, 4]);
  });

  test('set replaces the entry of the same key; delete removes only the entry given', () => {
    const aggregation = new EventAggregation<Entry>();
    const first = { key: base, id: 1 };
    const second = { key: { ...base }, id: 2 };
    const sibling = { key: { ...base, reason: 'Started' }, id: 3 };
    aggregation.set(first);
    aggregation.set(sibling);
    aggregation.set(second);
    expect(aggregation.get(base)).toBe(second);
    aggregation.delete(first);
    expect(aggregation.get(base)).toBe(second);
    aggregation.delete(second);
    expect(aggregation.get(base)).toBeUndefined();
    expect(aggregation.get(sibling.key)).toBe(sibling);
  });

  test('deleteWhere removes what it is told to, across objects', () => {
    const aggregation = new EventAggregation<Entry>();
    const entries = Array.from({ length: 6 }, (_, i) => ({ key: { ...base, uid: `uid-${i % 3}`, reason: `R${i}` }, id: i }));
    for (const entry of entries) aggregation.set(entry);
    aggregation.deleteWhere((entry) => entry.id % 2 === 0);
    expect(entries.map((entry) => aggregation.get(entry.key)?.id)).toEqual([undefined, 1, undefined, 3, undefined, 5]);
  });
});
