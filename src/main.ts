/**
 * The `kubefacade` command: config → cluster → app → listen → (signal) → stop. The only module with side
 * effects on the process; everything it needs from the process arrives in a MainEnvironment so tests can run it.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import type { Config } from './cli/config.js';
import { defaultClusterFile, packageInfo } from './cli/package-root.js';
import type { GenerateConfig } from './cli/generate-command.js';
import { parseCommandLine } from './cli/parse-command-line.js';
import { writeGeneratedCluster } from './cluster/generate/index.js';
import { ClusterFileError, type LoadProgress } from './cluster/index.js';
import { type RunningServer, startServer } from './start-server.js';
import { TOKEN_FILE } from './credentials/bearer-token.js';
import { writeKubeconfig } from './kubeconfig/index.js';
import { createLogger } from './logging/logger.js';
import { STATE_FILES } from './tls/state-dir.js';

export interface MainEnvironment {
  /** Arguments after `node` and the script. */
  argv: readonly string[];
  cwd: string;
  /** Help and version go here. */
  stdout(text: string): void;
  /** The banner and errors go here, apart from the JSON log. */
  stderr(text: string): void;
  /** Where the JSON log lines go; stdout when absent. */
  logDestination?: DestinationStream;
  /** Settles when the process is asked to stop (SIGINT, SIGTERM), with the signal's name. */
  stopRequested: Promise<string>;
  /** Whether stderr is a terminal: then a large cluster's load shows a progress line. */
  stderrIsTTY?: boolean;
  /** Called once the server listens and the kubeconfig is written. */
  onReady?(running: RunningServer): void;
  /** The process's environment variables (KUBEFACADE_TOKEN); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** stdout as a stream, so `generate` without --output respects a slow pipe; writes go through stdout() when absent. */
  stdoutStream?: Writable;
}

