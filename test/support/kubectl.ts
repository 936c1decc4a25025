/**
 * The kubectl binaries the end-to-end suite runs, and one way to run them.
 *
 * Discovery: the `kubectl` on PATH, plus the versioned siblings installed next to the file it resolves to
 * (the Google Cloud SDK layout: `kubectl.1.27` … `kubectl.1.33` beside `kubectl`), plus the newest releases
 * `scripts/install-newest-kubectl.sh` puts in the repository's `.kubectl/` (`kubectl.1.34`, `kubectl.1.35`), each
 * with the version it reports (`kubectl version --client -o json`); a version found twice runs once.
 * `KUBEFACADE_KUBECTL` restricts the set: a comma-separated list of versions (`1.27`), file names
 * (`kubectl.1.33`) or paths.
 */
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface KubectlBinary {
  /** The file run. */
  path: string;
  /** `v1.27.16`, or `v1.32.4-dispatcher` for the Cloud SDK's version dispatcher. */
  gitVersion: string;
  /** The minor version, 27 for `v1.27.16`: what version-dependent expectations key on. */
  minor: number;
  /** How the binary is named in test titles: `kubectl.1.27 (v1.27.16)`. */
  label: string;
  /** `clientVersion` of `kubectl version --client -o json` (gitCommit, buildDate, goVersion, ...). */
  clientVersion: Readonly<Record<string, string>>;
  /** `kustomizeVersion` of the same, `""` if absent. */
  kustomizeVersion: string;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  /** The exit code; null when the process was killed (the timeout). */
  exitCode: number | null;
}

export interface RunOptions {
  /** The kubeconfig written by the harness: kubectl never reads ~/.kube/config here. */
  kubeconfig: string;
  /** A fresh discovery and HTTP cache: kubectl keeps discovery for 6 h, which would hide server changes. */
  cacheDir: string;
  timeoutMs?: number;
}

const VERSIONED_SIBLING = /^kubectl\.1\.\d+$/;

/** The first executable `kubectl` on PATH, as `command -v kubectl` finds it. */
function kubectlOnPath(env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'kubectl');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: keep looking, as the shell does
    }
  }
  return undefined;
}

interface ReportedVersion {
  clientVersion: Record<string, string>;
  kustomizeVersion: string;
}

function reportedVersion(path: string): ReportedVersion {
  const out = execFileSync(path, ['version', '--client', '-o', 'json'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const parsed: unknown = JSON.parse(out);
  const report = parsed as { clientVersion?: unknown; kustomizeVersion?: unknown };
  const client = report.clientVersion;
  if (typeof client !== 'object' || client === null) throw new Error(`${path} version --client -o json printed no clientVersion`);
  const clientVersion: Record<string, string> = {};
  for (const [key, value] of Object.entries(client)) if (typeof value === 'string') clientVersion[key] = value;
  return { clientVersion, kustomizeVersion: typeof report.kustomizeVersion === 'string' ? report.kustomizeVersion : '' };
}

function describeBinary(path: string): KubectlBinary {
  const { clientVersion, kustomizeVersion } = reportedVersion(path);
  const gitVersion = clientVersion.gitVersion ?? '';
  const match = /^v1\.(\d+)\./.exec(gitVersion);
  if (!match?.[1]) throw new Error(`${path} reports version "${gitVersion}", not v1.NN.x`);
  return { path, gitVersion, minor: Number(match[1]), label: `${basename(path)} (${gitVersion})`, clientVersion, kustomizeVersion };
}

/** Where scripts/install-newest-kubectl.sh installs the releases newer than the Cloud SDK ships. */
const NEWEST_KUBECTL_DIR = fileURLToPath(new URL('../../.kubectl/', import.meta.url));

/** The versioned kubectl binaries (`kubectl.1.NN`) in a directory, if it exists. */
function versionedIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => VERSIONED_SIBLING.test(name))
    .map((name) => join(dir, name));
}

/** Every kubectl found, the PATH one first, then the others by minor version; none found gives []. */
export function findKubectlBinaries(env: NodeJS.ProcessEnv = process.env): KubectlBinary[] {
  const onPath = kubectlOnPath(env);
  if (onPath === undefined) return [];
  const resolved = realpathSync(onPath);
  const others = [...versionedIn(dirname(resolved)), ...versionedIn(NEWEST_KUBECTL_DIR)];
  const described = [...new Set(others.map((p) => realpathSync(p)))].filter((p) => p !== resolved).map(describeBinary);
  const versioned = described.filter((binary, i) => described.findIndex((b) => b.gitVersion === binary.gitVersion) === i);
  versioned.sort((a, b) => a.minor - b.minor);
  const onPathBinary = describeBinary(resolved);
  // The Cloud SDK's `kubectl` is a dispatcher: it execs the sibling matching the server's version (1.33 for
  // kubefacade), so with siblings present it adds a duplicate run and a misleading client version.
  if (onPathBinary.gitVersion.endsWith('-dispatcher') && versioned.length > 0) return versioned;
  return [onPathBinary, ...versioned.filter((b) => b.gitVersion !== onPathBinary.gitVersion)];
}

