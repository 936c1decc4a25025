/**
 * Case-file style for the kubectl suites: each case is one row — the client command, the expected output —
 * run against every kubectl binary found, each binary with a server of its own (the talk cluster unless the
 * file says otherwise).
 */
import type { E2eServer, E2eServerOptions } from '../../support/e2e-server.js';
import { useE2eServer } from '../../support/e2e-server.js';
import { describeEachKubectl, type KubectlBinary, type KubectlResult } from '../../support/kubectl.js';
import { resolvePodRef } from '../talk-cluster.js';

export interface CaseContext {
  binary: KubectlBinary;
  server: E2eServer;
}

/** A value, or one computed from the binary (version differences) and the running server (its URL, its store). */
export type PerRun<T> = T | ((context: CaseContext) => T | Promise<T>);

export interface KubectlCase {
  /** Reads as a sentence after the command: "get nodes -o wide" + "prints every column". */
  says: string;
  /** The command; `<web-1>` stands for the first web pod's name (see talk-cluster.ts, podsOf). */
  args: string[];
  /** The exact stdout. */
  stdout?: PerRun<string>;
  /** A pattern stdout must match, where the output is not fixed. */
  stdoutMatch?: PerRun<RegExp>;
  /** The exact stderr; an empty stderr is expected when neither this nor stderrMatch is given. */
  stderr?: PerRun<string>;
  /** A pattern stderr must match, where kubectl's own log lines (with their timestamps) come first. */
  stderrMatch?: PerRun<RegExp>;
  /** 0 when not given. */
  exitCode?: PerRun<number>;
  /** Further assertions on the structure of the output. */
  check?: (result: KubectlResult, context: CaseContext) => void;
}

async function resolve<T>(value: PerRun<T>, context: CaseContext): Promise<T> {
  return typeof value === 'function' ? (value as (c: CaseContext) => T | Promise<T>)(context) : value;
}

/** Lines joined with a final newline, as kubectl ends its output. */
export function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join('');
}

export async function checkCase(kase: KubectlCase, context: CaseContext): Promise<void> {
  const store = context.server.running.cluster.store;
  const result = await context.server.kubectl(
    context.binary,
    kase.args.map((arg) => resolvePodRef(store, arg)),
  );
  const expected: Record<string, unknown> = { exitCode: await resolve(kase.exitCode ?? 0, context), stderr: await resolve(kase.stderr ?? '', context) };
  const actual: Record<string, unknown> = { exitCode: result.exitCode, stderr: result.stderr };
  if (kase.stdout !== undefined) expected.stdout = await resolve(kase.stdout, context);
  if (kase.stdoutMatch !== undefined) expected.stdout = expect.stringMatching(await resolve(kase.stdoutMatch, context));
  if (kase.stderrMatch !== undefined) expected.stderr = expect.stringMatching(await resolve(kase.stderrMatch, context));
  if ('stdout' in expected) actual.stdout = result.stdout;
  expect(actual).toEqual(expected);
  kase.check?.(result, context);
}

/** Longer than runKubectl's own 20 s timeout, so a hung kubectl is reported with its output, not as a jest timeout. */
const CASE_TIMEOUT_MS = 25_000;

/** Registers the cases under `title`, once per kubectl binary. */
export function kubectlCases(title: string, cases: readonly KubectlCase[], options: E2eServerOptions = {}): void {
  describeEachKubectl(title, (binary) => {
    const server = useE2eServer(options);
    it.each(cases.map((kase) => [`kubectl ${kase.args.join(' ')} ${kase.says}`, kase] as const))(
      '%s',
      async (_title, kase) => {
        await checkCase(kase, { binary, server: server() });
      },
      CASE_TIMEOUT_MS,
    );
  });
}