/** Runs the command line; resolves with the exit code once the server has stopped (or never started). */
export async function main(env: MainEnvironment): Promise<number> {
  const { version } = packageInfo();
  const outcome = parseCommandLine(env.argv, { cwd: env.cwd, defaultClusterFile: defaultClusterFile(), version, ...(env.env ? { env: env.env } : {}) });
  if (outcome.kind === 'exit') {
    env.stdout(outcome.stdout);
    env.stderr(outcome.stderr);
    return outcome.code;
  }
  if (outcome.kind === 'generate') return generate(outcome.config, env);
  const config = outcome.config;
  const logger = createLogger(config.logLevel, env.logDestination);

  let running: RunningServer;
  try {
    running = await startServer({
      cluster: { file: config.clusterFile },
      host: config.host,
      port: config.port,
      http: config.http,
      stateDir: config.stateDir,
      logger,
      ...(env.stderrIsTTY ? { onLoadProgress: (progress: LoadProgress) => env.stderr(progressLine(config.clusterFile, progress)) } : {}),
      // Warnings name files as errors do: relative to the working directory when below it.
      onLoadWarning: (message) => env.stderr(`${env.stderrIsTTY ? '\r\x1b[K' : ''}warning: ${message.split(`${env.cwd}${sep}`).join('')}\n`),
      simulate: config.simulate === 'auto' ? 'auto' : config.simulate === 'live',
      speed: config.speed,
      seed: config.seed,
      ...(config.token === undefined ? {} : { token: config.token }),
      ...(config.anonymousAuth === undefined ? {} : { anonymousAuth: config.anonymousAuth }),
      maxRequestsInFlight: config.maxRequestsInFlight,
      maxMutatingRequestsInFlight: config.maxMutatingRequestsInFlight,
      requestTimeoutMs: config.requestTimeoutMs,
    });
  } catch (error: unknown) {
    env.stderr(`error: ${startFailure(error, env.cwd)}\n`);
    return 1;
  }

  try {
    if (config.writeKubeconfig !== undefined) await writeKubeconfig(config.writeKubeconfig, running.kubeconfigYaml);
  } catch (error: unknown) {
    await running.stop();
    env.stderr(`error: cannot write the kubeconfig: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  env.stderr(banner(version, config, running));
  logger.info({ url: running.url, cluster: config.clusterFile }, 'serving');
  env.onReady?.(running);

  const signal = await env.stopRequested;
  logger.info({ signal }, 'stopping');
  await running.stop();
  return 0;
}

/** `kubefacade generate`: the cluster to its file (or stdout), then one line saying what it holds. */
async function generate(config: GenerateConfig, env: MainEnvironment): Promise<number> {
  const stdout = env.stdoutStream ?? new Writable({ write: (chunk: Buffer, _encoding, done) => (env.stdout(chunk.toString()), done()) });
  try {
    const summary = await writeGeneratedCluster(config, config.output === undefined ? { out: stdout } : { file: config.output });
    const kinds = Object.entries(summary.kinds).map(([kind, count]) => `${count} ${kind}`);
    env.stderr(`generated ${config.output ?? 'to stdout'}: ${summary.objects} objects (${kinds.join(', ')}), seed ${config.seed}\n`);
    return 0;
  } catch (error: unknown) {
    env.stderr(`error: cannot generate the cluster: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** One line rewritten in place (`\r`, cleared to its end) while a cluster loads; erased once it has. */
function progressLine(file: string, progress: LoadProgress): string {
  switch (progress.phase) {
    case 'reading': {
      const objects = progress.objects ? `, ${progress.objects} objects` : '';
      if (progress.bytesTotal !== undefined)
        return `\r\x1b[Kloading ${file}: ${mebibytes(progress.bytesRead ?? 0)} of ${mebibytes(progress.bytesTotal)} MiB read${objects}`;
      return progress.total === undefined
        ? `\r\x1b[Kloading ${file} ...`
        : `\r\x1b[Kloading ${file}: ${progress.read ?? 0} of ${progress.total} files read${objects}`;
    }
    case 'storing':
      return `\r\x1b[Kloading ${file}: ${progress.stored} of ${progress.total} objects stored`;
    case 'loaded':
      return '\r\x1b[K';
  }
}

function mebibytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

/**
 * A broken cluster file is the user's to fix: `<file>:<line>: <reason>`, the file as a compiler names it
 * (relative to the working directory when it lies below it).
 */
function startFailure(error: unknown, cwd: string): string {
  if (error instanceof ClusterFileError) {
    const below = relative(cwd, error.file);
    const file = below !== '' && !below.startsWith('..') && !isAbsolute(below) ? below : error.file;
    return `${file}${error.line === undefined ? '' : `:${error.line}`}: ${error.reason}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function banner(version: string, config: Config, running: RunningServer): string {
  const lines = [
    `kubefacade ${version} serving ${running.url}`,
    `  cluster:    ${config.clusterFile} (${running.cluster.summary})`,
    running.simulation
      ? `  simulation: live at speed ${config.speed}, seed ${config.seed} (--static to freeze it)`
      : '  simulation: static, as loaded (--live to run it)',
  ];
  const caFile = join(config.stateDir, STATE_FILES.ca.certPem);
  if (!config.http) lines.push(`  CA:         ${caFile}`);
  if (config.writeKubeconfig !== undefined) {
    lines.push(`  kubeconfig: ${config.writeKubeconfig}`, '', `  try: kubectl --kubeconfig ${config.writeKubeconfig} get nodes`);
  } else if (!config.http && running.url === 'https://127.0.0.1:6443') {
    // The address kubeconfig.example points at (it skips TLS verification, so it works with any generated CA).
    lines.push('', '  try: kubectl --kubeconfig kubeconfig.example get nodes', '       (or start with --write-kubeconfig FILE for one that verifies the CA)');
  } else {
    // The kept token as a shell reads it from its file (the banner never shows the secret); a given one is the user's to supply.
    const token = running.tokenSource === 'state-dir' ? `"$(cat ${join(config.stateDir, TOKEN_FILE)})"` : 'TOKEN';
    const trust = `${config.http ? '' : ` --certificate-authority ${caFile}`} --token ${token}`;
    lines.push(
      '',
      `  try: kubectl --server ${running.url}${trust} get nodes`,
      '       (or start with --write-kubeconfig FILE, then: kubectl --kubeconfig FILE get nodes)',
    );
  }
  lines.push('  stop: Ctrl-C', '');
  return `${lines.join('\n')}\n`;
}

/** Runs `main` against the real process: argv, cwd, stdio and the stop signals. */
export async function runFromProcess(): Promise<number> {
  const stopRequested = new Promise<string>((resolve) => {
    // `once`: a second Ctrl-C while stopping falls through to Node's default and ends the process at once.
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  return main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stdoutStream: process.stdout,
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    stopRequested,
    env: process.env,
  });
}
