import { requiredNodeNames } from '../../../../src/cluster/simulation/scheduler/node-affinity.js';

type Term = { matchFields?: { key: string; operator: string; values?: string[] }[]; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
const withTerms = (...terms: Term[]) => ({
  containers: [],
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
});
const names = (...values: string[]): Term => ({ matchFields: [{ key: 'metadata.name', operator: 'In', values }] });

describe('requiredNodeNames (the NodeAffinity PreFilter)', () => {
  test('no required affinity, or no terms: every node', () => {
    expect(requiredNodeNames(undefined)).toBeUndefined();
    expect(requiredNodeNames({ containers: [] })).toBeUndefined();
    expect(requiredNodeNames(withTerms())).toBeUndefined();
  });

  test('the names of a term, in name order, once each', () => {
    expect(requiredNodeNames(withTerms(names('node3', 'node1', 'node3')))).toEqual(['node1', 'node3']);
  });

  test("a term's name requirements intersect, the terms unite", () => {
    const term: Term = { matchFields: [...(names('a', 'b', 'c').matchFields ?? []), ...(names('b', 'c', 'd').matchFields ?? [])] };
    expect(requiredNodeNames(withTerms(term, names('e')))).toEqual(['b', 'c', 'e']);
  });

  test('a term without a name requirement lets any node in, whatever the other terms say', () => {
    expect(requiredNodeNames(withTerms(names('a'), { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }))).toBeUndefined();
    expect(requiredNodeNames(withTerms({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['a'] }] }))).toBeUndefined();
  });

  test('terms that name no node in common are left to the filters', () => {
    const term: Term = { matchFields: [...(names('a').matchFields ?? []), ...(names('b').matchFields ?? [])] };
    expect(requiredNodeNames(withTerms(term))).toBeUndefined();
  });
});
