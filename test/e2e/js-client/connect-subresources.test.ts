/**
 * @kubernetes/client-node 1.4 on the connect subresources: its Exec, Attach and PortForward open a websocket
 * (a GET with `Upgrade: websocket` and the channel.k8s.io subprotocols), which kubefacade refuses with the RBAC
 * 403 before any handshake; its generated node-proxy call reaches the simulated kubelet.
 */
import { request as httpsRequest } from 'node:https';
import { PassThrough } from 'node:stream';
import { Attach, CoreV1Api, Exec, PortForward } from '@kubernetes/client-node';
import { useE2eServer } from '../../support/e2e-server.js';
import { podsOf } from '../talk-cluster.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('the JS client on exec, attach, port-forward and node proxy', () => {
  const server = useE2eServer();
  const web = (): string => podsOf(server().running.cluster.store, 'web')[0] ?? '';
  const forbidden = (sub: string): string =>
    `pods "${web()}" is forbidden: User "system:anonymous" cannot create resource "pods/${sub}" in API group "" in the namespace "default"`;

  /** The handshake the client's WebSocketHandler sends, made by hand so that the refusal can be read whole. */
  function websocketHandshake(path: string): Promise<RawAnswer> {
    const { url, caPem } = server().running;
    return new Promise((resolve, reject) => {
      const req = httpsRequest(new URL(path, url), {
        ca: caPem,
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Version': '13',
          'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Protocol': 'v5.channel.k8s.io, v4.channel.k8s.io, v3.channel.k8s.io, v2.channel.k8s.io, channel.k8s.io',
        },
      });
      req.on('upgrade', () => reject(new Error('the server switched protocols')));
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('Exec is refused at the handshake: the websocket never opens', async () => {
    const exec = new Exec(server().running.kubeConfig);
    const stdout = new PassThrough();
    await expect(exec.exec('default', web(), 'nginx', ['ls'], stdout, stdout, null, false)).rejects.toMatchObject({
      message: 'Unexpected server response: 403',
    });
  });

  it('Attach and PortForward are refused the same way', async () => {
    const stdout = new PassThrough();
    await expect(new Attach(server().running.kubeConfig).attach('default', web(), 'nginx', stdout, stdout, null, false)).rejects.toMatchObject({
      message: 'Unexpected server response: 403',
    });
    await expect(new PortForward(server().running.kubeConfig).portForward('default', web(), [80], stdout, null, new PassThrough())).rejects.toMatchObject({
      message: 'Unexpected server response: 403',
    });
  });

  it.each([
    ['exec', (pod: string) => `/api/v1/namespaces/default/pods/${pod}/exec?stdout=true&stderr=true&stdin=false&tty=false&command=ls&container=nginx`],
    ['attach', (pod: string) => `/api/v1/namespaces/default/pods/${pod}/attach?container=nginx&stderr=true&stdin=false&stdout=true&tty=false`],
    ['portforward', (pod: string) => `/api/v1/namespaces/default/pods/${pod}/portforward?ports=80`],
  ])('the %s handshake is answered with a JSON Status on the same connection', async (sub, path) => {
    const answer = await websocketHandshake(path(web()));
    expect(answer.status).toBe(403);
    expect(answer.headers['upgrade']).toBeUndefined();
    expect(answer.headers['content-type']).toBe('application/json');
    expect(JSON.parse(answer.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: forbidden(sub),
      reason: 'Forbidden',
      details: { name: web(), kind: 'pods' },
      code: 403,
    });
  });

  it("reads a node's kubelet through the generated proxy call", async () => {
    const core = server().running.kubeConfig.makeApiClient(CoreV1Api);
    expect(await core.connectGetNodeProxyWithPath({ name: 'node1', path: 'healthz' })).toBe('ok');
    // The path is sent escaped as one segment (stats%2Fsummary), as the API server's route reads it back; the
    // client decodes the JSON it gets, though the generated signature says string.
    const summary: unknown = await core.connectGetNodeProxyWithPath({ name: 'node1', path: 'stats/summary' });
    const parsed = summary as { node: { nodeName: string }; pods: unknown[] };
    expect(parsed.node.nodeName).toBe('node1');
    expect(parsed.pods.length).toBeGreaterThan(0);
  });
});
