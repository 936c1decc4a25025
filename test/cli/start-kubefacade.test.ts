import { execFile } from 'node:child_process';
import type { IncomingHttpHeaders } from 'node:http';
import { get as httpsGet } from 'node:https';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { CoreV1Api, Watch } from '@kubernetes/client-node';
import { type RunningKubefacade, startKubefacade } from '../../src/index.js';
import { sampleObjects } from '../support/sample-objects.js';

const run = promisify(execFile);

/** kubectl with stdin closed, as in CI: a credentials prompt would fail it with EOF instead of hanging. */
async function kubectl(args: string[]): Promise<string> {
  const pending = run('kubectl', args);
  pending.child.stdin?.end();
  return (await pending).stdout;
}

/** GET over https trusting only the server's own CA. */
function getTrusting(url: string, caPem: string): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    httpsGet(url, { ca: caPem }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    }).on('error', reject);
  });
}

describe('startKubefacade over https', () => {
  let server: RunningKubefacade;
  let dir: string;
  beforeAll(async () => {
    server = await startKubefacade({ cluster: { objects: sampleObjects() } });
    dir = await mkdtemp(join(tmpdir(), 'kubefacade-start-'));
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on a free port of 127.0.0.1', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toBe('https://127.0.0.1:0');
  });

  it('hands out a KubeConfig that client-node uses as it is, trusting the CA', async () => {
    const core = server.kubeConfig.makeApiClient(CoreV1Api);
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['node1', 'node2', 'node3']);
  });

  it("keeps an idle keep-alive connection for kube-apiserver's 90 s, not Node's 5 s", async () => {
    // Node announces the idle timeout its server was given; kube-apiserver's is 90 s (secure_serving.go IdleTimeout).
    const { status, headers } = await getTrusting(`${server.url}/version`, server.caPem ?? '');
    expect(status).toBe(200);
    expect(headers.connection).toBe('keep-alive');
    expect(headers['keep-alive']).toBe('timeout=90');
  });

  it('serves a certificate Go accepts: kubectl reads the server through the kubeconfig, without prompting', async () => {
    const kubeconfig = join(dir, 'kubeconfig');
    await writeFile(kubeconfig, server.kubeconfigYaml);
    // --raw skips discovery: this is about TLS and the kubeconfig, not about what kubectl prints.
    const stdout = await kubectl(['--kubeconfig', kubeconfig, 'get', '--raw', '/api/v1/nodes']);
    const list = JSON.parse(stdout) as { kind: string; items: { metadata: { name: string } }[] };
    expect(list.kind).toBe('NodeList');
    expect(list.items.map((n) => n.metadata.name)).toEqual(['node1', 'node2', 'node3']);
  });

  it('counts the requests it served on /metrics', async () => {
    await server.kubeConfig.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'default' });
    const { status, body } = await getTrusting(`${server.url}/metrics`, server.caPem ?? '');
    expect(status).toBe(200);
    expect(body).toMatch(/apiserver_request_total\{verb="LIST",[^}]*resource="pods",[^}]*scope="namespace",[^}]*code="200"\} [1-9]/);
  });
});

describe('stopping', () => {
  it('ends open watches, so nothing keeps jest alive', async () => {
    const server = await startKubefacade({ cluster: { objects: sampleObjects() }, http: true });
    const ended = new Promise<void>((resolve) => {
      void new Watch(server.kubeConfig).watch(
        '/api/v1/namespaces/default/pods',
        {},
        () => undefined,
        () => resolve(),
      );
    });
    const listed = new Promise<void>((resolve, reject) => {
      void new Watch(server.kubeConfig).watch(
        '/api/v1/nodes',
        {},
        (type) => type === 'ADDED' && resolve(),
        (error: unknown) => reject(error instanceof Error ? error : new Error('the watch ended before any event')),
      );
    });
    await listed;
    await server.stop();
    await ended;
    await expect(server.kubeConfig.makeApiClient(CoreV1Api).listNode()).rejects.toThrow();
  });

  it('may be called twice', async () => {
    const server = await startKubefacade({ cluster: { objects: sampleObjects() }, http: true });
    await Promise.all([server.stop(), server.stop()]);
    await server.stop();
  });
});

