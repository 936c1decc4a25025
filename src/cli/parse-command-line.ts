import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { LOG_LEVELS, type LogLevel } from '../logging/logger.js';
import type { Config } from './config.js';
import { addGenerateCommand, type GenerateConfig } from './generate-command.js';
import {
  parseBooleanFlag,
  parseHost,
  parseInFlightLimit,
  parsePath,
  parsePort,
  parseRequestTimeout,
  parseSeed,
  parseSpeed,
  parseToken,
} from './option-parsers.js';

/** What the command line comes to: a config to run, or text to print and an exit code (help, version, mistakes). */
export type CommandLineOutcome =
  { kind: 'run'; config: Config } | { kind: 'generate'; config: GenerateConfig } | { kind: 'exit'; code: 0 | 2; stdout: string; stderr: string };

export interface CommandLineContext {
  /** Relative paths on the command line are relative to this directory. */
  cwd: string;
  /** The cluster served without `--cluster`. */
  defaultClusterFile: string;
  version: string;
  /** The environment: KUBEFACADE_TOKEN gives the token when `--token` does not. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The environment variable that gives the token, kept out of `ps` output and shell history. */
export const TOKEN_ENV = 'KUBEFACADE_TOKEN';

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
  token?: string;
  anonymousAuth?: boolean;
  /** commander's camel case of `--max-requests-inflight`. */
  maxRequestsInflight: number;
  maxMutatingRequestsInflight: number;
  requestTimeout: number;
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
  let generate: GenerateConfig | undefined;
  addGenerateCommand(program, context.cwd, (config) => (generate = config));

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error: unknown) {
    if (!(error instanceof CommanderError)) throw error;
    return { kind: 'exit', code: error.exitCode === 0 ? 0 : USAGE_ERROR, stdout, stderr };
  }
  if (generate !== undefined) return { kind: 'generate', config: generate };
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
    .addOption(
      new Option('--write-kubeconfig <file>', 'write a kubeconfig for this server to <file> once it listens, its user holding the token').argParser(parsePath),
    )
    .addOption(new Option('--log-level <level>', 'the log level (pino)').choices(LOG_LEVELS).default('info'))
    .addOption(
      new Option('--state-dir <dir>', 'where the CA, the serving certificate and the token are kept across restarts').default('.state').argParser(parsePath),
    )
    .addOption(new Option('--speed <factor>', 'simulated seconds per real second').default(1).argParser(parseSpeed))
    .addOption(new Option('--seed <n>', 'seed of the simulation: the same seed replays the same changes').default(1).argParser(parseSeed))
    .addOption(new Option('--live', 'run the simulation (default for a compact cluster file)').conflicts('static'))
    .addOption(new Option('--static', 'freeze the cluster as loaded (default for captured objects)'))
    .addOption(
      new Option(
        '--token <token>',
        `the bearer token clients must present, written into --write-kubeconfig (also ${TOKEN_ENV}); by default one generated at first start and kept in the state dir`,
      ).argParser(parseToken),
    )
    .addOption(
      new Option(
        '--anonymous-auth [bool]',
        'serve requests without a token, as system:anonymous (=false: refuse them); by default only when --host is a loopback address, elsewhere only /healthz, /livez and /readyz',
      )
        .preset('true')
        .argParser(parseBooleanFlag),
    )
    .addOption(
      new Option('--max-requests-inflight <n>', 'reads served at once; more get 429 with Retry-After (watches, logs and exec not counted); 0: no limit')
        .default(400)
        .argParser(parseInFlightLimit),
    )
    .addOption(
      new Option('--max-mutating-requests-inflight <n>', 'writes served at once; more get 429; 0: no limit').default(200).argParser(parseInFlightLimit),
    )
    .addOption(
      new Option('--request-timeout <duration>', 'the longest a request other than a watch, logs or exec may take before a 504 (a shorter ?timeout= wins)')
        .default(60_000, '1m0s')
        .argParser(parseRequestTimeout),
    );
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
    token: options.token ?? tokenFromEnv(context.env),
    anonymousAuth: options.anonymousAuth,
    maxRequestsInFlight: options.maxRequestsInflight,
    maxMutatingRequestsInFlight: options.maxMutatingRequestsInflight,
    requestTimeoutMs: options.requestTimeout,
  };
}

/** KUBEFACADE_TOKEN when set and not empty; a value the flag would refuse is refused alike, when the server starts. */
function tokenFromEnv(env: CommandLineContext['env']): string | undefined {
  const value = env?.[TOKEN_ENV];
  return value === undefined || value === '' ? undefined : value;
}
