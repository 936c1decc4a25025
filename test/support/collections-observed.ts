import { parseRuntimeFigures } from '../../bench/runtime-window.js';
import { processMetrics } from '../../src/api/observability/process-metrics.js';

/** How many full collections the process's metrics have counted, read as the bench reads a server's /metrics. */
async function majorCollections(): Promise<number> {
  return parseRuntimeFigures(await processMetrics().metrics()).collections.get('major')?.count ?? 0;
}

/**
 * Runs `collect` (which makes V8 collect the whole heap) and resolves once the process's metrics have counted it.
 * Node hands a collection to its observers a turn or two of the event loop later (node_perf.cc, then
 * internal/perf/observe.js), later on a busy machine: turns are waited for, a bounded number, not a time.
 */
export async function collectedAndObserved(collect: () => void): Promise<void> {
  const before = await majorCollections();
  collect();
  for (let turn = 0; turn < 1000 && (await majorCollections()) === before; turn++) await new Promise((resolve) => setImmediate(resolve));
}
