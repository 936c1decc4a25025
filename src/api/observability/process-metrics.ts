import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Buckets of nodejs_gc_duration_seconds: a young-generation collection takes about a millisecond, a full one over a
 * large heap can stop the process for most of a second, and a client sees the difference in its tail latency.
 */
const GC_DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

const GC_DURATION = 'nodejs_gc_duration_seconds';

/** V8's kinds of collection as perf_hooks numbers them, by the names prom-client gives them. */
const GC_KINDS = new Map<number, string>([
  [constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
  [constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, 'weakcb'],
]);

let registry: Registry | undefined;

/**
 * The process's own metrics, as kube-apiserver's /metrics carries its process's (the Prometheus client's
 * process_* collector: CPU seconds, resident memory, start time, file descriptors) and its runtime's (go_*, here
 * Node's nodejs_*: heap, event-loop delay, V8's collections by kind). They describe the process, not a server in it:
 * one set per process, observed from the first server made, however many servers it then runs (a test process
 * makes hundreds).
 */
export function processMetrics(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
    // prom-client's own collector reads the first collection of each batch the observer is given and drops the
    // rest: a full collection right after a young one, in the same turn of the event loop, went uncounted.
    registry.removeSingleMetric(GC_DURATION);
    observeCollections(registry);
  }
  return registry;
}

function observeCollections(into: Registry): void {
  const durations = new Histogram({
    name: GC_DURATION,
    help: 'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
    labelNames: ['kind'],
    buckets: GC_DURATION_BUCKETS,
    registers: [into],
  });
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.observe({ kind: kindOf(entry) }, entry.duration / 1000);
  });
  observer.observe({ entryTypes: ['gc'] });
}

function kindOf(entry: PerformanceEntry): string {
  // A gc entry's detail (node ≥ 16): { kind, flags }.
  const kind = (entry as { detail?: { kind?: number } | null }).detail?.kind;
  return (kind !== undefined && GC_KINDS.get(kind)) || 'unknown';
}
