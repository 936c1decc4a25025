import { Session } from 'node:inspector/promises';

/**
 * Runs V8's fullest collection (the inspector's HeapProfiler.collectGarbage: every round a heap under pressure
 * would run, then its empty pages returned to the system) and resolves once it is done. Replaying a compact
 * cluster's past makes gigabytes of versions that are dead at the present; V8 would keep their pages resident
 * until its memory reducer ran, long after the server started (a 45,000-pod replay: 1,118 MiB resident at the
 * serving line, 656 MiB after this). Only an optimisation: where the inspector is not built in, it does nothing.
 */
export async function releaseGarbage(): Promise<void> {
  let session: Session;
  try {
    session = new Session();
    session.connect();
  } catch {
    return;
  }
  try {
    await session.post('HeapProfiler.collectGarbage');
  } finally {
    session.disconnect();
  }
}
