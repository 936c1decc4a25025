import { boundedMemo } from '../../../src/cluster/meta/index.js';

describe('boundedMemo', () => {
  test("makes each key's value once and gives the same value after", () => {
    const made: string[] = [];
    const upper = boundedMemo((text: string) => {
      made.push(text);
      return { text: text.toUpperCase() };
    });
    const first = upper('nginx');
    expect(upper('nginx')).toBe(first);
    expect(upper('redis')).toEqual({ text: 'REDIS' });
    expect(made).toEqual(['nginx', 'redis']);
  });

  test('forgets every value at once when the limit is reached, and makes them again when asked', () => {
    const made: number[] = [];
    const double = boundedMemo((n: number) => {
      made.push(n);
      return n * 2;
    }, 2);
    expect([double(1), double(2), double(1)]).toEqual([2, 4, 2]);
    expect(double(3)).toBe(6);
    expect(double(1)).toBe(2);
    expect(made).toEqual([1, 2, 3, 1]);
  });
});
