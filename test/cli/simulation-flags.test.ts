import type { Config } from '../../src/cli/config.js';
import { parseCommandLine } from '../../src/cli/parse-command-line.js';

const CONTEXT = { cwd: '/home/talk', defaultClusterFile: '/opt/kubefacade/fixtures/talk-cluster.yaml', version: '1.2.3' };

const simulationOf = (argv: string[]): Pick<Config, 'speed' | 'seed' | 'simulate'> => {
  const outcome = parseCommandLine(argv, CONTEXT);
  if (outcome.kind === 'exit') throw new Error(`expected a config, got exit ${outcome.code}: ${outcome.stderr}`);
  if (outcome.kind !== 'run') throw new Error(`expected serve, got ${outcome.kind}`);
  const { speed, seed, simulate } = outcome.config;
  return { speed, seed, simulate };
};

describe('the simulation flags of kubefacade serve', () => {
  it.each([
    ['none: speed 1, seed 1, live or static by the kind of cluster file', [], { speed: 1, seed: 1, simulate: 'auto' }],
    ['--speed 10', ['--speed', '10'], { speed: 10, seed: 1, simulate: 'auto' }],
    ['--speed 0.5', ['--speed=0.5'], { speed: 0.5, seed: 1, simulate: 'auto' }],
    ['--seed 42', ['--seed', '42'], { speed: 1, seed: 42, simulate: 'auto' }],
    ['--live', ['--live'], { speed: 1, seed: 1, simulate: 'live' }],
    ['--static', ['serve', '--static'], { speed: 1, seed: 1, simulate: 'static' }],
  ])('%s', (_case, argv, expected) => {
    expect(simulationOf(argv)).toEqual(expected);
  });

  it.each([
    ['a speed of 0', ['--speed', '0'], 'Expected a speed factor above 0 and at most 1000'],
    ['a negative speed', ['--speed=-2'], 'Expected a speed factor above 0 and at most 1000'],
    ['a speed that is not a number', ['--speed', 'fast'], 'Expected a speed factor above 0 and at most 1000'],
    ['a speed above 1000', ['--speed', '5000'], 'Expected a speed factor above 0 and at most 1000'],
    ['a seed that is not a whole number', ['--seed', '1.5'], 'Expected a whole number such as 1 or 42.'],
    ['--live with --static', ['--live', '--static'], "option '--live' cannot be used with option '--static'"],
  ])('refuses %s with a usage error', (_case, argv, message) => {
    const outcome = parseCommandLine(argv, CONTEXT);
    expect(outcome).toMatchObject({ kind: 'exit', code: 2 });
    if (outcome.kind === 'exit') expect(outcome.stderr).toContain(message);
  });

  it('lists the flags in help', () => {
    const outcome = parseCommandLine(['serve', '--help'], CONTEXT);
    for (const flag of ['--speed <factor>', '--seed <n>', '--live', '--static']) expect(outcome.kind === 'exit' && outcome.stdout).toContain(flag);
  });
});