describe('startKubefacade options', () => {
  let stateDir: string;
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'kubefacade-state-'));
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('serves plain http with a kubeconfig that has no CA, usable by client-node', async () => {
    const server = await startKubefacade({ cluster: { objects: sampleObjects() }, http: true });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.caPem).toBeUndefined();
      expect(server.kubeconfigYaml).not.toContain('certificate-authority');
      const nodes = await server.kubeConfig.makeApiClient(CoreV1Api).listNode();
      expect(nodes.items).toHaveLength(3);
    } finally {
      await server.stop();
    }
  });

  it('keeps the CA in the state dir, so a restarted server is trusted by the old kubeconfig', async () => {
    const first = await startKubefacade({ cluster: { objects: sampleObjects() }, stateDir });
    await first.stop();
    const second = await startKubefacade({ cluster: { objects: sampleObjects() }, stateDir });
    try {
      expect(second.caPem).toBe(first.caPem);
    } finally {
      await second.stop();
    }
  });

  it('keeps the token in the state dir, so a restarted server authenticates the old kubeconfig', async () => {
    const first = await startKubefacade({ cluster: { objects: sampleObjects() }, stateDir, http: true });
    await first.stop();
    const second = await startKubefacade({ cluster: { objects: sampleObjects() }, stateDir, http: true });
    try {
      expect(second.token).toBe(first.token);
      expect(second.tokenSource).toBe('state-dir');
      const kubeconfig = load(first.kubeconfigYaml) as { users: { user: { token: string } }[] };
      expect(kubeconfig.users[0]?.user.token).toBe(first.token);
      const response = await fetch(`${second.url}/api/v1/nodes`, { headers: { Authorization: `Bearer ${first.token}` } });
      expect(response.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('on an address other than loopback, answers requests without the token 401 but the kubeconfig user 200', async () => {
    const server = await startKubefacade({ cluster: { objects: sampleObjects() }, http: true, host: '0.0.0.0', token: 'the-token' });
    try {
      const url = server.url; // dialled at 127.0.0.1, bound everywhere
      expect((await fetch(`${url}/api/v1/nodes`)).status).toBe(401);
      expect((await fetch(`${url}/api/v1/nodes`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${url}/livez`)).status).toBe(200);
      const nodes = await server.kubeConfig.makeApiClient(CoreV1Api).listNode();
      expect(nodes.items).toHaveLength(3);
    } finally {
      await server.stop();
    }
  });

  it('serves requests without a token anywhere with anonymousAuth, and nowhere without it', async () => {
    const open = await startKubefacade({ cluster: { objects: sampleObjects() }, http: true, host: '0.0.0.0', anonymousAuth: true });
    const closed = await startKubefacade({ cluster: { objects: sampleObjects() }, http: true, anonymousAuth: false });
    try {
      expect((await fetch(`${open.url}/api/v1/nodes`)).status).toBe(200);
      expect((await fetch(`${closed.url}/api/v1/nodes`)).status).toBe(401);
      expect((await fetch(`${closed.url}/healthz`)).status).toBe(401);
    } finally {
      await open.stop();
      await closed.stop();
    }
  });

  it('says clearly when the port is taken', async () => {
    const first = await startKubefacade({ cluster: { objects: sampleObjects() }, http: true });
    const port = Number(new URL(first.url).port);
    try {
      await expect(startKubefacade({ cluster: { objects: sampleObjects() }, http: true, port })).rejects.toThrow(
        `cannot listen on 127.0.0.1:${port}: the port is already in use`,
      );
    } finally {
      await first.stop();
    }
  });

  it('rejects an unknown log level', async () => {
    await expect(startKubefacade({ cluster: { objects: sampleObjects() }, logLevel: 'chatty' })).rejects.toThrow('unknown log level "chatty"');
  });
});
