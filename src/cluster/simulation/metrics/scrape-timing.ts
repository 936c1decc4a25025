import type { SeededRandom } from '../random.js';

/** metrics-server's default --metric-resolution: how often it scrapes every kubelet. */
export const METRIC_RESOLUTION_MS = 15_000;
/**
 * A container started this recently has no usage yet: metrics-server needs two points, and takes the start
 * as the first only once the container has run this long (pkg/storage/pod.go freshContainerMinMetricsResolution).
 */
export const FRESH_CONTAINER_MIN_MS = 10_000;
/** How far a kubelet's cpu statistics lag behind the scrape (cadvisor's housekeeping interval). */
const MAX_LAG_MS = 5_000;

/** The newer of the two samples metrics-server computes usage from, and the time since the older one. */
export interface Sample {
  timestamp: number;
  windowMs: number;
}

/**
 * When the simulated metrics-server scraped each node: every METRIC_RESOLUTION_MS from a seeded offset after the
 * cluster's start, each node's statistics a seeded few seconds older than the scrape. So the window between two
 * samples varies between 10 and 20 seconds ("20.05s"), and the same seed gives the same instants relative to
 * the start.
 */
export class ScrapeTiming {
  private readonly offset: number;

  constructor(
    private readonly random: SeededRandom,
    origin = 0,
  ) {
    this.offset = origin + random.fork('scrape-offset').int(0, METRIC_RESOLUTION_MS - 1);
  }

  /** The latest sample of `node` taken at or before `now`. */
  sampleAt(node: string, now: number): Sample {
    const scrape = Math.floor((now - this.offset) / METRIC_RESOLUTION_MS);
    const timestamp = this.statisticsTime(node, scrape);
    return { timestamp, windowMs: timestamp - this.statisticsTime(node, scrape - 1) };
  }

  private statisticsTime(node: string, scrape: number): number {
    return this.offset + scrape * METRIC_RESOLUTION_MS - this.random.fork(`lag/${node}/${scrape}`).int(0, MAX_LAG_MS - 1);
  }
}
