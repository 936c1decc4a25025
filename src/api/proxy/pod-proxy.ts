import type { Pod } from '../../cluster/index.js';
import type { ConnectRequest } from '../connect/connect-request.js';
import { isUpgradeRequest } from '../connect/upgrade-request.js';
import { badRequest, notFound } from '../errors/api-error.js';
import { isGlobalUnicast } from './global-unicast.js';
import { redirectToProxyRoot } from './proxy-path.js';
import { dialAddress, splitSchemeNamePort } from './proxy-target.js';
import { unreachableBackend } from './unreachable-backend.js';

/**
 * pods/<name>[:<port>]/proxy/<path>: the API server dials the pod's IP on the port named, or on the first port
 * its containers declare (k/k pkg/registry/core/pod/rest/subresources.go ProxyREST, pod/strategy.go
 * ResourceLocation). A pod without a usable IP is refused before any dial. There is no pod network behind
 * kubefacade: the dial fails as it does from an API server with no route to the pods.
 */
export function podProxy({ cluster, info, subpath, req, res }: ConnectRequest): void {
  const target = splitSchemeNamePort(info.name);
  if (!target) throw badRequest(`invalid pod request ${JSON.stringify(info.name)}`);
  const namespace = info.namespace ?? '';
  const pod = cluster.store.get('/pods', namespace, target.name)?.object as Pod | undefined;
  if (!pod) throw notFound('', 'pods', target.name);
  const declared = (pod.spec?.containers ?? []).find((c) => (c.ports ?? []).length > 0)?.ports?.[0]?.containerPort;
  const port = target.port !== '' ? target.port : declared === undefined ? '' : String(declared);
  const ip = pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '';
  if (!isGlobalUnicast(ip)) throw badRequest('address not allowed');
  const upgrade = isUpgradeRequest(req.headers);
  if (subpath === '' && !upgrade) return redirectToProxyRoot(req, res);
  throw unreachableBackend(dialAddress(ip, port, target.scheme), 'no route to host', upgrade);
}
