import { SortedKeys } from '../../../src/cluster/store/sorted-keys.js';

/** A small deterministic generator (mulberry32), so every run makes the same operations. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SortedKeys', () => {
  it.each([4, 64, undefined])('reads in byte order whatever order keys came in, as few or as many at a time (runs of %s)', (chunkSize) => {
    for (const batch of [1, 3, 40, 500]) {
      const next = random(batch);
      const keys = new SortedKeys(chunkSize);
      const model = new Set<string>();
      for (let round = 0; round < 60; round++) {
        for (let i = 0; i < batch; i++) {
          const key = `ns-${Math.floor(next() * 5)}/pod-${Math.floor(next() * 4000)}`;
          if (model.has(key)) continue;
          model.add(key);
          keys.add(key);
        }
        // Removes a few present keys (and one absent), then reads.
        for (const key of [...model].filter(() => next() < 0.2)) {
          model.delete(key);
          keys.remove(key);
        }
        keys.remove('ns-9/absent');
        const expected = [...model].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect([...keys.from(undefined)]).toEqual(expected);
        expect(keys.size).toBe(expected.length);
        const after = expected[Math.floor(expected.length / 2)];
        expect([...keys.from(after, 'ns-2/')]).toEqual(expected.filter((key) => after !== undefined && key > after && key.startsWith('ns-2/')));
        expect(keys.countFrom(undefined, 'ns-3/')).toBe(expected.filter((key) => key.startsWith('ns-3/')).length);
        expect(keys.countFrom(after, 'ns-2/')).toBe(expected.filter((key) => after !== undefined && key > after && key.startsWith('ns-2/')).length);
        expect(keys.countFrom(after)).toBe(expected.filter((key) => after !== undefined && key > after).length);
      }
    }
  });

  it('keeps its order through a long life of single additions and removals (an index whose keys come and go)', () => {
    const next = random(7);
    const keys = new SortedKeys(8);
    const model = new Set<string>();
    for (let step = 0; step < 20_000; step++) {
      const key = `k-${String(Math.floor(next() * 600)).padStart(4, '0')}`;
      if (model.has(key)) {
        model.delete(key);
        keys.remove(key);
      } else {
        model.add(key);
        keys.add(key);
      }
      if (step % 500 === 0) expect([...keys.from(undefined)]).toEqual([...model].sort());
    }
    expect([...keys.from(undefined)]).toEqual([...model].sort());
    expect(keys.size).toBe(model.size);
    for (const key of [...model]) keys.remove(key);
    expect(keys.size).toBe(0);
    expect([...keys.from(undefined)]).toEqual([]);
    expect(keys.countFrom(undefined)).toBe(0);
  });

  it('keeps keys appended in order without sorting them', () => {
    const keys = SortedKeys.of('a', 'b', 'c');
    keys.add('d');
    keys.remove('b');
    expect([...keys.from(undefined)]).toEqual(['a', 'c', 'd']);
    keys.add('b');
    keys.add('aa');
    expect([...keys.from('a')]).toEqual(['aa', 'b', 'c', 'd']);
  });
});
