import { kubeletAddress, kubeletAnswers, kubeletPort, type Node } from '../../cluster/index.js';
import type { ConnectRequest } from '../connect/connect-request.js';
import { isUpgradeRequest } from '../connect/upgrade-request.js';
import { badRequest, notFound } from '../errors/api-error.js';
import { decodePath } from '../request/request-attributes.js';
import { checkUpgradeAnswer, relayAnswer } from './backend-answer.js';
import { isProxyableHost } from './global-unicast.js';
import { serveKubelet } from './kubelet/kubelet-server.js';
import { proxyPrefix, rawQuery, redirectToProxyRoot } from './proxy-path.js';
import { dialAddress, joinHostPort, splitSchemeNamePort } from './proxy-target.js';
import { unreachableBackend } from './unreachable-backend.js';

/**
 * nodes/<name>/proxy/<path>: the API server forwards the request to the node's kubelet on its port, or to
 * another port of the node when the name says `<node>:<port>` (k/k pkg/registry/core/node/rest/proxy.go,
 * node/strategy.go ResourceLocation). The kubelet is simulated (kubelet/kubelet-server.ts) and answers while
 * it posts status; a kubelet that stopped cannot be dialed, and nothing else listens on the node.
 */
export function nodeProxy({ cluster, info, subpath, req, res }: ConnectRequest): void {
  const target = splitSchemeNamePort(info.name);
  if (!target) throw badRequest(`invalid node request ${JSON.stringify(info.name)}`);
  const node = cluster.store.get('/nodes', undefined, target.name)?.object as Node | undefined;
  if (!node) throw notFound('', 'nodes', target.name);
  const host = kubeletAddress(node);
  if (!isProxyableHost(host)) throw badRequest('address not allowed');
  const upgrade = isUpgradeRequest(req.headers);
  if (subpath === '' && !upgrade) return redirectToProxyRoot(req, res);
  const port = String(kubeletPort(node));
  if (target.port !== '' && target.port !== port) throw unreachableBackend(dialAddress(host, target.port, target.scheme), 'connection refused', upgrade);
  if (!kubeletAnswers(node)) throw unreachableBackend(joinHostPort(host, port), 'no route to host', upgrade);
  const path = subpath === '' ? '/' : decodePath(subpath);
  const answer = serveKubelet({ cluster, node, method: req.method, path, rawQuery: rawQuery(req), upgrade });
  if (upgrade) checkUpgradeAnswer(answer);
  relayAnswer(res, answer, proxyPrefix(req, subpath));
}
