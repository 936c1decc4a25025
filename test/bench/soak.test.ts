import { lastLiveHeapMiB } from '../../bench/soak.js';

describe("the soak's live heap", () => {
  it('is what the last full collection left, from the lines of --trace-gc --trace-gc-ignore-scavenger', () => {
    const output = [
      '[2741:0x5d7e2c0]    17388 ms: Mark-Compact 479.5 (510.6) -> 282.0 (510.8) MB, 10.82 / 0.13 ms  (average mu = 0.989) finalize incremental marking via task; GC in old space requested',
      'kubefacade 0.1.0 serving http://127.0.0.1:40123',
      '[2741:0x5d7e2c0]    20017 ms: Mark-Compact (reduce) 300.1 (400.0) -> 120.5 (200.0) MB, 5.10 / 0.00 ms  (average mu = 0.990) memory reducer',
    ].join('\n');
    expect(lastLiveHeapMiB(output)).toBe(120.5);
  });

  it('is unknown before any full collection', () => {
    expect(lastLiveHeapMiB('[2741:0x5d7e2c0]       12 ms: Scavenge 3.9 (4.2) -> 3.5 (5.2) MB, 0.8 / 0.0 ms')).toBeUndefined();
  });
});
