import { contentionBetween, describeContention, measureContention, parseSchedstat, parseStatCpuTicks } from '../../bench/cpu-contention.js';

describe('CPU contention around a measurement', () => {
  it('reads run and wait nanoseconds from schedstat', () => {
    expect(parseSchedstat('17822438828 6114821787 23665\n')).toEqual({ runNs: 17822438828, waitNs: 6114821787 });
    expect(parseSchedstat('')).toBeUndefined();
  });

  it('reads utime + stime after the last parenthesis of stat, whatever the name holds', () => {
    const rest = 'S 2 0 0 0 -1 2129984 0 0 0 0 4111 28930 0 0 20 0 1 0 28 0 0 18446744073709551615';
    expect(parseStatCpuTicks(`84 (kdamond.0) ${rest}`)).toBe(4111 + 28930);
    expect(parseStatCpuTicks(`9 (a) (b c) ${rest}`)).toBe(4111 + 28930);
    expect(parseStatCpuTicks('')).toBeUndefined();
  });

  it('turns two snapshots into milliseconds (ticks are hundredths of a second)', () => {
    const contention = contentionBetween(
      { thread: { runNs: 1e9, waitNs: 2e8 }, kdamondTicks: 100 },
      { thread: { runNs: 3.5e9, waitNs: 9e8 }, kdamondTicks: 128 },
    );
    expect(contention).toEqual({ ranMs: 2500, waitedMs: 700, kdamondMs: 280 });
    expect(describeContention(contention)).toBe('main thread waited 700 ms for a CPU (ran 2,500 ms); kdamond ran 280 ms');
  });

  it('says nothing it could not read', () => {
    const contention = contentionBetween({ thread: undefined, kdamondTicks: undefined }, { thread: undefined, kdamondTicks: undefined });
    expect(contention).toEqual({ ranMs: undefined, waitedMs: undefined, kdamondMs: undefined });
    expect(describeContention(contention)).toBeUndefined();
  });

  it('measures this process around a piece of work and returns its result', async () => {
    // Work of some tens of milliseconds: the kernel adds a running thread's time to schedstat at its scheduler ticks
    // (4 ms apart at 250 Hz), so a read during a shorter piece of work could find it unchanged.
    const { result, contention } = await measureContention(process.pid, () => {
      let sum = 0;
      for (let i = 0; i < 5e7; i++) sum += i;
      return Promise.resolve(sum);
    });
    expect(result).toBe((5e7 * (5e7 - 1)) / 2);
    if (process.platform === 'linux') expect(contention.ranMs).toBeGreaterThan(0);
    else expect(contention.ranMs).toBeUndefined();
  });
});
