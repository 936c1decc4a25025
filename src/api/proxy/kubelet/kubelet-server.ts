import type { BackendAnswer } from '../backend-answer.js';
import { movedPermanently, muxNotFound, restfulMethodNotAllowed, restfulNotFound } from './go-answers.js';
import { kubeletHealthz } from './kubelet-healthz.js';
import { kubeletLogs } from './kubelet-logs.js';
import { kubeletPods } from './kubelet-pods.js';
import type { KubeletRequest } from './kubelet-request.js';
import { kubeletStream } from './kubelet-streams.js';
import { statsSummary } from './stats-summary.js';

/**
 * A node's kubelet as the API server reaches it through nodes/proxy: the paths its server registers (k/k
 * pkg/kubelet/server/server.go), matched as its net/http ServeMux matches them (the longest pattern; a subtree
 * named without its slash is redirected to it; nothing registered is `404 page not found`), then routed as
 * go-restful routes them within a web service (`404: Page Not Found`, `405: Method Not Allowed`).
 */
type Route = (request: KubeletRequest) => BackendAnswer;

/** go-restful routes answer GET only (POST too upstream, which the authorization filter never lets through). */
const restful =
  (route: Route): Route =>
  (request) =>
    request.method === 'GET' ? route(request) : restfulMethodNotAllowed();

const healthz: Route = (request) => kubeletHealthz(request.path, new URLSearchParams(request.rawQuery));

const EXACT: Readonly<Record<string, Route>> = {
  '/healthz': healthz,
  '/healthz/ping': healthz,
  '/healthz/log': healthz,
  '/healthz/syncloop': healthz,
  '/pods': restful((request) => kubeletPods(request.cluster, request.node)),
  '/run': restfulNotFound,
  '/exec': restfulNotFound,
  '/attach': restfulNotFound,
  '/portForward': restfulNotFound,
};

const SUBTREES: Readonly<Record<string, Route>> = {
  '/pods/': restfulNotFound,
  '/stats/': restful((request) =>
    request.path === '/stats/summary'
      ? statsSummary(request.cluster, request.node, new URLSearchParams(request.rawQuery).getAll('only_cpu_and_memory').join() === 'true')
      : restfulNotFound(),
  ),
  '/logs/': restful(kubeletLogs),
  '/run/': kubeletStream,
  '/exec/': kubeletStream,
  '/attach/': kubeletStream,
  '/portForward/': kubeletStream,
  // ContainerCheckpoint (beta, on since v1.30): POST /checkpoint/{namespace}/{pod}/{container} only.
  '/checkpoint/': (request) => (request.path.split('/').length === 5 ? restfulMethodNotAllowed() : restfulNotFound()),
};

export function serveKubelet(request: KubeletRequest): BackendAnswer {
  const exact = EXACT[request.path];
  if (exact) return exact(request);
  const subtree = Object.keys(SUBTREES)
    .filter((pattern) => request.path.startsWith(pattern))
    .sort((a, b) => b.length - a.length)[0];
  if (subtree !== undefined) return (SUBTREES[subtree] as Route)(request);
  if (SUBTREES[`${request.path}/`]) {
    const location = `${request.path}/${request.rawQuery === '' ? '' : `?${request.rawQuery}`}`;
    return movedPermanently(location, request.method);
  }
  return muxNotFound();
}
