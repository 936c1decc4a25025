import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { LOG_LEVELS, type LogLevel } from '../logging/logger.js';
import type { Config } from './config.js';
import { parseHost, parsePath, parsePort, parseSeed, parseSpeed } from './option-parsers.js';

/** What the command line comes to: a config to run, or text to print and an exit code (help, version, mistakes). */
export type CommandLineOutcome = { kind: 'run'; config: Config } | { kind: 'exit'; code: 0 | 2; stdout: string; stderr: string };

export interface CommandLineContext {
  /** Relative paths on the command line are relative to this directory. */
  cwd: string;
  /** The cluster served without `--cluster`. */
  defaultClusterFile: string;
  version: string;
}

/** Usage errors exit 2, as with most Unix tools (and Go's flag package, which kubectl users know). */
const USAGE_ERROR = 2;
const HELP_WIDTH = 100;

/** The options of `serve` as commander hands them over, before they become a Config. */
interface ServeOptions {
  cluster: string;
  host: string;
  port: number;
  http?: true;
  writeKubeconfig?: string;
  logLevel: LogLevel;
  stateDir: string;
  speed: number;
  seed: number;
  live?: true;
  static?: true;
}

/**
 * Parses `kubefacade [serve] [flags]` (argv without node and the script). Never prints and never exits:
 * the caller decides, so tests read the outcome and main writes it.
 */
export function parseCommandLine(argv: readonly string[], context: CommandLineContext): CommandLineOutcome {
  let stdout = '';
  let stderr = '';
  let chosen: ServeOptions | undefined;

  const program = new Command('kubefacade')
    .description('A read-only Kubernetes API server over a simulated cluster, for kubectl and Kubernetes clients.')
    .version(context.version, '--version', 'print the version and exit')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => (stdout += text),
      writeErr: (text) => (stderr += text),
      // A fixed width keeps help the same in a terminal, a pipe and a test.
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
    })
    .showHelpAfterError("(run 'kubefacade serve --help' for the flags)");

  const serve = program.command('serve', { isDefault: true }).description('serve the cluster over HTTPS (or HTTP)');
  addServeOptions(serve, context);
  serve.action((options: ServeOptions) => {
    chosen = options;
  });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error: unknown) {
    if (!(error instanceof CommanderError)) throw error;
    return { kind: 'exit', code: error.exitCode === 0 ? 0 : USAGE_ERROR, stdout, stderr };
  }
  if (chosen === undefined) return { kind: 'exit', code: USAGE_ERROR, stdout, stderr: `${stderr}error: no command given\n` };
  return { kind: 'run', config: toConfig(chosen, context) };
}

/** The flags of `serve`. A new flag is one option here and one field in `Config` and `toConfig`. */
function addServeOptions(serve: Command, context: CommandLineContext): void {
  serve
    .addOption(
      new Option(
        '--cluster <path>',
        'the cluster to serve: a cluster file, kubectl get -o yaml|json output, a folder of them, a support bundle (.tar.gz or unpacked), a must-gather or a cluster-info dump',
      )
        .default(context.defaultClusterFile, 'the talk cluster, <package>/fixtures/talk-cluster.yaml')
        .argParser(parsePath),
    )
    .addOption(new Option('--host <host>', 'the address to listen on').default('127.0.0.1').argParser(parseHost))
    .addOption(new Option('--port <port>', 'the port to listen on; 0 picks a free one').default(6443).argParser(parsePort))
    .addOption(new Option('--http', 'serve plain HTTP instead of HTTPS'))
    .addOption(new Option('--write-kubeconfig <file>', 'write a kubeconfig for this server to <file> once it listens').argParser(parsePath))
    .addOption(new Option('--log-level <level>', 'the log level (pino)').choices(LOG_LEVELS).default('info'))
    .addOption(new Option('--state-dir <dir>', 'where the CA and serving certificate are kept across restarts').default('.state').argParser(parsePath))
    .addOption(new Option('--speed <factor>', 'simulated seconds per real second').default(1).argParser(parseSpeed))
    .addOption(new Option('--seed <n>', 'seed of the simulation: the same seed replays the same changes').default(1).argParser(parseSeed))
    .addOption(new Option('--live', 'run the simulation (default for a compact cluster file)').conflicts('static'))
    .addOption(new Option('--static', 'freeze the cluster as loaded (default for captured objects)'));
}

function toConfig(options: ServeOptions, context: CommandLineContext): Config {
  return {
    command: 'serve',
    clusterFile: resolve(context.cwd, options.cluster),
    host: options.host,
    port: options.port,
    http: options.http === true,
    writeKubeconfig: options.writeKubeconfig === undefined ? undefined : resolve(context.cwd, options.writeKubeconfig),
    logLevel: options.logLevel,
    stateDir: resolve(context.cwd, options.stateDir),
    speed: options.speed,
    seed: options.seed,
    simulate: options.live ? 'live' : options.static ? 'static' : 'auto',
  };
}
