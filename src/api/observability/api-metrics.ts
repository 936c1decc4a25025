import { Counter, Histogram, Registry } from 'prom-client';
import { processMetrics } from './process-metrics.js';
import { REQUEST_LABEL_NAMES, type RequestLabels } from './request-labels.js';

/**
 * Latency buckets of apiserver_request_duration_seconds (apiserver pkg/endpoints/metrics/metrics.go): fine
 * below a second, where reads live, and up to a minute, where watches and slow lists end up.
 */
const DURATION_BUCKETS = [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60];

type CounterLabel = (typeof REQUEST_LABEL_NAMES)[number] | 'code';
type DurationLabel = (typeof REQUEST_LABEL_NAMES)[number];

/**
 * The server's Prometheus metrics, in a registry of their own (not prom-client's global one) so that several
 * servers in one jest process count separately. Names and labels are the real API server's. /metrics serves them
 * with the process's own (process-metrics.ts).
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<CounterLabel>;
  private readonly durations: Histogram<DurationLabel>;

  constructor() {
    // The process's collectors observe from now on: a collection before the first scrape is counted too.
    processMetrics();
    this.requests = new Counter({
      name: 'apiserver_request_total',
      help: 'Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
      labelNames: [...REQUEST_LABEL_NAMES, 'code'],
      registers: [this.registry],
    });
    this.durations = new Histogram({
      name: 'apiserver_request_duration_seconds',
      help: 'Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.',
      labelNames: [...REQUEST_LABEL_NAMES],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /** Records one finished request (for a watch: one ended watch, its duration the time it stayed open). */
  observe(labels: RequestLabels, code: number, seconds: number): void {
    this.requests.inc({ ...labels, code: String(code) });
    this.durations.observe({ ...labels }, seconds);
  }

  /** The metrics in Prometheus text exposition format. */
  text(): Promise<string> {
    return Registry.merge([this.registry, processMetrics()]).metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
