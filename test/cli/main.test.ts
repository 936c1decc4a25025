import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { KubeConfig } from '@kubernetes/client-node';
import { dump } from 'js-yaml';
import type { RunningServer } from '../../src/start-server.js';
import { main, type MainEnvironment } from '../../src/main.js';
import { sampleObjects } from '../support/sample-objects.js';

interface Run {
  env: MainEnvironment;
  stdout: () => string;
  stderr: () => string;
  log: string[];
  ready: Promise<RunningServer>;
  requestStop(signal: string): void;
}

/** main() with captured output, a log sink, and a stop signal the test sends. */
function prepare(argv: string[], cwd: string): Run {
  let stdout = '';
  let stderr = '';
  const log: string[] = [];
  let requestStop: (signal: string) => void = () => undefined;
  let markReady: (running: RunningServer) => void = () => undefined;
  const ready = new Promise<RunningServer>((resolve) => (markReady = resolve));
  const env: MainEnvironment = {
    argv,
    cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    logDestination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        log.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter((l) => l !== ''),
        );
        done();
      },
    }),
    stopRequested: new Promise<string>((resolve) => (requestStop = resolve)),
    onReady: (running) => markReady(running),
  };
  return { env, stdout: () => stdout, stderr: () => stderr, log, ready, requestStop: (s) => requestStop(s) };
}

