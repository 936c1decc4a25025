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
  token: undefined,
  anonymousAuth: undefined,
  maxRequestsInFlight: 400,
  maxMutatingRequestsInFlight: 200,
  requestTimeoutMs: 60_000,
};

function configOf(outcome: CommandLineOutcome): Config {
  if (outcome.kind === 'exit') throw new Error(`expected a config, got exit ${outcome.code}: ${outcome.stderr}`);
  if (outcome.kind !== 'run') throw new Error(`expected serve, got ${outcome.kind}`);
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
    ['--token', ['serve', '--token', 's3cr3t.T0ken'], { token: 's3cr3t.T0ken' }],
    ['--anonymous-auth alone as true', ['serve', '--anonymous-auth'], { anonymousAuth: true }],
    ['--anonymous-auth=false, as kube-apiserver takes it', ['serve', '--anonymous-auth=false'], { anonymousAuth: false }],
    ['--anonymous-auth=true', ['serve', '--anonymous-auth=true'], { anonymousAuth: true }],
    ['--max-requests-inflight', ['serve', '--max-requests-inflight', '10'], { maxRequestsInFlight: 10 }],
    ['--max-requests-inflight 0 for no limit', ['serve', '--max-requests-inflight=0'], { maxRequestsInFlight: 0 }],
    ['--max-mutating-requests-inflight', ['serve', '--max-mutating-requests-inflight', '5'], { maxMutatingRequestsInFlight: 5 }],
    ['--request-timeout in seconds', ['serve', '--request-timeout', '30s'], { requestTimeoutMs: 30_000 }],
    ['--request-timeout as Go prints it', ['serve', '--request-timeout=1m30s'], { requestTimeoutMs: 90_000 }],
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
    ['a token with a space', ['serve', '--token', 'two words'], 'Expected a token of visible ASCII characters without spaces.'],
    ['an empty token', ['serve', '--token', ''], 'Expected a token of visible ASCII characters without spaces.'],
    ['--anonymous-auth=maybe', ['serve', '--anonymous-auth=maybe'], 'Expected true or false.'],
    ['a negative in-flight limit', ['serve', '--max-requests-inflight=-1'], 'Expected a whole number of requests, 0 for no limit.'],
    ['a request timeout without a unit', ['serve', '--request-timeout', '60'], 'Expected a duration such as 60s, 1m30s or 500ms.'],
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
    for (const flag of [
      '--cluster',
      '--host',
      '--port',
      '--http',
      '--write-kubeconfig',
      '--log-level',
      '--state-dir',
      '--token',
      '--anonymous-auth',
      '--max-requests-inflight',
      '--max-mutating-requests-inflight',
      '--request-timeout',
    ]) {
      expect(outcome.stdout).toContain(flag);
    }
    expect(outcome.stdout).toContain('the talk cluster');
  });

  it.each([
    ['KUBEFACADE_TOKEN gives the token', {}, { KUBEFACADE_TOKEN: 'from-env' }, 'from-env'],
    ['--token wins over KUBEFACADE_TOKEN', { flag: 'from-flag' }, { KUBEFACADE_TOKEN: 'from-env' }, 'from-flag'],
    ['an empty KUBEFACADE_TOKEN is no token', {}, { KUBEFACADE_TOKEN: '' }, undefined],
  ])('reads the token: %s', (_name, given: { flag?: string }, env, token) => {
    const argv = given.flag === undefined ? ['serve'] : ['serve', '--token', given.flag];
    expect(configOf(parseCommandLine(argv, { ...CONTEXT, env })).token).toBe(token);
  });

  it('prints its version for --version and exits 0', () => {
    expect(parseCommandLine(['--version'], CONTEXT)).toEqual({ kind: 'exit', code: 0, stdout: '1.2.3\n', stderr: '' });
  });

  it('lists the serve command in the top-level help', () => {
    const outcome = parseCommandLine(['--help'], CONTEXT);
    expect(outcome).toMatchObject({ kind: 'exit', code: 0, stdout: expect.stringContaining('serve') });
  });
});
