import { releaseGarbage } from '../../src/release-garbage.js';

/** Makes some 40 MiB of objects that nothing reaches once it returns. */
function makeGarbage(): number {
  const garbage = Array.from({ length: 16 }, (_, n) => Array.from({ length: 2 ** 15 }, (_, i) => ({ i, text: `item ${n}/${i}` })));
  return garbage.length;
}

describe('releasing the garbage of a load', () => {
  it('collects what nothing reaches any more before it resolves', async () => {
    expect(makeGarbage()).toBe(16);
    const holding = process.memoryUsage().heapUsed;
    await releaseGarbage();
    // A full collection frees it whatever the young generation did meanwhile.
    expect(holding - process.memoryUsage().heapUsed).toBeGreaterThan(20 * 2 ** 20);
  });
});
