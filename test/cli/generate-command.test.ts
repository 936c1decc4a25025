import type { GenerateConfig } from '../../src/cli/generate-command.js';
import { type CommandLineOutcome, parseCommandLine } from '../../src/cli/parse-command-line.js';

const CONTEXT = { cwd: '/home/talk', defaultClusterFile: '/opt/kubefacade/fixtures/talk-cluster.yaml', version: '1.2.3' };

function generateOf(outcome: CommandLineOutcome): GenerateConfig {
  if (outcome.kind !== 'generate') throw new Error(`expected generate, got ${outcome.kind}: ${outcome.kind === 'exit' ? outcome.stderr : ''}`);
  return outcome.config;
}

describe('kubefacade generate', () => {
  it.each([
    [
      'counts only',
      ['generate', '--nodes', '5000', '--pods', '150000'],
      { nodes: 5000, pods: 150000, namespaces: 100, seed: 1, capturedAt: new Date('2026-01-01T00:00:00Z'), output: undefined },
    ],
    ['a small cluster keeps three namespaces', ['generate', '--nodes', '3', '--pods', '30'], { nodes: 3, pods: 30, namespaces: 3 }],
    ['--namespaces and --seed', ['generate', '--nodes', '10', '--pods', '100', '--namespaces', '7', '--seed', '42'], { namespaces: 7, seed: 42 }],
    ['--output, relative to the working directory', ['generate', '--nodes', '1', '--pods', '1', '-o', 'big.json'], { output: '/home/talk/big.json' }],
    ['--captured-at', ['generate', '--nodes', '1', '--pods', '1', '--captured-at', '2025-06-01T12:00:00Z'], { capturedAt: new Date('2025-06-01T12:00:00Z') }],
  ])('reads %s', (_name, argv, expected) => {
    expect(generateOf(parseCommandLine(argv, CONTEXT))).toMatchObject({ command: 'generate', ...expected });
  });

  it.each([
    ['without --nodes', ['generate', '--pods', '10'], "required option '--nodes <n>' not specified"],
    ['fewer pods than nodes', ['generate', '--nodes', '10', '--pods', '9'], '--pods must be at least --nodes'],
    ['a count that is not a whole number', ['generate', '--nodes', '1e3', '--pods', '10'], 'Expected a whole number of at least 1.'],
    ['zero nodes', ['generate', '--nodes', '0', '--pods', '10'], 'Expected a whole number of at least 1.'],
    ['an instant without a zone', ['generate', '--nodes', '1', '--pods', '1', '--captured-at', '2026-01-01 00:00'], 'Expected an RFC 3339 instant'],
  ])('refuses %s with exit 2', (_name, argv, message) => {
    const outcome = parseCommandLine(argv, CONTEXT);
    expect(outcome).toMatchObject({ kind: 'exit', code: 2 });
    expect(outcome.kind === 'exit' ? outcome.stderr : '').toContain(message);
  });
});
