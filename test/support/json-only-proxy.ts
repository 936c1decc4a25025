import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * A plain-HTTP proxy in front of a kubefacade server that strips protobuf from every Accept header, so a client
 * going through it is answered in JSON what it would otherwise read in protobuf. Counts the requests it rewrote.
 */
export interface JsonOnlyProxy {
  /** A kubeconfig for the proxy, holding the server's token. */
  kubeconfigYaml: string;
  /** How many requests asked for protobuf and were rewritten to JSON. */
  rewritten(): number;
  close(): Promise<void>;
}

export async function startJsonOnlyProxy(target: { url: string; caPem?: string; token: string }): Promise<JsonOnlyProxy> {
  const upstream = new URL(target.url);
  let rewritten = 0;
  const server: Server = createServer((req, res) => {
    const headers: IncomingHttpHeaders = { ...req.headers, host: upstream.host };
    const accept = req.headers.accept;
    if (accept?.includes('vnd.kubernetes.protobuf')) {
      rewritten++;
      const kept = accept
        .split(',')
        .map((clause) => clause.trim())
        .filter((clause) => !clause.startsWith('application/vnd.kubernetes.protobuf'));
      headers.accept = kept.length > 0 ? kept.join(',') : 'application/json';
    }
    const forwarded = httpsRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers, ...(target.caPem ? { ca: target.caPem } : {}) },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kubeconfigYaml = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: proxy`,
    '  cluster:',
    `    server: http://127.0.0.1:${port}`,
    'users:',
    '- name: proxy',
    '  user:',
    `    token: ${target.token}`,
    'contexts:',
    '- name: proxy',
    '  context:',
    '    cluster: proxy',
    '    user: proxy',
    'current-context: proxy',
    '',
  ].join('\n');
  return {
    kubeconfigYaml,
    rewritten: () => rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
