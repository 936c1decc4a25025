import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** A child process the bench started, with what it printed kept for the report. */
export interface Child {
  pid: number;
  process: ChildProcess;
  /** The last lines of stderr (and stdout), for a failure's reason. */
  output(): string;
  /** Resolves with the exit code or signal once it has ended. */
  exited: Promise<string>;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has ended. */
  stop(graceMs?: number): Promise<void>;
}

const TAIL_CHARS = 4000;
/** A terminal escape sequence (the progress line's `\r\x1b[K`), built so: a control character in a literal is lint's alarm. */
const TERMINAL_ESCAPE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

export function startChild(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Child {
  const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env, cwd: options.cwd });
  let tail = '';
  let ended = false;
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      resolve(signal ?? `exit code ${code}`);
    });
    child.once('error', (error) => {
      ended = true;
      tail += `\n${error.message}`;
      resolve(error.message);
    });
  });
  return {
    pid: child.pid ?? -1,
    process: child,
    output: () => tail,
    exited,
    alive: () => !ended,
    stop: async (graceMs = 5000) => {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `pattern` appears in the child's output, resolving with its match; rejects if it ends or times out. */
export function waitForOutput(child: Child, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) finish(() => resolve(match));
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`not ready after ${Math.round(timeoutMs / 1000)} s: ${lastLines(child.output())}`))),
      timeoutMs,
    );
    const finish = (settle: () => void): void => {
      clearTimeout(timer);
      child.process.stdout?.off('data', onData);
      child.process.stderr?.off('data', onData);
      settle();
    };
    child.process.stdout?.on('data', onData);
    child.process.stderr?.on('data', onData);
    void child.exited.then((how) => finish(() => reject(new Error(`exited (${how}) before it was ready: ${lastLines(child.output())}`))));
  });
}

/** The last few meaningful lines of a process's output, on one line: what the table's "why" shows. */
export function lastLines(output: string, count = 3): string {
  const lines = output
    .split('\n')
    .map((line) => line.replace(TERMINAL_ESCAPE, '').replace(/\r/g, '').trim())
    .filter((line) => line !== '');
  return lines.slice(-count).join(' / ').slice(0, 600);
}

/** Resident memory of a process (VmRSS, Linux), or undefined once it has gone. */
export function residentBytes(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function now(): number {
  return performance.now();
}
