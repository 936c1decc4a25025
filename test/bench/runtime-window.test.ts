import { describeRuntime, parseRuntimeFigures, runtimeBetween } from '../../bench/runtime-window.js';
import { ApiMetrics } from '../../src/api/observability/index.js';
import { collectedAndObserved } from '../support/collections-observed.js';
import { releaseGarbage } from '../../src/release-garbage.js';

const scrape = (gc: string, lag: string): string =>
  [
    '# HELP nodejs_gc_duration_seconds Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
    '# TYPE nodejs_gc_duration_seconds histogram',
    ...gc.split(';').filter(Boolean),
    '# TYPE nodejs_eventloop_lag_max_seconds gauge',
    `nodejs_eventloop_lag_max_seconds ${lag}`,
  ].join('\n');

describe("a server process's runtime over a measurement", () => {
  it('takes the collections by kind between two scrapes, and the longest delay the second saw', () => {
    const before = parseRuntimeFigures(
      scrape(
        'nodejs_gc_duration_seconds_bucket{le="0.001",kind="minor"} 3;nodejs_gc_duration_seconds_sum{kind="minor"} 0.02;nodejs_gc_duration_seconds_count{kind="minor"} 10;' +
          'nodejs_gc_duration_seconds_sum{kind="major"} 0.5;nodejs_gc_duration_seconds_count{kind="major"} 2',
        '0.004',
      ),
    );
    const after = parseRuntimeFigures(
      scrape(
        'nodejs_gc_duration_seconds_sum{kind="minor"} 0.2;nodejs_gc_duration_seconds_count{kind="minor"} 50;' +
          'nodejs_gc_duration_seconds_sum{kind="major"} 1.19;nodejs_gc_duration_seconds_count{kind="major"} 3;' +
          'nodejs_gc_duration_seconds_sum{kind="weakcb"} 0.001;nodejs_gc_duration_seconds_count{kind="weakcb"} 1',
        '0.702',
      ),
    );
    const window = runtimeBetween(before, after);

    expect(window.collections.get('major')).toEqual({ count: 1, seconds: expect.closeTo(0.69, 6) as number });
    expect(window.collections.get('minor')).toEqual({ count: 40, seconds: expect.closeTo(0.18, 6) as number });
    expect(window.longestDelayMs).toBeCloseTo(702, 6);
    expect(describeRuntime(window)).toBe('V8 collections 1 major (690 ms), 40 minor (180 ms), 1 weakcb (1 ms); longest event-loop delay 702 ms');
  });

  it('says nothing of kinds that did not run, nor of a delay not measured', () => {
    const same = parseRuntimeFigures(scrape('nodejs_gc_duration_seconds_sum{kind="minor"} 0.2;nodejs_gc_duration_seconds_count{kind="minor"} 50', 'Nan'));
    const window = runtimeBetween(same, same);
    expect(window.collections.size).toBe(0);
    expect(window.longestDelayMs).toBeUndefined();
    expect(describeRuntime(window)).toBe('');
  });

  // The event-loop maximum needs the monitor's timer to have run (every 10 ms): the unit cases above read it.
  it("reads the collections a kubefacade server's /metrics carries", async () => {
    const metrics = new ApiMetrics();
    const before = parseRuntimeFigures(await metrics.text());
    await collectedAndObserved(releaseGarbage);
    const window = runtimeBetween(before, parseRuntimeFigures(await metrics.text()));
    expect(window.collections.get('major')?.count).toBeGreaterThanOrEqual(1);
  });
});
