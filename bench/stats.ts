/** Order statistics of a sample: nearest-rank percentiles, as load testers (wrk2, k6) report them. */

/** The p-th percentile (0 < p ≤ 100) by nearest rank, or undefined for an empty sample. Sorts a copy. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The smallest value, without spreading the sample into Math.min (which overflows the stack past ~100,000). */
export function minimum(values: readonly number[]): number | undefined {
  let least: number | undefined;
  for (const value of values) if (least === undefined || value < least) least = value;
  return least;
}
