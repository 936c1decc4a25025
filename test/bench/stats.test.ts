import { median, minimum, percentile } from '../../bench/stats.js';

describe('bench statistics', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[10, 1, 5], 50, 5],
    [[7], 99, 7],
  ])('the nearest-rank percentile of %j at %i is %i', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('has no percentile, median or minimum of nothing', () => {
    expect([percentile([], 50), median([]), minimum([])]).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('the median of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('finds the minimum of a sample too large to spread into Math.min', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => 1000 - (i % 997));
    expect(minimum(values)).toBe(4);
  });

  it('leaves the sample in its order', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