/** Keeps the binaries `KUBEFACADE_KUBECTL` names; an entry that names none is an error, not a silent skip. */
export function restrictKubectlBinaries(binaries: KubectlBinary[], selection: string | undefined): KubectlBinary[] {
  if (selection === undefined || selection.trim() === '') return binaries;
  const entries = selection
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const chosen = new Set<KubectlBinary>();
  for (const entry of entries) {
    const matches = binaries.filter(
      (b) => entry === b.path || entry === basename(b.path) || entry === `1.${b.minor}` || entry === b.gitVersion || entry === b.gitVersion.slice(1),
    );
    if (matches.length === 0) {
      throw new Error(`KUBEFACADE_KUBECTL names "${entry}", which matches none of: ${binaries.map((b) => b.label).join(', ') || 'no kubectl found'}`);
    }
    for (const m of matches) chosen.add(m);
  }
  return binaries.filter((b) => chosen.has(b));
}

/** The binaries the suite runs against: found, then restricted by KUBEFACADE_KUBECTL. */
export function kubectlBinariesUnderTest(env: NodeJS.ProcessEnv = process.env): KubectlBinary[] {
  return restrictKubectlBinaries(findKubectlBinaries(env), env.KUBEFACADE_KUBECTL);
}

/** The common flags: the harness's kubeconfig and a cache of this test's own. */
export function kubectlArgs(args: readonly string[], options: RunOptions): string[] {
  return [`--kubeconfig=${options.kubeconfig}`, `--cache-dir=${options.cacheDir}`, ...args];
}

/** The environment kubectl runs in: no KUBECONFIG from the developer's shell, no colour. */
export function kubectlEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm' };
  delete env.NO_COLOR;
  delete env.KUBECONFIG;
  return env;
}

/**
 * Runs one kubectl command to completion with stdin closed (a prompt fails with EOF instead of hanging).
 * Never rejects on a non-zero exit: the exit code is part of what tests assert.
 */
export function runKubectl(binary: KubectlBinary, args: readonly string[], options: RunOptions): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      binary.path,
      kubectlArgs(args, options),
      { timeout: options.timeoutMs ?? 20_000, maxBuffer: 16 * 1024 * 1024, env: kubectlEnv(), encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error === null) return resolve({ stdout, stderr, exitCode: 0 });
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number') return resolve({ stdout, stderr, exitCode: code });
        if (error.killed === true || error.signal) return resolve({ stdout, stderr, exitCode: null });
        reject(error as Error); // an ExecFileException is an Error; its type, built with Omit<>, no longer says so
      },
    );
    child.stdin?.end();
  });
}

const NO_KUBECTL =
  'no kubectl binary found: the end-to-end suite needs `kubectl` on PATH (and, for every version, its siblings ' +
  'kubectl.1.NN next to the file it resolves to). This is a failure, not a skip: install kubectl or fix PATH.';

/**
 * `describe.each` over the kubectl binaries under test, the test title naming each. With none found it
 * registers one failing test instead of nothing, so CI fails loudly rather than passing an empty suite.
 */
export function describeEachKubectl(title: string, body: (binary: KubectlBinary) => void): void {
  const binaries = kubectlBinariesUnderTest();
  if (binaries.length === 0) {
    describe(title, () => {
      it('finds a kubectl binary to run', () => {
        throw new Error(NO_KUBECTL);
      });
    });
    return;
  }
  describe.each(binaries.map((binary) => [binary.label, binary] as const))(`${title} — %s`, (_label, binary) => body(binary));
}

/** A kubectl that keeps running (`get -w`): its output so far, a way to wait for more, and a way to end it. */
export interface RunningKubectl {
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout once it satisfies `ready`; rejects if kubectl exits or `timeoutMs` passes first. */
  waitForStdout(ready: (stdout: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code once kubectl exits by itself; rejects if `timeoutMs` passes first. */
  waitForExit(timeoutMs?: number): Promise<number | null>;
  /** Ends kubectl (SIGTERM) and resolves once it has exited. */
  stop(): Promise<void>;
}

export function spawnKubectl(binary: KubectlBinary, args: readonly string[], options: RunOptions): RunningKubectl {
  const child = execFile(binary.path, kubectlArgs(args, options), { env: kubectlEnv(), encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  child.stdin?.end();
  let out = '';
  let err = '';
  let exited = false;
  let exitCode: number | null = null;
  const checks = new Set<() => void>();
  const exit = new Promise<void>((resolve) => {
    child.once('close', (code: number | null) => {
      exited = true;
      exitCode = code;
      for (const check of checks) check();
      resolve();
    });
  });
  child.stdout?.on('data', (chunk: string) => {
    out += chunk;
    for (const check of checks) check();
  });
  child.stderr?.on('data', (chunk: string) => (err += chunk));
  return {
    stdout: () => out,
    stderr: () => err,
    waitForStdout: (ready, timeoutMs = 10_000) =>
      new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`kubectl ${args.join(' ')}: no expected output within ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`)),
          timeoutMs,
        );
        const finish = (error?: Error): void => {
          clearTimeout(timer);
          checks.delete(check);
          if (error) reject(error);
          else resolve(out);
        };
        const check = (): void => {
          if (ready(out)) finish();
          else if (exited) finish(new Error(`kubectl ${args.join(' ')} exited before the expected output; stdout:\n${out}\nstderr:\n${err}`));
        };
        checks.add(check);
        check();
      }),
    waitForExit: (timeoutMs = 10_000) =>
      new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`kubectl ${args.join(' ')} still running after ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`)),
          timeoutMs,
        );
        void exit.then(() => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      }),
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}
