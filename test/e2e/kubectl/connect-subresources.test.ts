/**
 * The connect subresources through real kubectl. exec, attach and port-forward end with the 403 a read-only RBAC
 * user gets, whichever protocol the binary tries (1.30+ first a websocket GET, then SPDY POST); nodes/proxy
 * reaches the simulated kubelet; a pod or service behind a proxy cannot be reached, as from an API server with no
 * route to the pod network.
 */
import { resolvePodRef } from '../talk-cluster.js';
import { type CaseContext, kubectlCases, lines } from './kubectl-cases.js';

const WEB = '<web-1>';

const refused =
  (sub: string) =>
  ({ server }: CaseContext) =>
    `pods "${resolvePodRef(server.running.cluster.store, WEB)}" is forbidden: User "system:anonymous" cannot create resource "pods/${sub}" in API group "" in the namespace "default"`;

kubectlCases('kubectl exec, attach, port-forward and the proxies', [
  {
    says: 'is refused in the words of RBAC',
    args: ['exec', WEB, '--', 'ls'],
    stdout: '',
    stderr: (context) => lines(`Error from server (Forbidden): ${refused('exec')(context)}`),
    exitCode: 1,
  },
  {
    says: 'is refused the same way with a terminal asked for (kubectl warns there is none first)',
    args: ['exec', '-it', WEB, '--', 'sh'],
    stdout: '',
    stderr: (context) =>
      lines('Unable to use a TTY - input is not a terminal or the right kind of file', `Error from server (Forbidden): ${refused('exec')(context)}`),
    exitCode: 1,
  },
  {
    says: 'is refused for pods/attach',
    args: ['attach', WEB],
    stdout: '',
    // kubectl 1.34 first warns that the session is recorded (measured with 1.34.5 and 1.35.2).
    stderr: (context) =>
      lines(
        ...(context.binary.minor >= 34
          ? [
              'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.',
            ]
          : []),
        "If you don't see a command prompt, try pressing enter.",
        `Error from server (Forbidden): ${refused('attach')(context)}`,
      ),
    exitCode: 1,
  },
  {
    says: 'is refused for pods/portforward, before any local port is bound',
    args: ['port-forward', `pod/${WEB}`, '18080:80'],
    stdout: '',
    stderr: (context) => lines(`error: error upgrading connection: ${refused('portforward')(context)}`),
    exitCode: 1,
  },
  {
    says: "reaches node1's kubelet",
    args: ['get', '--raw', '/api/v1/nodes/node1/proxy/healthz'],
    stdout: 'ok',
  },
  {
    says: 'follows the kubelet to /logs/ and prints its listing of /var/log',
    args: ['get', '--raw', '/api/v1/nodes/node1/proxy/logs?query=kubelet'],
    stdout: lines(
      '<!doctype html>',
      '<meta name="viewport" content="width=device-width">',
      '<pre>',
      '<a href="containers/">containers/</a>',
      '<a href="pods/">pods/</a>',
      '</pre>',
    ),
  },
  {
    says: "prints node2's Summary, the web pods among its pods",
    args: ['get', '--raw', '/api/v1/nodes/node2/proxy/stats/summary'],
    stdoutMatch: /^\{\n "node": \{\n {2}"nodeName": "node2",\n/,
    check: ({ stdout }, { server }) => {
      const summary = JSON.parse(stdout) as { pods: { podRef: { name: string } }[] };
      expect(summary.pods.map((pod) => pod.podRef.name)).toContain(resolvePodRef(server.running.cluster.store, WEB));
    },
  },
  {
    says: 'answers 404 as the kubelet does for a path it does not serve',
    args: ['get', '--raw', '/api/v1/nodes/node1/proxy/nothing'],
    stdout: '',
    stderr: lines('Error from server (NotFound): the server could not find the requested resource'),
    exitCode: 1,
  },
  {
    says: 'cannot reach the pods behind a service',
    args: ['get', '--raw', '/api/v1/namespaces/default/services/web/proxy/'],
    stdout: '',
    // The address the proxy tries is one of web's endpoints; which pod got which IP is the replay's (seeded) draw.
    stderr: ({ server }: CaseContext) => {
      const endpoints = server.running.cluster.store.get('/endpoints', 'default', 'web')?.object as { subsets?: { addresses?: { ip: string }[] }[] };
      const ip = endpoints.subsets?.[0]?.addresses?.[0]?.ip ?? '';
      return lines(`Error from server (ServiceUnavailable): error trying to reach service: dial tcp ${ip}:80: connect: no route to host`);
    },
    exitCode: 1,
  },
  {
    says: 'finds no endpoint it may proxy to for the kubernetes service (its address is no pod)',
    args: ['get', '--raw', '/api/v1/namespaces/default/services/kubernetes/proxy/'],
    stdout: '',
    stderr: lines('Error from server (ServiceUnavailable): no endpoints available for service "kubernetes"'),
    exitCode: 1,
  },
  {
    says: 'cannot reach a pod',
    args: ['get', '--raw', `/api/v1/namespaces/default/pods/${WEB}:80/proxy/`],
    stdout: '',
    stderr: ({ server }) => {
      const ip = server.running.cluster.store.get('/pods', 'default', resolvePodRef(server.running.cluster.store, WEB))?.object.status as { podIP: string };
      return lines(`Error from server (ServiceUnavailable): error trying to reach service: dial tcp ${ip.podIP}:80: connect: no route to host`);
    },
    exitCode: 1,
  },
]);
