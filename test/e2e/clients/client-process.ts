/**
 * The clients of other languages run as child processes: found on this machine (or reported absent, so their suite
 * skips with the reason), run with a timeout, and killed when their suite ends if still running. Their scripts print
 * one result a line (`list apps/v1/Deployment 5`), parsed here into records.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export type Interpreter = { found: true; command: string; version: string } | { found: false; reason: string };

/**
 * The first of `commands` for which `probeArgs` succeeds (the interpreter runs and loads the client library),
 * with what it printed (the library's version); otherwise why none did.
 */
export function findInterpreter(commands: readonly string[], probeArgs: readonly string[], install: string): Interpreter {
  const tried: string[] = [];
  for (const command of commands) {
    const probe = spawnSync(command, probeArgs, { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
    if (probe.status === 0) return { found: true, command, version: probe.stdout.trim() };
    const why = probe.error ? probe.error.message : (probe.stderr.trim().split('\n').at(-1) ?? `exit ${String(probe.status)}`);
    const shown = [command, ...probeArgs.map((arg) => (/\s/.test(arg) ? `'${arg}'` : arg))].join(' ');
    tried.push(`\`${shown}\`: ${why}`);
  }
  return { found: false, reason: `${tried.join('; ')} (${install})` };
}

/**
 * The suite when its client is on this machine; otherwise one skipped test whose name says why, and a warning in
 * the run's output: absent software is reported, never a silent pass.
 */
export function describeWithClient(title: string, interpreter: Interpreter, suite: (command: string) => void): void {
  if (interpreter.found) {
    describe(title, () => suite(interpreter.command));
    return;
  }
  console.warn(`${title}: skipped, the client is not installed: ${interpreter.reason}`);
  describe(title, () => {
    it.skip(`skipped: the client is not installed: ${interpreter.reason}`, () => undefined);
  });
}

export interface ClientRun {
  stdout: string;
  stderr: string;
  /** The exit code; null when killed (the timeout, or the suite ending). */
  code: number | null;
}

/** Child processes of one suite: each run has a timeout, and whatever still runs is killed in afterAll. */
export function useClientProcesses(): {
  run(command: string, args: readonly string[], options: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<ClientRun>;
} {
  const running = new Set<ChildProcess>();
  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
    running.clear();
  });
  return {
    run: (command, args, options) =>
      new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
        running.add(child);
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
        child.on('error', (error) => {
          clearTimeout(timer);
          running.delete(child);
          reject(error);
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          running.delete(child);
          resolve({ stdout, stderr, code });
        });
      }),
  };
}

/** A run that must have finished by itself and succeeded; otherwise an error carrying all it printed. */
export function succeeded(what: string, run: ClientRun): string {
  if (run.code === 0) return run.stdout;
  const how = run.code === null ? 'was killed (timeout)' : `exited ${run.code}`;
  throw new Error(`${what} ${how}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}

/** The lines of a script's output that start with `word`, split on spaces after it. */
export function records(stdout: string, word: string): string[][] {
  return stdout
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter(([first]) => first === word)
    .map((fields) => fields.slice(1));
}

/** The rest of the first line that starts with `word`, or undefined. */
export function lineAfter(stdout: string, word: string): string | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(`${word} `));
  return line?.slice(word.length + 1).trim();
}
