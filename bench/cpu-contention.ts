import { readdirSync, readFileSync } from 'node:fs';

/**
 * What else had the CPUs while a server was measured: how long its main thread was ready to run but waiting for a
 * CPU (the kernel's schedstat), and how much CPU the kernel's DAMON monitor threads (`kdamond`) took. On a 2-core
 * virtual machine whose kernel runs DAMON over physical memory, kdamond wakes every sampling interval and works in
 * proportion to the memory processes are touching: a large server under load makes it run longer, and while it runs
 * one of the two CPUs is gone. Linux only; elsewhere every figure is undefined.
 */
export interface Contention {
  /** Milliseconds the server's main thread ran. */
  ranMs: number | undefined;
  /** Milliseconds it was runnable but waiting for a CPU. */
  waitedMs: number | undefined;
  /** Milliseconds of CPU all kdamond threads took (undefined where the kernel runs none). */
  kdamondMs: number | undefined;
}

interface Snapshot {
  thread: { runNs: number; waitNs: number } | undefined;
  kdamondTicks: number | undefined;
}

/** USER_HZ: the unit of utime and stime in /proc/PID/stat, 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** `/proc/PID/schedstat`: nanoseconds on a CPU, nanoseconds waiting on a run queue, time slices. */
export function parseSchedstat(text: string): { runNs: number; waitNs: number } | undefined {
  const [run, wait] = text.trim().split(/\s+/).map(Number);
  return run === undefined || wait === undefined || Number.isNaN(run) || Number.isNaN(wait) ? undefined : { runNs: run, waitNs: wait };
}

/** utime + stime of `/proc/PID/stat`, in ticks. The command name may hold spaces and parentheses: read after the last `)`. */
export function parseStatCpuTicks(text: string): number | undefined {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5); after the name, field 3 (state) is the first.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isNaN(utime) || Number.isNaN(stime) ? undefined : utime + stime;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The CPU ticks of every kdamond thread, or undefined when there is none (or no /proc). */
function kdamondTicks(): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  let total: number | undefined;
  for (const pid of entries) {
    if (!readOrUndefined(`/proc/${pid}/comm`)?.startsWith('kdamond')) continue;
    const ticks = parseStatCpuTicks(readOrUndefined(`/proc/${pid}/stat`) ?? '');
    if (ticks !== undefined) total = (total ?? 0) + ticks;
  }
  return total;
}

function snapshot(pid: number): Snapshot {
  return { thread: parseSchedstat(readOrUndefined(`/proc/${pid}/schedstat`) ?? ''), kdamondTicks: kdamondTicks() };
}

/** The contention over `work` for the server of `pid`. */
export async function measureContention<T>(pid: number | undefined, work: () => Promise<T>): Promise<{ result: T; contention: Contention }> {
  const before = pid === undefined ? undefined : snapshot(pid);
  const result = await work();
  const after = pid === undefined ? undefined : snapshot(pid);
  return { result, contention: contentionBetween(before, after) };
}

export function contentionBetween(before: Snapshot | undefined, after: Snapshot | undefined): Contention {
  const ms = (a: number | undefined, b: number | undefined, perMs: number): number | undefined =>
    a === undefined || b === undefined ? undefined : (b - a) / perMs;
  return {
    ranMs: ms(before?.thread?.runNs, after?.thread?.runNs, 1e6),
    waitedMs: ms(before?.thread?.waitNs, after?.thread?.waitNs, 1e6),
    kdamondMs: ms(before?.kdamondTicks, after?.kdamondTicks, TICKS_PER_SECOND / 1000),
  };
}

/** "main thread waited 980 ms for a CPU (ran 2,961 ms); kdamond ran 280 ms", as much as is known. */
export function describeContention(contention: Contention): string | undefined {
  const parts: string[] = [];
  if (contention.waitedMs !== undefined && contention.ranMs !== undefined) {
    parts.push(
      `main thread waited ${Math.round(contention.waitedMs).toLocaleString('en-US')} ms for a CPU (ran ${Math.round(contention.ranMs).toLocaleString('en-US')} ms)`,
    );
  }
  if (contention.kdamondMs !== undefined) parts.push(`kdamond ran ${Math.round(contention.kdamondMs).toLocaleString('en-US')} ms`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