function manyConfigMaps(count: number): object[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${i}`, namespace: 'default' },
    data: { n: String(i) },
  }));
}

let dir: string;
let clusterFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubefacade-main-'));
  clusterFile = join(dir, 'cluster.yaml');
  await writeFile(
    clusterFile,
    sampleObjects()
      .map((o) => dump(o))
      .join('---\n'),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kubefacade serve', () => {
  it('listens, writes a kubeconfig with the port it bound, prints a banner, and exits 0 on SIGTERM', async () => {
    const run = prepare(['serve', '--port', '0', '--cluster', 'cluster.yaml', '--write-kubeconfig', 'out/kubeconfig'], dir);
    const exited = main(run.env);
    const running = await run.ready;

    const kubeconfig = new KubeConfig();
    kubeconfig.loadFromString(await readFile(join(dir, 'out', 'kubeconfig'), 'utf8'));
    expect(kubeconfig.getCurrentCluster()?.server).toBe(running.url);
    expect(running.url).toMatch(/^https:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(run.stderr()).toContain(`serving ${running.url}`);
    expect(run.stderr()).toContain(`kubectl --kubeconfig ${join(dir, 'out', 'kubeconfig')} get nodes`);
    expect(run.stderr()).toContain(`CA:         ${join(dir, '.state', 'ca.crt')}`);
    // The kubeconfig's user holds the token kept in the state dir, the one the server asks for.
    const token = (await readFile(join(dir, '.state', 'token'), 'utf8')).trim();
    expect(kubeconfig.getCurrentUser()).toMatchObject({ token });
    expect(running.token).toBe(token);

    run.requestStop('SIGTERM');
    await expect(exited).resolves.toBe(0);
    expect(run.log.map((line) => JSON.parse(line) as { msg: string }).map((l) => l.msg)).toEqual(expect.arrayContaining(['serving', 'stopping']));
  });

  it.each([
    ['http', ['--http'], (cwd: string) => ` --token "$(cat ${join(cwd, '.state', 'token')})"`],
    ['https', [], (cwd: string) => ` --certificate-authority ${join(cwd, '.state', 'ca.crt')} --token "$(cat ${join(cwd, '.state', 'token')})"`],
  ])('over %s, tells how to reach the server without a kubeconfig', async (_scheme, flags, trust) => {
    const run = prepare(['serve', '--port', '0', ...flags, '--cluster', clusterFile], dir);
    const exited = main(run.env);
    const running = await run.ready;
    expect(run.stderr()).toContain(`try: kubectl --server ${running.url}${trust(dir)} get nodes`);
    run.requestStop('SIGINT');
    await expect(exited).resolves.toBe(0);
  });

  it('takes the token from KUBEFACADE_TOKEN, and answers a wrong one 401', async () => {
    const run = prepare(['serve', '--port', '0', '--http', '--cluster', clusterFile, '--anonymous-auth=false'], dir);
    run.env.env = { KUBEFACADE_TOKEN: 'env-token' };
    const exited = main(run.env);
    const running = await run.ready;
    expect(running.token).toBe('env-token');
    expect(run.stderr()).toContain(`try: kubectl --server ${running.url} --token TOKEN get nodes`);
    expect((await fetch(`${running.url}/api/v1/nodes`, { headers: { Authorization: 'Bearer env-token' } })).status).toBe(200);
    expect((await fetch(`${running.url}/api/v1/nodes`, { headers: { Authorization: 'Bearer other' } })).status).toBe(401);
    expect((await fetch(`${running.url}/api/v1/nodes`)).status).toBe(401);
    run.requestStop('SIGINT');
    await expect(exited).resolves.toBe(0);
  });

  it('on a terminal, shows a progress line while the cluster loads, and erases it', async () => {
    await writeFile(clusterFile, [...sampleObjects(), ...manyConfigMaps(20_000)].map((o) => dump(o)).join('---\n'));
    const run = prepare(['serve', '--port', '0', '--http', '--cluster', clusterFile], dir);
    run.env.stderrIsTTY = true;
    const exited = main(run.env);
    await run.ready;
    expect(run.stderr()).toContain(`\r\x1b[Kloading ${clusterFile} ...`);
    expect(run.stderr()).toContain(`\r\x1b[Kloading ${clusterFile}: 10000 of 20012 objects stored`);
    expect(run.stderr()).toContain(`\r\x1b[Kkubefacade`);
    run.requestStop('SIGINT');
    await expect(exited).resolves.toBe(0);
  });

  it('on a terminal, shows the megabytes read and the objects parsed of a large JSON file', async () => {
    const file = join(dir, 'cluster.json');
    const items = [...sampleObjects(), ...manyConfigMaps(30_000).map((o) => ({ ...o, data: { text: 'x'.repeat(300) } }))];
    const text = `{"apiVersion":"v1","kind":"List","items":[\n${items.map((o) => JSON.stringify(o)).join(',\n')}\n]}\n`;
    await writeFile(file, text);
    const run = prepare(['serve', '--port', '0', '--http', '--cluster', file], dir);
    run.env.stderrIsTTY = true;
    const exited = main(run.env);
    await run.ready;
    const mebibytes = (Buffer.byteLength(text) / 2 ** 20).toFixed(0);
    expect(run.stderr()).toContain(`\r\x1b[Kloading ${file}: 4 of ${mebibytes} MiB read`);
    expect(run.stderr()).toContain(`\r\x1b[Kloading ${file}: ${mebibytes} of ${mebibytes} MiB read, ${items.length} objects`);
    run.requestStop('SIGINT');
    await expect(exited).resolves.toBe(0);
  });

  it('without a terminal, prints no progress line', async () => {
    const run = prepare(['serve', '--port', '0', '--http', '--cluster', clusterFile], dir);
    const exited = main(run.env);
    await run.ready;
    expect(run.stderr()).not.toContain('\r');
    run.requestStop('SIGINT');
    await expect(exited).resolves.toBe(0);
  });

  it('reports a broken cluster file as file:line: reason and exits 1 without listening', async () => {
    await writeFile(clusterFile, 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n');
    const run = prepare(['serve', '--port', '0', '--cluster', clusterFile], dir);
    let listened = false;
    void run.ready.then(() => (listened = true));
    await expect(main(run.env)).resolves.toBe(1);
    // Named as a compiler names files: relative to the working directory it lies below.
    expect(run.stderr()).toMatch(/^error: cluster\.yaml:\d+: .+\n$/);
    expect(listened).toBe(false);
  });

  it.each([
    [['serve', '--help'], 0, /Usage: kubefacade serve/, ''],
    [['--version'], 0, /^\d+\.\d+\.\d+\n$/, ''],
    [['serve', '--port', 'x'], 2, /^$/, 'error: '],
  ])('for %j prints and exits %d without starting', async (argv, code, stdout, stderr) => {
    const run = prepare(argv, dir);
    await expect(main(run.env)).resolves.toBe(code);
    expect(run.stdout()).toMatch(stdout);
    expect(run.stderr()).toContain(stderr);
  });
});
