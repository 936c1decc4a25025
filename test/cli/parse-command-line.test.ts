import type { Config } from '../../src/cli/config.js';
import { type CommandLineOutcome, parseCommandLine } from '../../src/cli/parse-command-line.js';

const CONTEXT = { cwd: '/home/talk', defaultClusterFile: '/opt/kubefacade/fixtures/talk-cluster.yaml', version: '1.2.3' };

const DEFAULTS: Config = {
  command: 'serve',
  clusterFile: '/opt/kubefacade/fixtures/talk-cluster.yaml',
  host: '127.0.0.1',
  port: 6443,
  http: false,
  writeKubeconfig: undefined,
  logLevel: 'info',
  stateDir: '/home/talk/.state',
  speed: 1,
  seed: 1,
  simulate: 'auto',
};

function configOf(outcome: CommandLineOutcome): Config {
  if (outcome.kind !== 'run') throw new Error(`expected a config, got exit ${outcome.code}: ${outcome.stderr}`);
  return outcome.config;
}

describe('kubefacade serve', () => {
  it.each([
    ['no flags', ['serve'], {}],
    ['no command at all (serve is the default)', [], {}],
    ['--cluster, relative to the working directory', ['serve', '--cluster', 'demo.yaml'], { clusterFile: '/home/talk/demo.yaml' }],
    ['--cluster, absolute', ['serve', '--cluster', '/srv/c.yaml'], { clusterFile: '/srv/c.yaml' }],
    ['--host as an IP', ['serve', '--host', '0.0.0.0'], { host: '0.0.0.0' }],
    ['--host as a name', ['serve', '--host', 'localhost'], { host: 'localhost' }],
    ['--host as IPv6', ['serve', '--host', '::1'], { host: '::1' }],
    ['--port', ['serve', '--port', '8443'], { port: 8443 }],
    ['--port 0 for any free port', ['serve', '--port', '0'], { port: 0 }],
    ['--port=N', ['serve', '--port=7000'], { port: 7000 }],
    ['--http', ['serve', '--http'], { http: true }],
    ['--write-kubeconfig', ['serve', '--write-kubeconfig', 'out/kubeconfig'], { writeKubeconfig: '/home/talk/out/kubeconfig' }],
    ['--log-level', ['serve', '--log-level', 'debug'], { logLevel: 'debug' }],
    ['--log-level silent', ['serve', '--log-level', 'silent'], { logLevel: 'silent' }],
    ['--state-dir', ['serve', '--state-dir', '/var/lib/kf'], { stateDir: '/var/lib/kf' }],
    ['flags without the command name', ['--port', '0', '--http'], { port: 0, http: true }],
  ])('reads %s', (_name, argv, expected) => {
    expect(configOf(parseCommandLine(argv, CONTEXT))).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each([
    ['an unknown flag', ['serve', '--sped', '2'], "unknown option '--sped'"],
    ['an unknown command', ['run'], 'too many arguments'],
    ['a port that is not a number', ['serve', '--port', 'https'], 'Expected a port number from 0 to 65535.'],
    ['a port out of range', ['serve', '--port', '65536'], 'Expected a port number from 0 to 65535.'],
    ['a negative port', ['serve', '--port=-1'], 'Expected a port number from 0 to 65535.'],
    ['a port with trailing junk', ['serve', '--port', '6443x'], 'Expected a port number from 0 to 65535.'],
    ['a missing port', ['serve', '--port'], "option '--port <port>' argument missing"],
    ['an unknown log level', ['serve', '--log-level', 'verbose'], 'Allowed choices are fatal, error, warn, info, debug, trace, silent.'],
    ['a URL as the host', ['serve', '--host', 'https://127.0.0.1'], 'not a URL'],
    ['an empty host', ['serve', '--host', ''], 'Expected an IP address or host name.'],
    ['an empty cluster file', ['serve', '--cluster', ''], 'Expected a file path.'],
  ])('rejects %s with a message and exit code 2', (_name, argv, message) => {
    const outcome = parseCommandLine(argv, CONTEXT);
    expect(outcome).toMatchObject({ kind: 'exit', code: 2, stdout: '' });
    if (outcome.kind !== 'exit') return;
    expect(outcome.stderr).toMatch(/^error: /);
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).toContain("run 'kubefacade serve --help'");
  });

  it.each([
    ['--help', ['serve', '--help']],
    ['-h', ['serve', '-h']],
  ])('prints the flags for %s and exits 0', (_name, argv) => {
    const outcome = parseCommandLine(argv, CONTEXT);
    expect(outcome).toMatchObject({ kind: 'exit', code: 0, stderr: '' });
    if (outcome.kind !== 'exit') return;
    for (const flag of ['--cluster', '--host', '--port', '--http', '--write-kubeconfig', '--log-level', '--state-dir']) {
      expect(outcome.stdout).toContain(flag);
    }
    expect(outcome.stdout).toContain('the talk cluster');
  });

  it('prints its version for --version and exits 0', () => {
    expect(parseCommandLine(['--version'], CONTEXT)).toEqual({ kind: 'exit', code: 0, stdout: '1.2.3\n', stderr: '' });
  });

  it('lists the serve command in the top-level help', () => {
    const outcome = parseCommandLine(['--help'], CONTEXT);
    expect(outcome).toMatchObject({ kind: 'exit', code: 0, stdout: expect.stringContaining('serve') });
  });
});
