/**
 * The `kubefacade` command: config → cluster → app → listen → (signal) → stop. The only module with side
 * effects on the process; everything it needs from the process arrives in a MainEnvironment so tests can run it.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import type { DestinationStream } from 'pino';
import type { Config } from './cli/config.js';
import { defaultClusterFile, packageInfo } from './cli/package-root.js';
import { parseCommandLine } from './cli/parse-command-line.js';
import { ClusterFileError, type LoadProgress } from './cluster/index.js';
import { type RunningKubefacade, startKubefacade } from './index.js';
import { ANONYMOUS_USERNAME, writeKubeconfig } from './kubeconfig/index.js';
import { createLogger } from './logging/logger.js';
import { STATE_FILES } from './tls/index.js';

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
  onReady?(running: RunningKubefacade): void;
}

/** Runs the command line; resolves with the exit code once the server has stopped (or never started). */
export async function main(env: MainEnvironment): Promise<number> {
  const { version } = packageInfo();
  const outcome = parseCommandLine(env.argv, { cwd: env.cwd, defaultClusterFile: defaultClusterFile(), version });
  if (outcome.kind === 'exit') {
    env.stdout(outcome.stdout);
    env.stderr(outcome.stderr);
    return outcome.code;
  }
  const config = outcome.config;
  const logger = createLogger(config.logLevel, env.logDestination);

  let running: RunningKubefacade;
  try {
    running = await startKubefacade({
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

/** One line rewritten in place (`\r`, cleared to its end) while a cluster loads; erased once it has. */
function progressLine(file: string, progress: LoadProgress): string {
  switch (progress.phase) {
    case 'reading':
      return progress.total === undefined ? `\r\x1b[Kloading ${file} ...` : `\r\x1b[Kloading ${file}: ${progress.read ?? 0} of ${progress.total} files read`;
    case 'storing':
      return `\r\x1b[Kloading ${file}: ${progress.stored} of ${progress.total} objects stored`;
    case 'loaded':
      return '\r\x1b[K';
  }
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

function banner(version: string, config: Config, running: RunningKubefacade): string {
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
    // Over https kubectl asks for a username unless it has one (see ANONYMOUS_USERNAME).
    const trust = config.http ? '' : ` --certificate-authority ${caFile} --username ${ANONYMOUS_USERNAME}`;
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
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    stopRequested,
  });
}
