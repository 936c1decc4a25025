import { measureContention } from './cpu-contention.js';
import { type OpenLoopOptions, openLoopLoad } from './open-loop-load.js';

/**
 * The GET load's own process: started fresh for each run, so that neither the bench's heap (the clusters it
 * generated, the answers it captured) nor its other work delays a request the way it would delay one sent from the
 * bench's own event loop. Reads its options as JSON from its one argument, writes the result as JSON, with how
 * long its own thread waited for a CPU meanwhile: a load sent late is counted against the server (open loop).
 */
const options = JSON.parse(process.argv[2] ?? '{}') as OpenLoopOptions;
const { result, contention } = await measureContention(process.pid, () => openLoopLoad(options));
process.stdout.write(JSON.stringify({ ...result, loadWaitedMs: contention.waitedMs }));
