import { getHeapSpaceStatistics } from 'node:v8';
import { compactionPays, releaseGarbage } from '../../src/release-garbage.js';

const MiB = 2 ** 20;

/** Some 40 MiB of objects that nothing reaches once it returns. */
function makeGarbage(): number {
  const garbage = Array.from({ length: 16 }, (_, n) => Array.from({ length: 2 ** 15 }, (_, i) => ({ i, text: `item ${n}/${i}` })));
  return garbage.length;
}

/** A quarter of some 400 MiB of small objects kept, spread over pages that are three quarters garbage. */
function fragment(): { i: number; text: string }[] {
  const all = Array.from({ length: 2 ** 22 }, (_, i) => ({ i, text: `object ${i}` }));
  return all.filter((_, i) => i % 4 === 0);
}

describe('releasing the garbage of a load', () => {
  it('collects what nothing reaches any more before it resolves', () => {
    expect(makeGarbage()).toBe(16);
    const holding = process.memoryUsage().heapUsed;
    releaseGarbage();
    // A full collection frees it whatever the young generation did meanwhile.
    expect(holding - process.memoryUsage().heapUsed).toBeGreaterThan(20 * MiB);
  });

  it('compacts the pages what survives is scattered over, so the heap holds little more than what lives', () => {
    const kept = fragment();
    // Whether it pays depends on what else this process holds (other test files before this one): asked for here.
    releaseGarbage({ compact: 'always' });
    const { heapTotal, heapUsed } = process.memoryUsage();
    expect(kept).toHaveLength(2 ** 20);
    // Without compaction the kept quarter pins most of the pages it was spread over: 246 MiB of them measured alone,
    // more beside other test files. With it, what is left is the rest of the process's own (75 MiB at most seen in CI).
    expect(heapTotal - heapUsed).toBeLessThan(128 * MiB);
  });
});

describe('whether compacting pays', () => {
  it('is when more than half the pages hold nothing live after the collection, as the heaps of replays measured', () => {
    // A 150,000-pod month lived through left 943 MiB live on 2,233 MiB of pages: compacting it frees 1.2 GiB.
    expect(compactionPays({ heapTotal: 2_233 * MiB, heapUsed: 943 * MiB })).toBe(true);
    // With its workloads settled, 860 MiB on 1,359 MiB: 1.4 GiB resident without it, and 3.6 s saved.
    expect(compactionPays({ heapTotal: 1_359 * MiB, heapUsed: 860 * MiB })).toBe(false);
  });
});

const youngGeneration = (): number => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

describe('after the release', () => {
  it('keeps the young generation as large as it had grown, so requests are not scavenged every few dozen', () => {
    // A load keeps most of what it allocates: V8 grows the young generation for it.
    const kept = Array.from({ length: 2 ** 21 }, (_, i) => ({ i }));
    const grown = youngGeneration();
    releaseGarbage();
    expect(kept).toHaveLength(2 ** 21);
    expect(grown).toBeGreaterThan(2 * MiB);
    expect(youngGeneration()).toBeGreaterThanOrEqual(grown);
  });
});
