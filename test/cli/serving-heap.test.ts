import { spawnSync } from 'node:child_process';
import { SERVING_HEAP_FLAG } from '../../src/serving-heap.js';

/**
 * A process that first keeps 300,000 objects from one allocation site (a list held while it is written), then makes
 * 3,000,000 more there that die at once (requests' objects), and prints how much its old generation grew over the
 * second part, in MiB. `flag` is set at its start as `servingHeap` sets it. The site makes a nested literal: V8
 * tracks the sites of literals that hold literals (and arrays), not flat ones.
 */
function oldGenerationGrowthMiB(flag: string | undefined): number {
  const script = `
    import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
    ${flag === undefined ? '' : `setFlagsFromString(${JSON.stringify(flag)});`}
    const oldUsed = () => getHeapSpaceStatistics().find((space) => space.space_name === 'old_space').space_used_size;
    function make(i) { return { index: i, meta: { label: 'x' } }; }
    const kept = [];
    for (let i = 0; i < 300000; i++) kept.push(make(i));
    const before = oldUsed();
    let last;
    for (let i = 0; i < 3000000; i++) last = make(i);
    console.log((oldUsed() - before) / 2 ** 20, kept.length + last.index);
  `;
  // Single-threaded: optimized code is compiled when asked, not by a thread a busy machine may keep waiting, so the
  // site's feedback is the same from run to run.
  const run = spawnSync(process.execPath, ['--single-threaded', '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout.split(' ')[0]);
}

describe("a serving process's heap", () => {
  // What the flag is for: V8 left to itself makes a long-lived-looking site's later objects in the old generation.
  it('would fill the old generation with short-lived objects once a site has made long-lived ones', () => {
    // 81.9 MiB measured, the same in every run.
    expect(oldGenerationGrowthMiB(undefined)).toBeGreaterThan(40);
  });

  it('makes them young once the flag is set, even after the process has started', () => {
    // 6.3 MiB measured: the last of the kept objects, promoted.
    expect(oldGenerationGrowthMiB(SERVING_HEAP_FLAG)).toBeLessThan(20);
  });
});
