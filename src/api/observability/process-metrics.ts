import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Buckets of nodejs_gc_duration_seconds: a young-generation collection takes about a millisecond, a full one over a
 * large heap can stop the process for most of a second, and a client sees the difference in its tail latency.
 */
const GC_DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

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
    collectDefaultMetrics({ register: registry, gcDurationBuckets: GC_DURATION_BUCKETS });
  }
  return registry;
}
