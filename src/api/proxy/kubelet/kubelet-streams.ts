import type { Pod } from '../../../cluster/index.js';
import type { BackendAnswer } from '../backend-answer.js';
import { httpError, restfulError, restfulMethodNotAllowed, restfulNotFound } from './go-answers.js';
import type { KubeletRequest } from './kubelet-request.js';
import { podsOnNode } from './node-pods.js';

/**
 * The kubelet's streaming endpoints, reachable through nodes/proxy: /exec and /attach
 * (`/{namespace}/{pod}[/{uid}]/{container}`), /portForward (`/{namespace}/{pod}[/{uid}]`) and /run (POST only)
 * (k/k pkg/kubelet/server/server.go InstallDebuggingHandlers). The kubelet checks the stream options and the
 * pod, then hands the connection to the runtime's streaming server through an upgrade-aware proxy that requires
 * an upgrade (proxyStream). Nothing runs in kubefacade's containers, so that is where every request ends: the
 * proxy's `Upgrade request required`, which is what a kubelet answers a request that does not upgrade.
 */
const PARAMETERS: Readonly<Record<string, readonly number[]>> = { exec: [3, 4], attach: [3, 4], portForward: [2, 3], run: [3, 4] };

export function kubeletStream(request: KubeletRequest): BackendAnswer {
  const [, endpoint = '', ...params] = request.path.split('/');
  const counts = PARAMETERS[endpoint] ?? [];
  if (!counts.includes(params.length) || params.some((p) => p === '')) return restfulNotFound();
  if (request.method !== 'GET' || endpoint === 'run') return restfulMethodNotAllowed();
  const query = new URLSearchParams(request.rawQuery);
  // remotecommand NewOptions: at least one stream, stderr not counting under a tty (it is dropped there).
  const streams = ['input', 'output', ...(query.get('tty') === '1' ? [] : ['error'])];
  if (endpoint !== 'portForward' && !streams.some((stream) => query.get(stream) === '1')) {
    return restfulError(400, 'you must specify at least 1 of stdin, stdout, stderr');
  }
  const [namespace = '', name = ''] = params;
  const pod = podsOnNode(request.cluster, request.node.metadata.name).find((p: Pod) => p.metadata.namespace === namespace && p.metadata.name === name);
  if (!pod) return restfulError(404, 'pod does not exist');
  return httpError(500, 'Upgrade request required');
}
