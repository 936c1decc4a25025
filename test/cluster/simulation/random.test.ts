import { SeededRandom } from '../../../src/cluster/simulation/random.js';

const draw = (random: SeededRandom, n: number): number[] => Array.from({ length: n }, () => random.next());

describe('SeededRandom', () => {
  test('the same seed gives the same sequence; another seed another one', () => {
    expect(draw(new SeededRandom(42), 5)).toEqual(draw(new SeededRandom(42), 5));
    expect(draw(new SeededRandom(42), 5)).not.toEqual(draw(new SeededRandom(43), 5));
    expect(draw(new SeededRandom('demo'), 3)).toEqual(draw(new SeededRandom('demo'), 3));
  });

  test('numbers stay in their ranges', () => {
    const random = new SeededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const int = random.int(3, 5);
      expect([3, 4, 5]).toContain(int);
    }
  });

  test('int() reaches both ends of its range', () => {
    const random = new SeededRandom(9);
    const seen = new Set(Array.from({ length: 200 }, () => random.int(0, 3)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  test.each([1, 16, 64])('hex(%i) gives that many lowercase hex digits', (length) => {
    expect(new SeededRandom(5).hex(length)).toMatch(new RegExp(`^[0-9a-f]{${length}}$`));
  });

  test('pick() chooses from the list and refuses an empty one', () => {
    const random = new SeededRandom(3);
    expect(['a', 'b', 'c']).toContain(random.pick(['a', 'b', 'c']));
    expect(() => random.pick([])).toThrow('pick from an empty list');
  });

  test('a forked stream does not depend on how much the parent drew', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    draw(b, 10);
    expect(draw(a.fork('scheduler'), 3)).toEqual(draw(b.fork('scheduler'), 3));
    expect(draw(a.fork('scheduler'), 3)).not.toEqual(draw(a.fork('kubelet/node1'), 3));
  });
});
