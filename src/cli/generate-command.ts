import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_CAPTURED_AT, defaultNamespaces } from '../cluster/generate/index.js';
import { parsePath, parseSeed } from './option-parsers.js';

/** What `kubefacade generate` was asked for, validated, the output path absolute (undefined: stdout). */
export interface GenerateConfig {
  command: 'generate';
  nodes: number;
  pods: number;
  namespaces: number;
  seed: number;
  capturedAt: Date;
  output: string | undefined;
}

interface GenerateFlags {
  nodes: number;
  pods: number;
  namespaces?: number;
  seed: number;
  capturedAt: Date;
  output?: string;
}

/** A count: digits only, at least 1 (`--pods 1e5` or `--nodes -3` are mistakes, not numbers). */
function parseCount(value: string): number {
  const count = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(count >= 1)) throw new InvalidArgumentError('Expected a whole number of at least 1.');
  return count;
}

function parseInstant(value: string): Date {
  const instant = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(instant.getTime())) throw new InvalidArgumentError('Expected an RFC 3339 instant such as 2026-01-01T00:00:00Z.');
  return instant;
}

/**
 * `kubefacade generate`: a large captured cluster (one `v1 List`, as `kubectl get -o json` prints it) of exact size,
 * the same bytes for the same flags, so anyone can reproduce a benchmark's cluster.
 */
export function addGenerateCommand(program: Command, cwd: string, chosen: (config: GenerateConfig) => void): void {
  program
    .command('generate')
    .description('write a large realistic cluster (a v1 List of nodes, namespaces, workloads, pods, services) for --cluster')
    .showHelpAfterError("(run 'kubefacade generate --help' for the flags)")
    .addOption(new Option('--nodes <n>', 'nodes, three control planes among them from 50 nodes up').makeOptionMandatory().argParser(parseCount))
    .addOption(new Option('--pods <n>', 'pods in all, kube-proxy on every node included; at least --nodes').makeOptionMandatory().argParser(parseCount))
    .addOption(new Option('--namespaces <n>', 'application namespaces (default: one per 50 nodes, at least 3)').argParser(parseCount))
    .addOption(new Option('--seed <n>', 'the same seed gives the same cluster, byte for byte').default(1).argParser(parseSeed))
    .addOption(
      new Option('--captured-at <instant>', 'when the capture was taken; every timestamp is counted back from it')
        .default(DEFAULT_CAPTURED_AT, DEFAULT_CAPTURED_AT.toISOString().replace('.000Z', 'Z'))
        .argParser(parseInstant),
    )
    .addOption(new Option('-o, --output <file>', 'write the cluster to <file> instead of stdout').argParser(parsePath))
    .action((flags: GenerateFlags, command: Command) => {
      if (flags.pods < flags.nodes) command.error('error: --pods must be at least --nodes: every node runs a kube-proxy pod', { exitCode: 2 });
      chosen({
        command: 'generate',
        nodes: flags.nodes,
        pods: flags.pods,
        namespaces: flags.namespaces ?? defaultNamespaces(flags.nodes),
        seed: flags.seed,
        capturedAt: flags.capturedAt,
        output: flags.output === undefined ? undefined : resolve(cwd, flags.output),
      });
    });
}
